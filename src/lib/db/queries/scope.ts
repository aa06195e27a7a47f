/**
 * The filter scope every filtered query starts from.
 *
 * Filters work through municipalities: a programme covers `municipality_codes`, and it is in
 * scope when it covers at least one mainland municipality that matches every municipality
 * filter (region, wellbeing county, employment area, language status, population class) and
 * the programme filters (input kind, synthetic, updated since) hold. Only current programmes count
 * (`is_current`): an older version of a programme is not a second programme.
 */
import { hasMunicipalityFilters, type Filters } from '../filters';
import type { Param, Query, Row } from '../types';
import { MUNICIPALITY_LISTS } from '../summaries';
import { inList, listParam } from './sql';

/** The municipalities a programme is measured against: the mainland (KotoL does not bind Åland). */
export const MAINLAND_MUNICIPALITIES = 292;

export { WEAK_GRADES } from '../summaries';

/**
 * The programme filters (input kind, synthetic, updated since) as conditions on the programmes
 * row `alias`, with their parameters in order. `is_current` is not among them: the scope adds it,
 * a view of versions (changes) does not.
 */
export function programmeConditions(f: Filters, alias: string): { conditions: string[]; params: Param[] } {
	const params: Param[] = [];
	const conditions: string[] = [];
	if (f.inputKind.length) conditions.push(inList(`${alias}.input_kind`, f.inputKind, params));
	if (f.synthetic === 'real') conditions.push(`NOT ${alias}.is_synthetic`);
	if (f.synthetic === 'synthetic') conditions.push(`${alias}.is_synthetic`);
	// "Updated since": only a plausible date counts (src/lib/dataset/dates.ts).
	if (f.since) {
		conditions.push(`${alias}.updated_status IN ('ok', 'month') AND ${alias}.updated >= CAST(? AS DATE)`);
		params.push(f.since);
	}
	return { conditions, params };
}

/** Each municipality filter and the `municipalities` column it tests. */
const MUNICIPALITY_FILTERS = [
	['region', 'region_code'],
	['wellbeing', 'wellbeing_county_code'],
	['area', 'employment_area_code'],
	['languageStatus', 'language_status'],
	['populationClass', 'population_class']
] as const satisfies readonly (readonly [keyof Filters, string])[];

/** programme_facts' list of each municipality column (../summaries.ts). */
const LIST_OF = new Map<string, string>(MUNICIPALITY_LISTS.map((c) => [c.column, c.list]));

/** The municipality filters that are set, with their column, in a fixed order. */
const setMunicipalityFilters = (f: Filters) =>
	MUNICIPALITY_FILTERS.filter(([field]) => f[field].length).map(([field, column]) => ({ column, values: f[field] as readonly string[] }));

/**
 * The set municipality filters' value lists, each split once per statement: the one-row CTE
 * `filter_lists`, a column per filter named after the `municipalities` column it tests, joined into
 * the scope CTEs as `fl`. Split where it is tested (`list_contains(string_split(?, ','), …)`), a
 * list was split again for every row and, inside coveredCodes' lambda, for every municipality of
 * every programme: most of a filtered statement's time (the overview's six: 9–18 → 5–7 ms in
 * DuckDB-WASM's Node build). Null without municipality filters.
 */
function filterLists(f: Filters): { sql: string; params: Param[] } | null {
	const set = setMunicipalityFilters(f);
	if (!set.length) return null;
	const params: Param[] = [];
	const columns = set.map((m) => `${listParam(m.values, params)} AS ${m.column}`);
	return { sql: `filter_lists AS (\n\tSELECT ${columns.join(', ')}\n)`, params };
}

/** The municipality filters (without `NOT aland`) as conditions on the columns `column(name)` gives, each against its list in `filter_lists` (as `fl`). */
function municipalityConditions(f: Filters, column: (name: string) => string): string[] {
	return setMunicipalityFilters(f).map((m) => `list_contains(fl.${m.column}, ${column(m.column)})`);
}

