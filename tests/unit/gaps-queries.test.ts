/**
 * The gap matrix's SQL (src/lib/db/queries.ts: gapMatrix, partAnswer) run in Node against the
 * synthetic fixture extended with the cases the matrix must decide (two programmes for one
 * municipality, a tie, an ungraded programme). Expectations are computed from the rows in
 * plain JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENDED, writeExtendedDataset } from '../fixtures/gaps-profile-dataset';
import { HOSTILE_TEXT, REFERENCE } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { gapMatrix, MAINLAND_MUNICIPALITIES, partAnswer, type GapRow, type PartAnswer } from '../../src/lib/db/queries';
import { EMPTY_FILTERS, type Filters } from '../../src/lib/state/filters';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-gaps-'));
	await writeExtendedDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const muniByCode = new Map(REFERENCE.map((m) => [m.code, m]));
const pid = (n: number) => n.toString(16).padStart(64, '0');

// ——— the same semantics, in plain JavaScript
function muniMatches(code: string, fl: Filters): boolean {
	const m = muniByCode.get(code);
	if (!m || m.aland) return false;
	if (fl.region.length && !fl.region.includes(m.regionCode)) return false;
	if (fl.wellbeing.length && !fl.wellbeing.includes(m.wellbeingCountyCode)) return false;
	if (fl.area.length && !fl.area.includes(m.employmentAreaCode)) return false;
	if (fl.languageStatus.length && !fl.languageStatus.includes(m.languageStatus)) return false;
	if (fl.populationClass.length && !fl.populationClass.includes(m.populationClass)) return false;
	return true;
}

function score(programmeId: string): number | null {
	const rows = EXTENDED.completeness.filter((c) => c.programme_id === programmeId && c.mandatory);
	return rows.length ? rows.reduce((s, c) => s + (c.score as number), 0) / rows.length : null;
}

/** The programme a municipality's row shows, and how many in scope cover it. */
function expectedProgramme(code: string, fl: Filters): { id: string | null; count: number } {
	const covering = EXTENDED.programmes.filter(
		(p) =>
			p.is_current &&
			(p.municipality_codes as string[]).includes(code) &&
			(!fl.inputKind.length || fl.inputKind.includes(p.input_kind as never)) &&
			!(fl.synthetic === 'real' && p.is_synthetic) &&
			!(fl.synthetic === 'synthetic' && !p.is_synthetic)
	);
	const ranked = [...covering].sort((a, b) => {
		const sa = score(a.programme_id as string) ?? -1;
		const sb = score(b.programme_id as string) ?? -1;
		if (sa !== sb) return sb - sa;
		const ua = (a.updated as string | null) ?? '';
		const ub = (b.updated as string | null) ?? '';
		if (ua !== ub) return ub < ua ? -1 : 1;
		return (a.programme_id as string) < (b.programme_id as string) ? -1 : 1;
	});
	return { id: (ranked[0]?.programme_id as string) ?? null, count: covering.length };
}

const CASES: [string, Filters][] = [
	['no filters', EMPTY_FILTERS],
	['region Varsinais-Suomi', f({ region: ['02'] })],
	['employment area of Turku', f({ area: [muniByCode.get('853')!.employmentAreaCode] })],
	['wellbeing county Helsinki', f({ wellbeing: ['90'] })],
	['population ≥100k', f({ populationClass: ['≥100k'] })],
	['input kind own-template', f({ inputKind: ['own-template'] })],
	['only real programmes', f({ synthetic: 'real' })]
];

