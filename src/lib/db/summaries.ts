/**
 * Summary tables: what the filtered views need, aggregated once from the dataset tables so that a
 * filter change runs a few small GROUP BYs instead of re-aggregating every answer grade and
 * unnesting every programme's municipalities in every query.
 *
 * Each summary is a SQL SELECT over the dataset tables. The ingest writes them next to the
 * dataset (ingest/derived.ts: `<name>.parquet` for Node and `<name>.arrow` for the browser, the same
 * numbers on both paths); where a summary file is absent (test fixtures, an older dataset) the
 * database computes it from the tables with the same SQL when it opens. They are not part of
 * the published dataset (src/lib/dataset/tables.ts): they can always be recomputed.
 */
import type { ColumnType, TableDef } from '$lib/dataset/tables';
// Relative, not $lib: the ingest CLI imports this module outside Vite (value imports, unlike the type above).
import { CLIENT_GROUP_IDS, EXPECTED_SERVICES } from '../dataset/services';
import { sqlList } from './queries/sql';

/** Grades (completeness.grade) that count as "not answered" in the gap figures. */
export const WEAK_GRADES = ['missing', 'empty', 'placeholder'] as const;

/** The grades the overview's missing-parts chart counts: not answered, or answered thinly. */
export const GAP_GRADES = [...WEAK_GRADES, 'thin'] as const;

/** The answer that should name the languages of orientation (s3.a2 "3A kuvaus 2"): the languages view lists it where none is named. */
export const LANGUAGE_PART_KEY = 's3.a2';

/** Lists of answers (gaps, languages named none) carry this much of each answer: enough to read, not a copy of the dataset. */
export const EXCERPT_CHARS = 400;

/** programme_facts' lists of the mainland municipalities a programme covers: one per municipality filter column, in code order. */
export const MUNICIPALITY_LISTS = [
	{ list: 'muni_codes', column: 'code' },
	{ list: 'muni_regions', column: 'region_code' },
	{ list: 'muni_wellbeing_counties', column: 'wellbeing_county_code' },
	{ list: 'muni_employment_areas', column: 'employment_area_code' },
	{ list: 'muni_language_statuses', column: 'language_status' },
	{ list: 'muni_population_classes', column: 'population_class' }
] as const;

/** Completeness of the mandatory parts per programme (programme_scores, and programme_facts' columns). */
const SCORES = `SELECT programme_id,
	avg(score) AS mandatory_score,
	count(*) FILTER (WHERE grade IN ('${WEAK_GRADES.join("', '")}'))::INTEGER AS weak_parts,
	count(*) FILTER (WHERE grade = 'thin')::INTEGER AS thin_parts,
	count(*)::INTEGER AS mandatory_parts
FROM completeness
WHERE mandatory
GROUP BY programme_id
ORDER BY programme_id`;

/**
 * A programme's place in the gap matrix's choice of a municipality's programme, over all current
 * programmes (`p` programmes, `s` scores): best score, then latest plausible update, then id.
 */
const BEST_RANK = `row_number() OVER (
		ORDER BY s.mandatory_score DESC NULLS LAST, CASE WHEN p.updated_status IN ('ok', 'month') THEN p.updated END DESC NULLS LAST, p.programme_id
	)::INTEGER AS best_rank`;

/** The mandatory parts graded a gap (GAP_GRADES), in form order: ~5 of a programme's ~30 parts, what the missing-parts chart unnests. */
const GAP_PART_LISTS = ['gap_part_keys', 'gap_part_grades', 'gap_part_sections', 'gap_part_ordinals'];
const GAP_ONLY = `FILTER (WHERE grade IN ('${GAP_GRADES.join("', '")}'))`;
const LANGUAGE_LISTS = ['language_contexts', 'language_codes', 'language_names'];
/** municipality_programmes' list columns from its programme (empty where no programme covers the municipality). */
const CELL_LISTS = ['part_keys', 'part_grades', ...LANGUAGE_LISTS, 'orientation_languages'];

/** `coalesce(<alias>.<name>, []) AS <name>` for each list: a programme without rows in a table gets an empty list, not NULL. */
const orEmpty = (alias: string, names: readonly string[], separator: string) =>
	names.map((n) => `coalesce(${alias}.${n}, []::VARCHAR[]) AS ${n}`).join(`,${separator}`);