/**
 * The common table expressions every filtered query starts with:
 *
 * - `scope_municipalities`: mainland municipalities matching the municipality filters (all columns of `municipalities`)
 * - `scope_programmes`: current programmes in scope (all columns of `programmes`)
 * - `scope_coverage(programme_id, code)`: each programme in scope × each municipality in scope it covers
 * - `scope_facts`: the programmes in scope as rows of the summary `programme_facts` (all its columns), with
 *   `scope_codes`, the municipalities in scope each covers (the same sets as scope_programmes and scope_coverage)
 * - `scope_cells`: every row of the summary `municipality_programmes` (municipality × covering programme), with
 *   `in_scope` (the municipality matches the municipality filters) and `programme_in_scope` (a programme that
 *   passes the programme filters): rows with both are scope_coverage
 *
 * The summary tables (../summaries.ts) are filter-independent, computed once: `programme_scores(programme_id,
 * mandatory_score, weak_parts, thin_parts, mandatory_parts)` (completeness of the mandatory parts per programme),
 * `programme_coverage(programme_id, code)` (current programme × municipality it covers), and the two above.
 * The views a filter change redraws (overview, gaps, languages) read scope_facts and scope_cells: one scan
 * of one small table each, no join (DuckDB-WASM spends a small query's time per operator, not per row).
 *
 * Returns the CTE text (without the leading WITH) and its parameters, in order.
 */
export function scopeCtes(f: Filters, usedBy?: string): { ctes: string; params: Param[] } {
	const lists = filterLists(f);
	// The one-row CTE of the lists, joined where a municipality filter is tested.
	const withLists = lists ? ', filter_lists fl' : '';
	const own = programmeConditions(f, 'p');
	const muni: string[] = ['NOT m.aland', ...municipalityConditions(f, (c) => `m.${c}`)];

	const progParams: Param[] = [...own.params];
	const prog: string[] = ['p.is_current', ...own.conditions];
	// With no municipality filter, a programme whose municipalities could not be resolved still counts nationally.
	if (hasMunicipalityFilters(f)) {
		prog.push(
			'p.programme_id IN (SELECT pc.programme_id FROM programme_coverage pc JOIN scope_municipalities sm ON sm.code = pc.code)'
		);
	}

	const factsCodes = coveredCodes(f, 'pf');
	const facts = programmeConditions(f, 'pf');
	facts.conditions.push(...municipalityLists(f, 'pf'));
	// One filter's list test is exact; with several, one municipality must match them all.
	if (setMunicipalityFilters(f).length > 1) facts.conditions.push(`len(${factsCodes}) > 0`);
	const cellsMuni = municipalityConditions(f, (c) => `mp.${c}`);
	const cellsOwn = programmeConditions(f, 'mp');

	const all: { name: string; sql: string; params: Param[] }[] = [
		...(lists ? [{ name: 'filter_lists', ...lists }] : []),
		{
			name: 'scope_municipalities',
			sql: `scope_municipalities AS (
	SELECT m.* FROM municipalities m${withLists}
	WHERE ${muni.join('\n\t\tAND ')}
)`,
			params: []
		},
		{
			name: 'scope_programmes',
			sql: `scope_programmes AS (
	SELECT p.* FROM programmes p
	WHERE ${prog.join('\n\t\tAND ')}
)`,
			params: progParams
		},
		{
			// From programme_facts (../summaries.ts): one scan, no join. A municipality filter is first
			// tested on the programme's list of that attribute (list_has_any: exact for one filter); with
			// several, one lambda over the parallel lists (code order) checks that one municipality
			// matches them all. `scope_codes` (the covered municipalities in scope) costs only where used.
			name: 'scope_facts',
			sql: `scope_facts AS (
	SELECT pf.*, ${factsCodes} AS scope_codes
	FROM programme_facts pf${withLists}${facts.conditions.length ? `\n\tWHERE ${facts.conditions.join('\n\t\tAND ')}` : ''}
)`,
			params: facts.params
		},
		{
			// From municipality_programmes (../summaries.ts): one scan, no join.
			name: 'scope_cells',
			sql: `scope_cells AS (
	SELECT mp.*,
		(NOT mp.aland${cellsMuni.map((c) => ` AND ${c}`).join('')}) AS in_scope,
		(mp.programme_id IS NOT NULL${cellsOwn.conditions.map((c) => ` AND ${c}`).join('')}) AS programme_in_scope
	FROM municipality_programmes mp${withLists}
)`,
			params: cellsOwn.params
		},
		{
			// programme_coverage (a summary table, ../summaries.ts) holds current programmes only.
			name: 'scope_coverage',
			sql: `scope_coverage AS (
	SELECT pc.programme_id, pc.code
	FROM programme_coverage pc
	JOIN scope_municipalities sm ON sm.code = pc.code
	WHERE pc.programme_id IN (SELECT programme_id FROM scope_programmes)
)`,
			params: []
		}
	];
	// Only the CTEs the query uses (directly or through another CTE): DuckDB-WASM spends most of
	// a small query's time planning, so unused CTEs are not free.
	let used = all;
	if (usedBy !== undefined) {
		let text = usedBy;
		const keep = new Set<string>();
		for (const cte of [...all].reverse()) {
			if (new RegExp(`\\b${cte.name}\\b`).test(text)) {
				keep.add(cte.name);
				text += '\n' + cte.sql;
			}
		}
		used = all.filter((c) => keep.has(c.name));
	}
	return { ctes: used.map((c) => c.sql).join(',\n'), params: used.flatMap((c) => c.params) };
}

