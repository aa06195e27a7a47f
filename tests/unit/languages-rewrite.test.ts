/**
 * The languages view's statements were rewritten for speed (src/lib/db/queries/languages.ts: the
 * group totals without count(DISTINCT …), and no per-group statement for the national grouping).
 * The numbers must not change: the totals statement as it was before the rewrite is kept here,
 * verbatim, and both are run over many filter states (every single value of every filter, and
 * combinations) and compared row for row. The national matrix now reads the national counts:
 * checked against the (unchanged) per-group statement's one national row.
 *
 * Runs over the views' synthetic dataset; `KK_LANGUAGES_DATA=<dir>` runs it over another dataset
 * directory (e.g. static/data, or the bench's 10× corpus) instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeViewsDataset } from '../fixtures/views-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import {
	LANGUAGE_GROUPINGS,
	groupColumns,
	languageCounts,
	languageGroupTotals,
	languagesByGroup,
	languagesQueries,
	loadLanguages,
	scoped,
	type LanguageGrouping
} from '../../src/lib/db/queries';
import { EMPTY_FILTERS, INPUT_KINDS, LANGUAGE_STATUSES, POPULATION_CLASS_VALUES, type Filters } from '../../src/lib/db/filters';
import type { Query, Row } from '../../src/lib/db/types';

let dir: string | null = null;
let db: NodeDatabase;

beforeAll(async () => {
	const given = process.env.KK_LANGUAGES_DATA;
	if (!given) {
		dir = mkdtempSync(join(tmpdir(), 'kk-langs-'));
		await writeViewsDataset(dir);
	}
	db = await openNodeDatabase(given ?? dir!);
}, 120_000);
afterAll(() => {
	db?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

// ——— the group totals as they were before the rewrite (commit a2a4656), verbatim (written out:
// the per-group statement around them is unchanged, and a copy of it here would only compare the
// current statement with itself)

function totalsBefore(f: Filters, grouping: LanguageGrouping, context = 'orientation'): Query {
	const g = groupColumns(grouping);
	return scoped(
		`before.totals_${grouping}`,
		f,
		`SELECT ${g.code} AS group_code, any_value(${g.name}) AS group_name,
	count(DISTINCT code)::INTEGER AS municipalities,
	count(DISTINCT code) FILTER (WHERE programme_in_scope)::INTEGER AS covered,
	(count(DISTINCT code) FILTER (WHERE programme_in_scope) - count(DISTINCT code) FILTER (WHERE names_any))::INTEGER AS naming_none
FROM (
	SELECT code, region_code, region_fi, employment_area_code, employment_area, wellbeing_county_code, wellbeing_county_fi, programme_in_scope,
		programme_in_scope AND list_contains(language_contexts, ?) AS names_any
	FROM scope_cells
	WHERE in_scope
) m
GROUP BY ${g.code}
ORDER BY group_code`,
		[context]
	);
}

// ——— the filter states: each value of each filter alone, then combinations

async function filterStates(): Promise<[string, Filters][]> {
	const values = async (column: string) =>
		(await db.run<{ v: string } & Row>({ id: 'values', sql: `SELECT DISTINCT ${column} AS v FROM municipalities WHERE NOT aland AND ${column} IS NOT NULL ORDER BY 1`, params: [] })).map((r) => r.v);
	const regions = await values('region_code');
	const areas = await values('employment_area_code');
	const counties = await values('wellbeing_county_code');
	const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
	const states: [string, Filters][] = [['no filters', EMPTY_FILTERS]];
	for (const r of regions) states.push([`region ${r}`, f({ region: [r] })]);
	for (const a of areas) states.push([`area ${a}`, f({ area: [a] })]);
	for (const w of counties) states.push([`wellbeing ${w}`, f({ wellbeing: [w] })]);
	for (const l of LANGUAGE_STATUSES) states.push([`language status ${l}`, f({ languageStatus: [l] })]);
	for (const p of POPULATION_CLASS_VALUES) states.push([`population ${p}`, f({ populationClass: [p] })]);
	for (const k of INPUT_KINDS) states.push([`input ${k}`, f({ inputKind: [k] })]);
	states.push(['real only', f({ synthetic: 'real' })], ['synthetic only', f({ synthetic: 'synthetic' })], ['updated since 2024-06-01', f({ since: '2024-06-01' })]);
	// Combinations: regions accumulating (as the dashboard bench clicks them), and each with another filter.
	for (let i = 1; i < regions.length; i++) states.push([`regions ${regions.slice(0, i + 1).join('+')}`, f({ region: regions.slice(0, i + 1) })]);
	regions.forEach((r, i) => {
		const p = POPULATION_CLASS_VALUES[i % POPULATION_CLASS_VALUES.length];
		const k = INPUT_KINDS[i % INPUT_KINDS.length];
		states.push([`region ${r} + population ${p}`, f({ region: [r], populationClass: [p] })]);
		states.push([`region ${r} + input ${k} + real only`, f({ region: [r], inputKind: [k], synthetic: 'real' })]);
		states.push([`region ${r} + language status fi + fi-sv`, f({ region: [r], languageStatus: ['fi', 'fi-sv'] })]);
	});
	areas.slice(0, 6).forEach((a, i) => states.push([`area ${a} + county ${counties[i % counties.length]}`, f({ area: [a], wellbeing: [counties[i % counties.length]] })]));
	return states;
}

describe('languages: the rewritten statements answer as before', () => {
	it('the group totals, every grouping, over every filter state; the national matrix row = the national counts', async () => {
		const states = await filterStates();
		expect(states.length).toBeGreaterThan(30);
		let nonEmpty = 0;
		for (const [name, f] of states) {
			for (const grouping of LANGUAGE_GROUPINGS) {
				expect(await db.run(languageGroupTotals(f, grouping)), `${name}, ${grouping}: totals`).toEqual(await db.run(totalsBefore(f, grouping)));
				if (grouping !== 'national') continue;
				// The page's national matrix: each language's cell is the national count's municipalities
				// (0 where the per-group statement, which the page no longer runs nationally, has no row).
				const perGroup = await db.run(languagesByGroup(f, grouping));
				const national = await db.run(languageCounts(f));
				const cell = new Map(perGroup.map((r) => [r.language_code as string, r.municipalities as number]));
				expect(national.map((r) => [r.language_code, r.municipalities]), `${name}: national matrix row`).toEqual(
					national.map((r) => [r.language_code, cell.get(r.language_code) ?? 0])
				);
				// …and no language of the per-group statement is missing from the national counts.
				expect(perGroup.every((r) => national.some((n) => n.language_code === r.language_code)), `${name}: languages`).toBe(true);
				if (perGroup.length) nonEmpty++;
			}
		}
		// The comparison saw figures, not only empty results.
		expect(nonEmpty).toBeGreaterThan(20);
	}, 300_000);

	it('the national grouping asks for no per-group statement; the others do', async () => {
		expect(languagesQueries(EMPTY_FILTERS, 'national').groups).toBeNull();
		expect((await loadLanguages(db, EMPTY_FILTERS, 'national')).groups).toEqual([]);
		for (const g of LANGUAGE_GROUPINGS.filter((x) => x !== 'national')) expect(languagesQueries(EMPTY_FILTERS, g).groups?.id).toBe(`languages.by_${g}`);
	});
});