/** The per-programme aggregates programme_facts and municipality_programmes share (CTE text, no leading WITH). */
const FACTS_CTES = `scores AS (
	${SCORES}
),
covered AS (
	SELECT DISTINCT c.programme_id, m.*
	FROM (SELECT programme_id, unnest(municipality_codes) AS code FROM programmes WHERE is_current) c
	JOIN municipalities m ON m.code = c.code AND NOT m.aland
),
cov AS (
	SELECT programme_id,
		${MUNICIPALITY_LISTS.map((c) => `list(${c.column} ORDER BY code) AS ${c.list}`).join(',\n\t\t')}
	FROM covered
	GROUP BY programme_id
),
parts AS (
	SELECT programme_id,
		list(key ORDER BY ordinal, key) AS part_keys,
		list(grade ORDER BY ordinal, key) AS part_grades,
		list(key ORDER BY ordinal, key) ${GAP_ONLY} AS gap_part_keys,
		list(grade ORDER BY ordinal, key) ${GAP_ONLY} AS gap_part_grades,
		list(section ORDER BY ordinal, key) ${GAP_ONLY} AS gap_part_sections,
		list(CAST(ordinal AS VARCHAR) ORDER BY ordinal, key) ${GAP_ONLY} AS gap_part_ordinals
	FROM completeness
	WHERE mandatory
	GROUP BY programme_id
),
langs AS (
	SELECT programme_id,
		list(context ORDER BY context, language_code) AS language_contexts,
		list(language_code ORDER BY context, language_code) AS language_codes,
		list(language_name_fi ORDER BY context, language_code) AS language_names
	FROM (SELECT programme_id, context, language_code, min(language_name_fi) AS language_name_fi FROM languages GROUP BY ALL)
	GROUP BY programme_id
),
arr AS (
	SELECT programme_id,
		list(arrangement_type ORDER BY arrangement_type) AS arrangement_types,
		list(CAST(mentions AS VARCHAR) ORDER BY arrangement_type) AS arrangement_mentions
	FROM (SELECT programme_id, arrangement_type, count(*) AS mentions FROM cooperation GROUP BY ALL)
	GROUP BY programme_id
)`;

export interface SummaryDef {
	name: string;
	/** Dataset tables the SELECT reads. */
	from: readonly string[];
	columns: readonly { name: string; type: ColumnType }[];
	/** The SELECT that computes it, rows in a fixed order (deterministic files). */
	select: string;
}

/** A responsibility row (`r`) once per client group it names (`both` is each): the `grp` column of the responsibilities view and its summaries. */
export const RESP_GROUP = `unnest(CASE WHEN r.client_group = 'both' THEN ${sqlList(CLIENT_GROUP_IDS)} ELSE [r.client_group] END) AS grp`;
/** The provider's unit (kind, or kind:municipality code), what table and prose are compared on. */
export const RESP_UNIT = `r.provider_kind || coalesce(':' || r.provider_municipality_code, '') AS unit`;

/** The responsibilities of current programmes, per client group, with the provider's unit. */
const CURRENT_RESP = `resp AS (
	SELECT r.programme_id, r.service, r.provider, r.from_table,
		${RESP_GROUP},
		${RESP_UNIT}
	FROM responsibilities r
	JOIN programmes p ON p.programme_id = r.programme_id AND p.is_current
)`;