describe('gap matrix', () => {
	it.each(CASES)('one row per municipality in scope, each with its best programme: %s', async (_n, filters) => {
		const rows = await db.run<GapRow>(gapMatrix(filters));
		const expected = REFERENCE.filter((m) => muniMatches(m.code, filters));
		expect(rows.map((r) => r.code).sort()).toEqual(expected.map((m) => m.code).sort());
		for (const r of rows) {
			const exp = expectedProgramme(r.code, filters);
			expect({ code: r.code, programme: r.programme_id, count: r.programmes }).toEqual({
				code: r.code,
				programme: exp.id,
				count: exp.count
			});
			const expScore = exp.id ? score(exp.id) : null;
			if (expScore === null) expect(r.score).toBeNull();
			else expect(r.score).toBeCloseTo(expScore, 10);
			// The row's names and area codes are the reference's.
			const m = muniByCode.get(r.code)!;
			expect([r.name_fi, r.name_sv, r.region_code, r.wellbeing_county_code, r.employment_area_code]).toEqual([
				m.nameFi,
				m.nameSv,
				m.regionCode,
				m.wellbeingCountyCode,
				m.employmentAreaCode
			]);
		}
	});

	it('has the 292 mainland municipalities without filters, in Finnish name order', async () => {
		const rows = await db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
		expect(rows).toHaveLength(MAINLAND_MUNICIPALITIES);
		const names = rows.map((r) => r.name_fi);
		expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
	});

	it('gives each graded programme its mandatory parts in form order with their grades', async () => {
		const rows = await db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
		const withProgramme = rows.filter((r) => r.programme_id);
		expect(withProgramme.length).toBeGreaterThan(4);
		for (const r of withProgramme) {
			const exp = EXTENDED.completeness
				.filter((c) => c.programme_id === r.programme_id && c.mandatory)
				.sort((a, b) => (a.ordinal as number) - (b.ordinal as number));
			expect(r.part_keys).toEqual(exp.map((c) => c.key));
			expect(r.part_grades).toEqual(exp.map((c) => c.grade));
			const weak = exp.filter((c) => ['missing', 'empty', 'placeholder'].includes(c.grade as string)).length;
			expect(r.weak_parts).toBe(exp.length ? weak : null);
			expect(r.thin_parts).toBe(exp.length ? exp.filter((c) => c.grade === 'thin').length : null);
		}
	});

	it('shows the better of two programmes, breaks a tie by the later update, never an older version', async () => {
		const rows = new Map((await db.run<GapRow>(gapMatrix(EMPTY_FILTERS))).map((r) => [r.code, r]));
		// Helsinki: programme 3 (complete) beats the joint programme 7; Vantaa has only 7.
		expect(rows.get('091')).toMatchObject({ programme_id: pid(3), programmes: 2, score: 1 });
		expect(rows.get('092')).toMatchObject({ programme_id: pid(7), programmes: 1 });
		// Pedersöre: programmes 4 and 8 score the same; 8 was updated later.
		expect(score(pid(4))).toBe(score(pid(8)));
		expect(rows.get('599')).toMatchObject({ programme_id: pid(8), programmes: 2, updated: '2025-03-01' });
		// Aura: programme 5 is an older version and never shown.
		expect(rows.get('019')).toMatchObject({ programme_id: pid(1), programmes: 1 });
	});

	it('keeps a row for a programme without grades, with empty part lists', async () => {
		const rows = new Map((await db.run<GapRow>(gapMatrix(EMPTY_FILTERS))).map((r) => [r.code, r]));
		expect(rows.get('020')).toMatchObject({ programme_id: pid(9), score: null, weak_parts: null, part_keys: [], part_grades: [] });
	});

	it('a programme filter turns rows into "no programme" instead of dropping them', async () => {
		const rows = new Map((await db.run<GapRow>(gapMatrix(f({ inputKind: ['own-template'] })))).map((r) => [r.code, r]));
		expect(rows.size).toBe(MAINLAND_MUNICIPALITIES);
		expect(rows.get('019')).toMatchObject({ programme_id: null, programmes: 0, score: null, part_keys: [] });
		expect(rows.get('853')?.programme_id).toBe(pid(2));
		// Helsinki keeps only the own-template joint programme.
		expect(rows.get('091')).toMatchObject({ programme_id: pid(7), programmes: 1 });
	});

	it('binds filter values: a hostile value matches nothing', async () => {
		expect(await db.run(gapMatrix(f({ area: ["41') OR ('1'='1"] })))).toEqual([]);
	});
});

describe('part answer (a cell opened)', () => {
	it('returns the answer text exactly as stored, with its grade', async () => {
		for (const a of EXTENDED.answers.filter((x) => x.programme_id === pid(2) && x.key !== 'unmapped')) {
			const [got] = await db.run<PartAnswer>(partAnswer(a.programme_id as string, a.key as string));
			const c = EXTENDED.completeness.find((x) => x.programme_id === a.programme_id && x.key === a.key)!;
			expect(got).toMatchObject({ key: a.key, text: a.text, status: a.status, page: a.page, grade: c.grade, reason: c.reason });
		}
	});

	it('a part the document lacks has no text but its grade', async () => {
		const missing = EXTENDED.completeness.find((c) => c.programme_id === pid(2) && c.grade === 'missing')!;
		const rows = await db.run<PartAnswer>(partAnswer(pid(2), missing.key as string));
		expect(rows).toEqual([
			{ programme_id: pid(2), key: missing.key, text: null, status: null, page: null, grade: 'missing', score: 0, reason: missing.reason, reason_key: missing.reason_key ?? null, reason_params: missing.reason_params ?? null }
		]);
	});

	it('hostile text comes back as the same characters (escaping is the page’s job, never the SQL’s)', async () => {
		const [got] = await db.run<PartAnswer>(partAnswer(pid(1), 's7.a2'));
		expect(got.text).toBe(HOSTILE_TEXT);
	});

	it('an unknown programme or key gives one row of nulls, and hostile parameters stay values', async () => {
		const [got] = await db.run<PartAnswer>(partAnswer("x' OR '1'='1", "s1.a' --"));
		expect(got).toEqual({ programme_id: "x' OR '1'='1", key: "s1.a' --", text: null, status: null, page: null, grade: null, score: null, reason: null, reason_key: null, reason_params: null });
	});
});