/** Each municipality filter as `list_has_any(<alias>.<attribute list>, fl.<column>)` on a programme_facts row: it covers a municipality with one of the values. */
function municipalityLists(f: Filters, alias: string): string[] {
	return setMunicipalityFilters(f).map((m) => `list_has_any(${alias}.${LIST_OF.get(m.column)}, fl.${m.column})`);
}

/**
 * The codes of the municipalities in scope a programme_facts row (`alias`) covers: its `muni_codes`
 * filtered by one lambda over the parallel attribute lists (all of them without a municipality
 * filter). Reads `filter_lists` (as `fl`) when a municipality filter is set.
 */
export function coveredCodes(f: Filters, alias: string): string {
	const conditions = municipalityConditions(f, (c) => `${alias}.${LIST_OF.get(c)}[i]`);
	if (!conditions.length) return `${alias}.muni_codes`;
	return `list_filter(${alias}.muni_codes, (c, i) -> ${conditions.join(' AND ')})`;
}

/**
 * A query over the filter scope: `WITH <scope CTEs>[, <more CTEs>] <body>`.
 * This is the building block for new views: write the body against the scope CTEs (only those
 * the body or `moreCtes` mention are included).
 * @param moreCtes extra CTEs (text without a leading comma) that may use the scope CTEs
 */
export function scoped<T extends Row = Row>(id: string, f: Filters, body: string, bodyParams: Param[] = [], moreCtes = ''): Query<T> {
	const scope = scopeCtes(f, `${moreCtes}\n${body}`);
	const parts = [scope.ctes, moreCtes.trim()].filter(Boolean);
	const withClause = parts.length ? `WITH ${parts.join(',\n')}\n` : '';
	return { id, sql: `${withClause}${body.trim()}`, params: [...scope.params, ...bodyParams] };
}

/** Programme counts in scope: what the layout's synthetic-data banner needs. */
export interface ScopeSummary extends Row {
	programmes: number;
	synthetic_programmes: number;
}

export function scopeSummary(f: Filters): Query<ScopeSummary> {
	return scoped(
		'scope.summary',
		f,
		`SELECT count(*)::INTEGER AS programmes, count(*) FILTER (WHERE is_synthetic)::INTEGER AS synthetic_programmes
FROM scope_programmes`
	);
}