export const SUMMARIES: readonly SummaryDef[] = [
	{
		// Completeness of the mandatory parts per programme: score 0–1 = mean of the parts' rubric
		// scores; weak = missing, empty or placeholder.
		name: 'programme_scores',
		from: ['completeness'],
		columns: [
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'mandatory_score', type: 'DOUBLE' },
			{ name: 'weak_parts', type: 'INTEGER' },
			{ name: 'thin_parts', type: 'INTEGER' },
			{ name: 'mandatory_parts', type: 'INTEGER' }
		],
		select: SCORES
	},
	{
		// Each current programme × each municipality it covers (the list unnested once).
		name: 'programme_coverage',
		from: ['programmes'],
		columns: [
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'code', type: 'VARCHAR' }
		],
		select: `SELECT DISTINCT programme_id, code
FROM (SELECT programme_id, unnest(municipality_codes) AS code FROM programmes WHERE is_current)
ORDER BY programme_id, code`
	},
	{
		// One row per current programme with everything a filtered view counts of it (the Mosaic way:
		// a filter change then picks rows of this table and counts, without joins): the programme
		// filters' columns (same names as in `programmes`), its mandatory completeness
		// (as programme_scores) and the bin of the overview's distribution, its place in the gap
		// matrix's choice of a municipality's programme (`best_rank`: best score, then latest plausible
		// update, then id), the mainland municipalities it covers with each municipality filter's
		// attribute (parallel lists in code order: the filter scope tests them with one lambda), its
		// mandatory parts graded a gap (GAP_GRADES) with their grades, in form order, the languages it names (distinct context × code, with
		// the least Finnish name) and its arrangement types (distinct, with their mention counts).
		// Lists are VARCHAR[] (the only list type the Arrow copies carry), numbers in them as text.
		name: 'programme_facts',
		from: ['programmes', 'municipalities', 'completeness', 'languages', 'cooperation'],
		columns: [
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'is_synthetic', type: 'BOOLEAN' },
			{ name: 'input_kind', type: 'VARCHAR' },
			{ name: 'updated', type: 'DATE' },
			{ name: 'updated_status', type: 'VARCHAR' },
			{ name: 'mandatory_score', type: 'DOUBLE' },
			{ name: 'weak_parts', type: 'INTEGER' },
			{ name: 'thin_parts', type: 'INTEGER' },
			{ name: 'score_bin', type: 'INTEGER' },
			{ name: 'best_rank', type: 'INTEGER' },
			...MUNICIPALITY_LISTS.map((c) => ({ name: c.list, type: 'VARCHAR[]' as const })),
			...GAP_PART_LISTS.map((name) => ({ name, type: 'VARCHAR[]' as const })),
			{ name: 'language_contexts', type: 'VARCHAR[]' },
			{ name: 'language_codes', type: 'VARCHAR[]' },
			{ name: 'language_names', type: 'VARCHAR[]' },
			{ name: 'arrangement_types', type: 'VARCHAR[]' },
			{ name: 'arrangement_mentions', type: 'VARCHAR[]' }
		],
		select: `WITH ${FACTS_CTES}
SELECT p.programme_id, p.is_synthetic, p.input_kind, p.updated, p.updated_status,
	s.mandatory_score, s.weak_parts, s.thin_parts,
	least(floor(s.mandatory_score * 10), 9)::INTEGER AS score_bin,
	${BEST_RANK},
	${orEmpty('cov', MUNICIPALITY_LISTS.map((c) => c.list), '\n\t')},
	${orEmpty('parts', GAP_PART_LISTS, '\n\t')},
	${orEmpty('langs', LANGUAGE_LISTS, '\n\t')},
	${orEmpty('arr', ['arrangement_types', 'arrangement_mentions'], '\n\t')}
FROM programmes p
LEFT JOIN scores s USING (programme_id)
LEFT JOIN cov USING (programme_id)
LEFT JOIN parts USING (programme_id)
LEFT JOIN langs USING (programme_id)
LEFT JOIN arr USING (programme_id)
WHERE p.is_current
ORDER BY p.programme_id`
	},
	{
		// Every municipality (Åland included) × each current programme covering it, one row with a
		// null programme where none does: the municipality's attributes and the programme's columns of
		// programme_facts (and its orientation languages, the overview map's measure). The grain of the
		// per-municipality views (map, gap matrix, languages by group).
		name: 'municipality_programmes',
		from: ['programmes', 'municipalities', 'completeness', 'languages', 'cooperation', 'answers'],
		columns: [
			{ name: 'code', type: 'VARCHAR' },
			{ name: 'name_fi', type: 'VARCHAR' },
			{ name: 'name_sv', type: 'VARCHAR' },
			{ name: 'region_code', type: 'VARCHAR' },
			{ name: 'region_fi', type: 'VARCHAR' },
			{ name: 'wellbeing_county_code', type: 'VARCHAR' },
			{ name: 'wellbeing_county_fi', type: 'VARCHAR' },
			{ name: 'employment_area_code', type: 'VARCHAR' },
			{ name: 'employment_area', type: 'VARCHAR' },
			{ name: 'language_status', type: 'VARCHAR' },
			{ name: 'population', type: 'INTEGER' },
			{ name: 'population_class', type: 'VARCHAR' },
			{ name: 'aland', type: 'BOOLEAN' },
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'municipalities_text', type: 'VARCHAR' },
			{ name: 'is_synthetic', type: 'BOOLEAN' },
			{ name: 'input_kind', type: 'VARCHAR' },
			{ name: 'updated', type: 'DATE' },
			{ name: 'updated_status', type: 'VARCHAR' },
			{ name: 'mandatory_score', type: 'DOUBLE' },
			{ name: 'weak_parts', type: 'INTEGER' },
			{ name: 'thin_parts', type: 'INTEGER' },
			{ name: 'best_rank', type: 'INTEGER' },
			{ name: 'part_keys', type: 'VARCHAR[]' },
			{ name: 'part_grades', type: 'VARCHAR[]' },
			{ name: 'language_contexts', type: 'VARCHAR[]' },
			{ name: 'language_codes', type: 'VARCHAR[]' },
			{ name: 'language_names', type: 'VARCHAR[]' },
			{ name: 'orientation_languages', type: 'VARCHAR[]' },
			{ name: 'language_part_grade', type: 'VARCHAR' },
			{ name: 'language_part_text', type: 'VARCHAR' }
		],
		select: `WITH ${FACTS_CTES},
facts AS (
	SELECT p.programme_id, p.municipalities_text, p.is_synthetic, p.input_kind, p.updated, p.updated_status,
		s.mandatory_score, s.weak_parts, s.thin_parts,
		${BEST_RANK},
		${orEmpty('parts', ['part_keys', 'part_grades'], '\n\t\t')},
		${orEmpty('langs', LANGUAGE_LISTS, '\n\t\t')},
		coalesce(list_filter(langs.language_codes, (l, i) -> langs.language_contexts[i] = 'orientation'), []::VARCHAR[]) AS orientation_languages,
		lp.grade AS language_part_grade,
		left(la.text, ${EXCERPT_CHARS}) AS language_part_text
	FROM programmes p
	LEFT JOIN scores s USING (programme_id)
	LEFT JOIN parts USING (programme_id)
	LEFT JOIN langs USING (programme_id)
	LEFT JOIN completeness lp ON lp.programme_id = p.programme_id AND lp.key = '${LANGUAGE_PART_KEY}'
	LEFT JOIN answers la ON la.programme_id = p.programme_id AND la.key = '${LANGUAGE_PART_KEY}'
	WHERE p.is_current
)
SELECT m.code, m.name_fi, m.name_sv, m.region_code, m.region_fi, m.wellbeing_county_code, m.wellbeing_county_fi,
	m.employment_area_code, m.employment_area, m.language_status, m.population, m.population_class, m.aland,
	f.* EXCLUDE (${CELL_LISTS.join(', ')}),
	${orEmpty('f', CELL_LISTS, '\n\t')}
FROM municipalities m
LEFT JOIN (SELECT DISTINCT programme_id, unnest(municipality_codes) AS code FROM programmes WHERE is_current) c ON c.code = m.code
LEFT JOIN facts f ON f.programme_id = c.programme_id
ORDER BY m.code, f.programme_id`
	},
	{
		// Each current programme × expected service × client group for which it names no provider. None
		// at all while the responsibilities table is empty (not enriched yet: "nobody named" would be a
		// claim the data cannot make).
		name: 'responsibility_gaps',
		from: ['programmes', 'responsibilities'],
		columns: [
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'service', type: 'VARCHAR' },
			{ name: 'client_group', type: 'VARCHAR' }
		],
		select: `WITH ${CURRENT_RESP}
SELECT p.programme_id, s.service, g.client_group
FROM programmes p
CROSS JOIN (SELECT unnest(${sqlList(EXPECTED_SERVICES)}) AS service) s
CROSS JOIN (SELECT unnest(${sqlList(CLIENT_GROUP_IDS)}) AS client_group) g
WHERE p.is_current
	AND EXISTS (SELECT 1 FROM responsibilities)
	AND NOT EXISTS (SELECT 1 FROM resp r WHERE r.programme_id = p.programme_id AND r.service = s.service AND r.grp = g.client_group)
ORDER BY p.programme_id, s.service, g.client_group`
	},
	{
		// Where a current programme's responsibility table and its prose name different providers for the
		// same service and client group, compared on the provider's unit; only pairs both sides speak about.
		name: 'responsibility_disagreements',
		from: ['programmes', 'responsibilities'],
		columns: [
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'service', type: 'VARCHAR' },
			{ name: 'client_group', type: 'VARCHAR' },
			{ name: 'table_only', type: 'VARCHAR[]' },
			{ name: 'prose_only', type: 'VARCHAR[]' },
			{ name: 'table_providers', type: 'VARCHAR' },
			{ name: 'prose_providers', type: 'VARCHAR' },
			{ name: 'severity', type: 'VARCHAR' }
		],
		select: `WITH ${CURRENT_RESP},
units AS (
	SELECT programme_id, service, grp, unit, bool_or(from_table) AS in_table, bool_or(NOT from_table) AS in_prose
	FROM resp
	GROUP BY programme_id, service, grp, unit
),
names AS (
	SELECT programme_id, service, grp,
		coalesce(string_agg(DISTINCT provider, '; ' ORDER BY provider) FILTER (WHERE from_table), '') AS table_providers,
		coalesce(string_agg(DISTINCT provider, '; ' ORDER BY provider) FILTER (WHERE NOT from_table), '') AS prose_providers
	FROM resp
	GROUP BY programme_id, service, grp
)
SELECT u.programme_id, u.service, u.grp AS client_group,
	coalesce(list_sort(list(u.unit) FILTER (WHERE u.in_table AND NOT u.in_prose)), []) AS table_only,
	coalesce(list_sort(list(u.unit) FILTER (WHERE u.in_prose AND NOT u.in_table)), []) AS prose_only,
	any_value(n.table_providers) AS table_providers,
	any_value(n.prose_providers) AS prose_providers,
	CASE WHEN count(*) FILTER (WHERE u.in_table AND u.in_prose) = 0 THEN 'disjoint' ELSE 'partial' END AS severity
FROM units u
JOIN names n USING (programme_id, service, grp)
GROUP BY u.programme_id, u.service, u.grp
HAVING count(*) FILTER (WHERE u.in_table) > 0
	AND count(*) FILTER (WHERE u.in_prose) > 0
	AND count(*) FILTER (WHERE u.in_table <> u.in_prose) > 0
ORDER BY u.programme_id, u.service, client_group`
	}
];

