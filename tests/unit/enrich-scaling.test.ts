/**
 * Enrichment is linear in the answer's length (issue 9): a 10 MB answer must not hang the ingest.
 *
 * Not timed. The work counted is the characters every regular expression run reads (each `exec`,
 * which `test`, `match`, `matchAll`, `replace` and `split` go through, counted from where it starts
 * to the end of its match, or to the end of the text when it fails). Linear code reads a fixed
 * number of characters per character of input whatever the length; code that rescans a sentence
 * per mention reads ~10× more per character at 10 MB than at 1 MB (the code before this test: 8 150
 * per character at 10 kB, 24 350 at 30 kB). The facts must scale too: 10× the text, 10× the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnricher } from '../../src/lib/programme/enrich/index';
import { longAnswerProgramme, longText, reference, type LongTextKind } from './enrich-fixtures';

const enrich = createEnricher(reference);
const nativeExec = RegExp.prototype.exec;
let work = 0;

beforeAll(() => {
	RegExp.prototype.exec = function (this: RegExp, input: string) {
		const from = this.global || this.sticky ? this.lastIndex : 0;
		const m = nativeExec.call(this, input);
		work += (m ? m.index + m[0].length : String(input).length) - from;
		return m;
	};
});
afterAll(() => {
	RegExp.prototype.exec = nativeExec;
});

function run(kind: LongTextKind, chars: number) {
	const { text, units } = longText(kind, chars);
	work = 0;
	const e = enrich(longAnswerProgramme(text));
	return { perChar: work / text.length, units, languages: e.languages.length, responsibilities: e.responsibilities.length, cooperation: e.cooperation.length, warnings: e.warnings };
}

describe('enrichment scales linearly with the answer length', () => {
	for (const kind of ['aura', 'no-breaks'] as const) {
		it(`${kind}: 10 MB costs the same per character as 1 MB and gives 10× the facts`, () => {
			const small = run(kind, 1e6);
			const large = run(kind, 1e7);
			expect(large.units / small.units).toBeCloseTo(10, 0);
			// Linear: the same work per character (allowing for the answer's ends); quadratic would be ~10×.
			expect(large.perChar).toBeLessThan(small.perChar * 1.2);
			expect(large.perChar).toBeGreaterThan(small.perChar * 0.8);
			// The same facts per copy of the text: nothing dropped or invented on the long run.
			expect(small.languages).toBeGreaterThan(0);
			expect(large.languages / large.units).toBe(small.languages / small.units);
			expect(large.responsibilities / large.units).toBe(small.responsibilities / small.units);
			expect(large.cooperation).toBe(small.cooperation);
			expect(large.warnings.filter((w) => w.code === 'enrichment-span-error')).toEqual([]);
		}, 600_000);
	}
});
