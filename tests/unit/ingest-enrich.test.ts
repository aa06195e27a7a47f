/**
 * The ingest's enricher (ingest/enrich.ts): facts from at most MAX_ENRICHED_CHARS of an answer,
 * so a hostile 10 MB answer costs a fraction of a second instead of half a minute; ordinary
 * programmes are enriched exactly as by createEnricher.
 */
import { describe, expect, it } from 'vitest';
import { ingestEnricher, MAX_ENRICHED_CHARS } from '../../ingest/enrich';
import { createEnricher } from '../../src/lib/programme/enrich/index';
import { auraProgramme, longAnswerProgramme, longText, reference } from './enrich-fixtures';

const enrich = ingestEnricher();
const plain = createEnricher(reference);

describe('the ingest enricher', () => {
	it('enriches an ordinary programme exactly as createEnricher does', () => {
		const aura = auraProgramme();
		expect(enrich(aura, [])).toEqual(plain(aura));
	});

	it('reads the facts of a longer answer from its first MAX_ENRICHED_CHARS, keeps completeness for the whole, and says so', () => {
		const { text } = longText('no-breaks', 5 * MAX_ENRICHED_CHARS);
		const long = longAnswerProgramme(text);
		const e = enrich(long, []);
		const head = plain(longAnswerProgramme(text.slice(0, MAX_ENRICHED_CHARS)));
		expect(e.languages).toEqual(head.languages);
		expect(e.languages!.length).toBeGreaterThan(1000);
		expect(Math.max(...e.languages!.map((r) => r.span_end as number))).toBeLessThanOrEqual(MAX_ENRICHED_CHARS);
		expect(e.completeness!.find((r) => r.key === 's3.a1')!.chars).toBe(text.length);
		expect(e.warnings!.filter((w) => w.code === 'long-answer').map((w) => w.message)).toEqual([expect.stringMatching(new RegExp(`s3\\.a1 is ${text.length} characters long; its facts were read from the first ${MAX_ENRICHED_CHARS}`))]);
	});
});