// schema.ts has the same; this module is also bundled into the ingest (ingest/bundle.mjs, no `$lib`
// alias), which schema.ts's `$lib` import would break.
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `CREATE OR REPLACE TABLE <summary> AS <select>`: computes it from the loaded dataset tables. */
export function summaryTableSql(s: SummaryDef): string {
	return `CREATE OR REPLACE TABLE ${quoteIdent(s.name)} AS ${s.select}`;
}

/** The summary table over a source that holds its rows (a Parquet file in Node, an inserted Arrow table in the browser), typed as declared. */
export function summaryFromSql(s: SummaryDef, source: string, kind: 'TABLE' | 'VIEW' = 'TABLE'): string {
	const cols = s.columns.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ');
	return `CREATE OR REPLACE ${kind} ${quoteIdent(s.name)} AS SELECT ${cols} FROM ${source}`;
}

/** The statement reads the table `name`: it follows FROM or JOIN (a CTE of that name counts too, which only loads a table early). */
export const readsFrom = (sql: string, name: string): boolean => new RegExp(`\\b(?:FROM|JOIN)\\s+${name}\\b`, 'i').test(sql);

/** The summaries a statement reads (`readsFrom`, as `tablesIn` in ./browser.ts). */
export function summariesIn(sql: string): SummaryDef[] {
	return SUMMARIES.filter((s) => readsFrom(sql, s.name));
}

/** A summary described as a table (all columns nullable), for the code that loads tables generically. */
export function summaryTableDef(s: SummaryDef): TableDef {
	return {
		name: s.name,
		description: `Summary table (derived, not published): ${s.from.join(', ')}.`,
		grain: s.name,
		columns: s.columns.map((c) => ({ ...c, nullable: true, description: '' })),
		orderBy: []
	};
}
