/**
 * The filter bar's counts without the engine (src/lib/db/facets.ts) against the SQL scope the
 * pages run (src/lib/db/queries/scope.ts), on the fixture dataset: every count a filter option
 * shows is the number the page would show; and an empty result is explained by the filters that
 * cause it, with ways out that really leave something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE, writeFixtureDataset } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { facetData } from '../../src/lib/db/dataset.server';
import { countScope, decodeFacets, explainEmpty, MUNICIPALITY_FACETS, optionCounts, scopeSummaryOf, withFacet, type Facets, type ListFacet } from '../../src/lib/db/facets';
import { scoped, scopeSummary } from '../../src/lib/db/queries';
import { EMPTY_FILTERS, INPUT_KINDS, type Filters } from '../../src/lib/state/filters';

let dir: string;
let db: NodeDatabase;
let facets: Facets;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-facets-'));
	await writeFixtureDataset(dir);
	db = await openNodeDatabase(dir);
	facets = decodeFacets(await facetData(db, REFERENCE));
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const byCode = new Map(REFERENCE.map((m) => [m.code, m]));
const turku = byCode.get('853')!;
const helsinki = byCode.get('091')!;

async function sqlScope(filters: Filters) {
	const [programmes] = await db.run(scopeSummary(filters));
	const [munis] = await db.run(scoped('test.municipalities', filters, 'SELECT count(*)::INTEGER AS n FROM scope_municipalities'));
	return { municipalities: munis.n as number, programmes: programmes.programmes as number };
}

const CASES: [string, Filters][] = [
	['no filters', EMPTY_FILTERS],
	['a region', f({ region: [turku.regionCode] })],
	['a region and an area inside it', f({ region: [turku.regionCode], area: [turku.employmentAreaCode] })],
	['a region and an area elsewhere (impossible)', f({ region: [turku.regionCode], area: [helsinki.employmentAreaCode] })],
	['language status and population', f({ languageStatus: ['sv-fi'], populationClass: ['<5k', '5–20k'] })],
	['input kind', f({ inputKind: ['fillable-form'] })],
	['a region, real programmes only', f({ region: [turku.regionCode], synthetic: 'real' })],
	['only synthetic', f({ synthetic: 'synthetic' })],
	['updated since mid-2024', f({ since: '2024-06-01' })],
	['updated since Aura\'s date, in a region', f({ region: [turku.regionCode], since: '2024-11-18' })],
	['updated since 2025', f({ since: '2025-01-01' })]
];

describe('counts', () => {
	it.each(CASES)('%s: the same municipalities and programmes as the SQL scope', async (_name, filters) => {
		expect(countScope(facets, filters)).toEqual(await sqlScope(filters));
	});

	it.each(CASES)('%s: the programmes and synthetic programmes the SQL scope summary gives (the banner\'s count)', async (_name, filters) => {
		const [row] = await db.run(scopeSummary(filters));
		expect(scopeSummaryOf(facets, filters)).toEqual({ programmes: row.programmes, synthetic_programmes: row.synthetic_programmes });
	});

	it('an option count is the scope with that value chosen and the other filters kept', async () => {
		const filters = f({ region: [turku.regionCode] });
		const areas = [turku.employmentAreaCode, helsinki.employmentAreaCode];
		const counts = optionCounts(facets, filters, 'area', areas);
		for (const a of areas) expect(counts.get(a)).toEqual(await sqlScope(withFacet(filters, 'area', [a])));
		expect(counts.get(turku.employmentAreaCode)!.municipalities).toBeGreaterThan(0);
		expect(counts.get(helsinki.employmentAreaCode)!.municipalities).toBe(0);
	});
});

describe('option counts in one pass', () => {
	it('equal the scope counted with each value chosen, for every list filter over varied filter states', () => {
		const valuesOf = (k: ListFacet): string[] =>
			k === 'inputKind' ? [...INPUT_KINDS] : [...new Set(facets.municipalities.map((m) => m[k] as string)), 'xx'];
		const keys = [...MUNICIPALITY_FACETS, 'inputKind'] as ListFacet[];
		const pick = (k: ListFacet, i: number) => valuesOf(k).filter((_, j) => (i + j) % 3 === 0).slice(0, 2);
		const states: Filters[] = [EMPTY_FILTERS, f({ since: '2024-06-01' }), f({ synthetic: 'real' }), f({ synthetic: 'synthetic', inputKind: ['fillable-form'] })];
		keys.forEach((k, i) => states.push(f({ [k]: pick(k, i) }), f({ [k]: pick(k, i + 1), [keys[(i + 1) % keys.length]]: pick(keys[(i + 1) % keys.length], i) })));
		let nonZero = 0;
		for (const filters of states)
			for (const key of keys) {
				const values = valuesOf(key);
				const counts = optionCounts(facets, filters, key, values);
				expect([...counts.keys()]).toEqual(values);
				for (const v of values) {
					const expected = countScope(facets, withFacet(filters, key, [v]));
					expect(counts.get(v), `${key}=${v} under ${JSON.stringify(filters)}`).toEqual(expected);
					if (expected.programmes > 0) nonZero++;
				}
			}
		expect(nonZero).toBeGreaterThan(50);
	});
});

describe('an empty result explained', () => {
	it('nothing updated since a late date: "updated since" is named and dropping it leaves what the SQL scope has', async () => {
		const filters = f({ since: '2099-01-01' });
		expect(await sqlScope(filters)).toMatchObject({ programmes: 0 });
		const e = explainEmpty(facets, filters);
		expect(e?.kind).toBe('no-programme');
		expect(e?.drop.map((r) => r.key)).toEqual(['since']);
		expect(e?.drop[0].count).toEqual(await sqlScope(EMPTY_FILTERS));
		expect(e?.drop[0].count.programmes).toBeGreaterThan(0);
	});

	it('says nothing when something is in scope, or when nothing is filtered', () => {
		expect(explainEmpty(facets, EMPTY_FILTERS)).toBeNull();
		expect(explainEmpty(facets, f({ region: [turku.regionCode] }))).toBeNull();
	});

	it('a region and an employment area that do not overlap: both conflict, dropping either or choosing an overlapping area leaves programmes', async () => {
		const filters = f({ region: [turku.regionCode], area: [helsinki.employmentAreaCode] });
		const e = explainEmpty(facets, filters);
		expect(e?.kind).toBe('no-municipality');
		if (e?.kind !== 'no-municipality') return;
		expect(e.conflicting).toEqual(['region', 'area']);
		expect(e.drop.map((r) => r.key)).toEqual(['region', 'area']);
		expect(e.replace.length).toBeGreaterThan(0);
		for (const r of [...e.drop, ...e.replace]) {
			const next = withFacet(filters, r.key as 'region', r.values);
			expect(r.count).toEqual(await sqlScope(next));
			expect(r.count.municipalities).toBeGreaterThan(0);
		}
		// The areas offered instead lie in the chosen region.
		const offeredAreas = e.replace.filter((r) => r.key === 'area').map((r) => r.values[0]);
		expect(offeredAreas).toContain(turku.employmentAreaCode);
		for (const a of offeredAreas) expect(REFERENCE.some((m) => m.employmentAreaCode === a && m.regionCode === turku.regionCode)).toBe(true);
	});

	it('municipalities match but no programme of the chosen form: the programme filter is named and dropping it helps', async () => {
		const kinds = ['fillable-form', 'flattened-form', 'own-template', 'scan', 'unknown'] as const;
		let found = false;
		for (const m of REFERENCE.filter((x) => !x.aland)) {
			for (const kind of kinds) {
				const filters = f({ area: [m.employmentAreaCode], inputKind: [kind] });
				if (countScope(facets, filters).programmes > 0 || countScope(facets, withFacet(filters, 'inputKind', [])).programmes === 0) continue;
				const e = explainEmpty(facets, filters);
				expect(e?.kind).toBe('no-programme');
				if (e?.kind !== 'no-programme') return;
				expect(e.municipalities).toBe((await sqlScope(filters)).municipalities);
				expect(e.drop.map((r) => r.key)).toEqual(['inputKind']);
				expect(e.drop[0].count.programmes).toBe((await sqlScope(withFacet(filters, 'inputKind', []))).programmes);
				found = true;
				break;
			}
			if (found) break;
		}
		expect(found, 'the fixture has an area without some document form').toBe(true);
	});
});
