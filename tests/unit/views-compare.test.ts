/** Compare: the `m` parameter, municipality look-up, and the alignment that marks differences, on the views fixture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE } from '../fixtures/make-dataset';
import { VIEWS_FIXTURE as FX, writeViewsDataset } from '../fixtures/views-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { loadCompare } from '../../src/lib/db/queries';
import { EMPTY_FILTERS } from '../../src/lib/state/filters';
import { alignFacts, alignParts, cellGrade, parseCodes, resolveMunicipality } from '../../src/lib/components/compare/compare';

let dir: string;
let db: NodeDatabase;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-compare-'));
	await writeViewsDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the m parameter', () => {
	it('keeps valid codes once, in order, at most four', () => {
		expect(parseCodes(['019,091', '019', 'x', '12', '0190'])).toEqual(['019', '091']);
		expect(parseCodes(['005,009,010,016,018'])).toEqual(['005', '009', '010', '016']);
		expect(parseCodes([])).toEqual([]);
	});
});

describe('municipality look-up', () => {
	const all = REFERENCE.map((m) => ({ code: m.code, nameFi: m.nameFi, nameSv: m.nameSv }));
	it('by code, by Finnish or Swedish name with case and diacritics folded, by unique prefix', () => {
		expect(resolveMunicipality('19', all)?.code).toBe('019');
		expect(resolveMunicipality('aura', all)?.code).toBe('019');
		expect(resolveMunicipality('Helsingfors', all)?.code).toBe('091');
		expect(resolveMunicipality('pedersoren kunta', all)?.code).toBe('599');
		expect(resolveMunicipality('Loim', all)?.code).toBe('430');
		// Ambiguous prefix: no guess.
		expect(resolveMunicipality('K', all)).toBeNull();
		expect(resolveMunicipality('', all)).toBeNull();
	});
});

describe('alignment', () => {
	it('marks parts whose grades differ, and only among municipalities that have a programme', async () => {
		const data = await loadCompare(db, EMPTY_FILTERS, ['019', '599', '092']);
		const rows = alignParts(data.parts, data.programmes);
		const aura = FX.programmes[0].programme_id;
		const ped = FX.programmes[3].programme_id;
		const grade = (pid: unknown, key: string) => FX.completeness.find((c) => c.programme_id === pid && c.key === key)?.grade ?? 'missing';
		const graded = FX.completeness.filter((c) => c.programme_id === aura).map((c) => c.key as string);
		expect(rows.length).toBeGreaterThanOrEqual(graded.length);
		let differing = 0;
		for (const r of rows) {
			expect(r.cells[2]).toBeNull(); // Vantaa: no programme
			const exp = grade(aura, r.key) !== grade(ped, r.key);
			if (graded.includes(r.key)) {
				expect(r.differs, r.key).toBe(exp);
				expect(cellGrade(r.cells[0])).toBe(grade(aura, r.key));
			}
			if (r.differs) differing++;
		}
		// The fixture grades Aura and Pedersöre differently in places, and alike in others.
		expect(differing).toBeGreaterThan(0);
		expect(differing).toBeLessThan(rows.length);
	});

	it('lines up facts and marks those only some programmes have', async () => {
		const data = await loadCompare(db, EMPTY_FILTERS, ['019', '091']);
		const rows = alignFacts(data.facts, data.programmes);
		const uk = rows.find((r) => r.fact === 'orientation:uk')!;
		expect(uk.partial).toBe(false);
		expect(uk.cells.map((c) => c.length > 0)).toEqual([true, true]);
		const dari = rows.find((r) => r.fact === 'orientation:prs')!;
		expect(dari.partial).toBe(true);
		expect(dari.cells.map((c) => c.length > 0)).toEqual([false, true]);
		const host = rows.find((r) => r.fact_type === 'arrangement' && r.fact === 'kuntalaki_54')!;
		const partners = (pid: unknown) =>
			FX.cooperation.filter((c) => c.programme_id === pid && c.arrangement_type === 'kuntalaki_54').map((c) => c.partner as string).sort();
		expect(host.cells.map((c) => c.map((x) => x.detail).sort())).toEqual([partners(FX.programmes[0].programme_id), partners(FX.programmes[2].programme_id)]);
		expect(host.cells[0].map((x) => x.detail)).toContain('Loimaa');
		expect(host.partial).toBe(false);
		// Types in order: languages, providers, arrangements.
		const types = rows.map((r) => r.fact_type);
		expect(types.indexOf('arrangement')).toBeGreaterThan(types.lastIndexOf('provider'));
	});
});
