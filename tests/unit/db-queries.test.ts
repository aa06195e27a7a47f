/**
 * The page SQL (src/lib/db/queries.ts) run in Node against the synthetic fixture's Parquet.
 * Every expectation is computed in plain JavaScript from the fixture rows, not written down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, REFERENCE, writeFixtureDataset, type FixtureRow } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import {
	arrangementTypes,
	completenessDistribution,
	languageCounts,
	loadOverview,
	MAINLAND_MUNICIPALITIES,
	missingParts,
	municipalityMeasures,
	overviewFigures,
	overviewQueries,
	scopeSummary,
	tableCounts,
	type OverviewData,
	type OverviewFigures
} from '../../src/lib/db/queries';
import { EMPTY_FILTERS, parseView, type Filters } from '../../src/lib/state/filters';
import { TABLES } from '../../src/lib/dataset/tables';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-db-'));
	await writeFixtureDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const muniByCode = new Map(REFERENCE.map((m) => [m.code, m]));

// ——— the same semantics, in plain JavaScript
function expectedScope(filters: Filters) {
	const muniFilter = (code: string) => {
		const m = muniByCode.get(code);
		if (!m || m.aland) return false;
		if (filters.region.length && !filters.region.includes(m.regionCode)) return false;
		if (filters.wellbeing.length && !filters.wellbeing.includes(m.wellbeingCountyCode)) return false;
		if (filters.area.length && !filters.area.includes(m.employmentAreaCode)) return false;
		if (filters.languageStatus.length && !filters.languageStatus.includes(m.languageStatus)) return false;
		if (filters.populationClass.length && !filters.populationClass.includes(m.populationClass)) return false;
		return true;
	};
	const muniFiltered =
		filters.region.length + filters.wellbeing.length + filters.area.length + filters.languageStatus.length + filters.populationClass.length > 0;
	const programmes = FIXTURE.programmes.filter((p) => {
		if (!p.is_current) return false;
		if (filters.inputKind.length && !filters.inputKind.includes(p.input_kind as never)) return false;
		if (filters.synthetic === 'real' && p.is_synthetic) return false;
		if (filters.synthetic === 'synthetic' && !p.is_synthetic) return false;
		const codes = p.municipality_codes as string[];
		return muniFiltered ? codes.some(muniFilter) : true;
	});
	const ids = new Set(programmes.map((p) => p.programme_id as string));
	const coverage = programmes.flatMap((p) =>
		(p.municipality_codes as string[]).filter(muniFilter).map((code) => ({ programme_id: p.programme_id as string, code }))
	);
	const inScopeMunis = REFERENCE.filter((m) => muniFilter(m.code));
	return { programmes, ids, coverage, inScopeMunis };
}

function mandatoryScore(pid: string): number | null {
	const rows = FIXTURE.completeness.filter((c) => c.programme_id === pid && c.mandatory);
	if (!rows.length) return null;
	return rows.reduce((s, c) => s + (c.score as number), 0) / rows.length;
}

const FILTER_CASES: [string, Filters][] = [
	['no filters', EMPTY_FILTERS],
	['region Varsinais-Suomi', f({ region: ['02'] })],
	['two regions', f({ region: ['01', '15'] })],
	['wellbeing county Helsinki', f({ wellbeing: ['90'] })],
	['employment area Turku', f({ area: [muniByCode.get('853')!.employmentAreaCode] })],
	['language status sv-fi', f({ languageStatus: ['sv-fi'] })],
	['population ≥100k', f({ populationClass: ['≥100k'] })],
	['input kind fillable-form', f({ inputKind: ['fillable-form'] })],
	['only real programmes', f({ synthetic: 'real' })],
	['only synthetic programmes', f({ synthetic: 'synthetic' })],
	['region + population', f({ region: ['02'], populationClass: ['5–20k', '<5k'] })]
];

describe('overview figures', () => {
	it.each(FILTER_CASES)('%s', async (_name, filters) => {
		const [fig] = await db.run<OverviewFigures>(overviewFigures(filters));
		const exp = expectedScope(filters);
		expect(fig.programmes).toBe(exp.programmes.length);
		expect(fig.synthetic_programmes).toBe(exp.programmes.filter((p) => p.is_synthetic).length);
		expect(fig.municipalities_covered).toBe(new Set(exp.coverage.map((c) => c.code)).size);
		expect(fig.municipalities_in_scope).toBe(exp.inScopeMunis.length);
		const scores = exp.programmes.map((p) => mandatoryScore(p.programme_id as string)).filter((s): s is number => s !== null);
		if (scores.length) expect(fig.mean_completeness).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 10);
		else expect(fig.mean_completeness).toBeNull();
		const dates = exp.programmes.map((p) => p.updated as string | null).filter(Boolean).sort();
		expect(fig.latest_update).toBe(dates.at(-1) ?? null);
	});

	it('counts the 292 mainland municipalities with no filter, and never an older version of a programme', async () => {
		const [fig] = await db.run<OverviewFigures>(overviewFigures(EMPTY_FILTERS));
		expect(fig.municipalities_in_scope).toBe(MAINLAND_MUNICIPALITIES);
		expect(FIXTURE.programmes.some((p) => !p.is_current)).toBe(true);
		expect(fig.programmes).toBe(FIXTURE.programmes.filter((p) => p.is_current).length);
	});

	it('binds filter values as parameters: a hostile value matches nothing instead of everything', async () => {
		const [fig] = await db.run<OverviewFigures>(overviewFigures(f({ region: ["02') OR true OR ('x"] })));
		expect(fig.programmes).toBe(0);
		expect(fig.municipalities_in_scope).toBe(0);
	});
});

describe('charts', () => {
	it.each(FILTER_CASES)('completeness distribution: %s', async (_n, filters) => {
		const rows = await db.run(completenessDistribution(filters));
		expect(rows.map((r) => r.bin)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const exp = new Array(10).fill(0);
		for (const p of expectedScope(filters).programmes) {
			const s = mandatoryScore(p.programme_id as string);
			if (s !== null) exp[Math.min(Math.floor(s * 10), 9)]++;
		}
		expect(rows.map((r) => r.programmes)).toEqual(exp);
	});

	it.each(FILTER_CASES)('missing parts: %s', async (_n, filters) => {
		const rows = await db.run(missingParts(filters, 100));
		const { ids } = expectedScope(filters);
		const byKey = new Map<string, Record<string, number>>();
		for (const c of FIXTURE.completeness) {
			if (!c.mandatory || !ids.has(c.programme_id as string)) continue;
			const k = byKey.get(c.key as string) ?? { missing: 0, empty: 0, placeholder: 0, thin: 0, answered: 0 };
			k[c.grade as string]++;
			byKey.set(c.key as string, k);
		}
		const expected = [...byKey.entries()]
			.filter(([, k]) => k.missing + k.empty + k.placeholder + k.thin > 0)
			.map(([key, k]) => ({ key, missing: k.missing, empty: k.empty, placeholder: k.placeholder, thin: k.thin }));
		expect(rows.map((r) => ({ key: r.key, missing: r.missing, empty: r.empty, placeholder: r.placeholder, thin: r.thin }))).toEqual(
			expect.arrayContaining(expected)
		);
		expect(rows).toHaveLength(expected.length);
		// Ordered by unanswered count, most first.
		const weak = rows.map((r) => (r.missing as number) + (r.empty as number) + (r.placeholder as number));
		expect(weak).toEqual([...weak].sort((a, b) => b - a));
	});

	it('missing parts honours the limit', async () => {
		expect(await db.run(missingParts(EMPTY_FILTERS, 3))).toHaveLength(3);
	});

	it.each(FILTER_CASES)('orientation languages: %s', async (_n, filters) => {
		const rows = await db.run(languageCounts(filters));
		const { ids, coverage } = expectedScope(filters);
		const exp = new Map<string, { programmes: Set<string>; municipalities: Set<string> }>();
		for (const l of FIXTURE.languages) {
			if (l.context !== 'orientation' || !ids.has(l.programme_id as string)) continue;
			const e = exp.get(l.language_code as string) ?? { programmes: new Set(), municipalities: new Set() };
			e.programmes.add(l.programme_id as string);
			for (const c of coverage) if (c.programme_id === l.programme_id) e.municipalities.add(c.code);
			exp.set(l.language_code as string, e);
		}
		const got = Object.fromEntries(rows.map((r) => [r.language_code, [r.programmes, r.municipalities]]));
		const want = Object.fromEntries([...exp].map(([code, e]) => [code, [e.programmes.size, e.municipalities.size]]));
		expect(got).toEqual(want);
	});

	it('a language offered only for training is not an orientation language', async () => {
		const training = FIXTURE.languages.filter((l) => l.context === 'training');
		expect(training.length).toBeGreaterThan(0);
		const rows = await db.run(languageCounts(EMPTY_FILTERS, 'training'));
		expect(rows.map((r) => r.language_code)).toEqual([...new Set(training.map((l) => l.language_code))]);
	});

	it.each(FILTER_CASES)('arrangement types: %s', async (_n, filters) => {
		const rows = await db.run(arrangementTypes(filters));
		const { ids } = expectedScope(filters);
		const exp: Record<string, Set<string>> = {};
		for (const c of FIXTURE.cooperation) {
			if (!ids.has(c.programme_id as string)) continue;
			(exp[c.arrangement_type as string] ??= new Set()).add(c.programme_id as string);
		}
		expect(Object.fromEntries(rows.map((r) => [r.arrangement_type, r.programmes]))).toEqual(
			Object.fromEntries(Object.entries(exp).map(([k, v]) => [k, v.size]))
		);
	});
});

describe('municipality measures (the map)', () => {
	it.each(FILTER_CASES)('%s', async (_n, filters) => {
		const rows = await db.run(municipalityMeasures(filters));
		expect(rows).toHaveLength(REFERENCE.length);
		const { coverage, inScopeMunis } = expectedScope(filters);
		const inScope = new Set(inScopeMunis.map((m) => m.code));
		for (const r of rows) {
			const code = r.code as string;
			expect(r.in_scope, code).toBe(inScope.has(code));
			const pids = coverage.filter((c) => c.code === code).map((c) => c.programme_id);
			expect(r.programmes, code).toBe(new Set(pids).size);
			if (!pids.length) {
				expect(r.completeness, code).toBeNull();
				expect(r.orientation_languages, code).toBeNull();
				continue;
			}
			const best = Math.max(...pids.map((p) => mandatoryScore(p) ?? -1));
			expect(r.completeness as number, code).toBeCloseTo(best, 10);
			const langs = new Set(
				FIXTURE.languages.filter((l) => l.context === 'orientation' && pids.includes(l.programme_id as string)).map((l) => l.language_code)
			);
			expect(r.orientation_languages, code).toBe(langs.size);
			const weakest = Math.min(
				...pids.map(
					(p) =>
						FIXTURE.completeness.filter(
							(c) => c.programme_id === p && c.mandatory && ['missing', 'empty', 'placeholder'].includes(c.grade as string)
						).length
				)
			);
			expect(r.missing_parts, code).toBe(weakest);
		}
	});

	it('Åland is never in scope', async () => {
		const rows = await db.run(municipalityMeasures(EMPTY_FILTERS));
		const aland = REFERENCE.filter((m) => m.aland).map((m) => m.code);
		expect(aland.length).toBe(16);
		for (const r of rows) if (aland.includes(r.code as string)) expect(r.in_scope).toBe(false);
	});
});

describe('dataset', () => {
	it('counts every table', async () => {
		const rows = await db.run(tableCounts());
		expect(Object.fromEntries(rows.map((r) => [r.table_name, r.rows]))).toEqual(
			Object.fromEntries(TABLES.map((t) => [t.name, (FIXTURE as Record<string, FixtureRow[]>)[t.name].length]))
		);
	});

	it('scope summary agrees with the figures', async () => {
		for (const [, filters] of FILTER_CASES) {
			const [s] = await db.run(scopeSummary(filters));
			const [fig] = await db.run<OverviewFigures>(overviewFigures(filters));
			expect(s).toEqual({ programmes: fig.programmes, synthetic_programmes: fig.synthetic_programmes });
		}
	});

	it('loadOverview returns every part for the no-filter view', async () => {
		const data = await loadOverview(db, EMPTY_FILTERS);
		expect(data.figures.programmes).toBe(FIXTURE.programmes.filter((p) => p.is_current).length);
		expect(data.completeness).toHaveLength(10);
		expect(data.municipalities).toHaveLength(REFERENCE.length);
		expect(data.languages.length).toBeGreaterThan(0);
		expect(data.arrangements.length).toBeGreaterThan(0);
	});

	it('loadOverview hands over the map\'s rows first, as they arrive, the same objects as the result', async () => {
		const filters = parseView(new URLSearchParams('region=02')).filters;
		const parts: Partial<OverviewData>[] = [];
		const runs: string[] = [];
		const recording = { run: (q: Parameters<typeof db.run>[0]) => (runs.push(q.id), db.run(q)) } as typeof db;
		const data = await loadOverview(recording, filters, (part) => parts.push({ ...part }));
		// The map's statement goes first: the page draws the map while DuckDB computes the rest.
		expect(runs[0]).toBe(overviewQueries(filters).municipalities.id);
		expect(parts).toHaveLength(1);
		expect(Object.keys(parts[0])).toEqual(['municipalities']);
		expect(parts[0].municipalities).toBe(data.municipalities);
		expect(data).toEqual(await loadOverview(db, filters));
	});
});
