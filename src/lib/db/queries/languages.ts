/** The languages view's SQL: languages per group, group totals, the map, programmes naming none, evidence. */
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { languageCounts, type LanguageCount } from './overview';
import { pageQueries, type PageData } from './run';
import { scoped } from './scope';
import { LANGUAGE_PART_KEY } from '../summaries';
import { evidenceQuery, groupColumns, type EvidenceRow, type LanguageColumns, type LanguageGrouping } from './shared';

/** A row per group of municipalities (`GROUP_COLUMNS`). */
interface GroupRow extends Row {
	group_code: string;
	group_name: string;
}

/**
 * `languages.<kind>_<grouping>`: one row per group of municipalities in scope (`scope_municipalities m`,
 * `GROUP_COLUMNS`) for one use of languages (the query's one parameter): the group's code and name,
 * then `columns` over `from`, grouped by the group (and `groupBy`), ordered by it (then `orderBy`).
 */
function perGroup<T extends GroupRow>(
	kind: string,
	f: Filters,
	grouping: LanguageGrouping,
	context: string,
	q: { columns: string; from: string; groupBy?: string; orderBy?: string; ctes?: string }
): Query<T> {
	const g = groupColumns(grouping);
	const then = (more?: string) => (more ? `, ${more}` : '');
	return scoped(
		`languages.${kind}_${grouping}`,
		f,
		`SELECT ${g.code} AS group_code, any_value(${g.name}) AS group_name,${q.columns}
${q.from}
GROUP BY ${g.code}${then(q.groupBy)}
ORDER BY group_code${then(q.orderBy)}`,
		[context],
		q.ctes
	);
}

export interface LanguageGroupCount extends GroupRow {
	language_code: string;
	language_name_fi: string;
	/** Municipalities in scope in the group whose programme names the language. */
	municipalities: number;
	programmes: number;
}

/**
 * Languages named for a use (default orientation) per group of municipalities: region, employment
 * area, wellbeing county, or the whole mainland (`national`, group_code `FI`). Counted through the
 * municipalities in scope each programme covers. (len(list_distinct(list(…))) instead of the two
 * count(DISTINCT …) was 10 % quicker at the corpus's size and 15 % slower at ten times it: kept.)
 */
export function languagesByGroup(f: Filters, grouping: LanguageGrouping, context = 'orientation'): Query<LanguageGroupCount> {
	return perGroup('by', f, grouping, context, {
		columns: ` language_code,
	min(language_name_fi) AS language_name_fi,
	count(DISTINCT code)::INTEGER AS municipalities,
	count(DISTINCT programme_id)::INTEGER AS programmes`,
		from: `FROM (
	SELECT code, programme_id, region_code, region_fi, employment_area_code, employment_area, wellbeing_county_code, wellbeing_county_fi,
		unnest(language_contexts) AS context, unnest(language_codes) AS language_code, unnest(language_names) AS language_name_fi
	FROM scope_cells
	WHERE in_scope AND programme_in_scope
) m
WHERE context = ?`,
		groupBy: 'language_code',
		orderBy: 'municipalities DESC, language_code'
	});
}

export interface LanguageGroupTotal extends GroupRow {
	/** Municipalities in scope in the group. */
	municipalities: number;
	/** Of those, covered by a programme in scope. */
	covered: number;
	/** Of the covered, those whose programmes name no language for the use. */
	naming_none: number;
}

/**
 * The denominators of the languages view, per group: one row per municipality in scope first (is it
 * covered, does a programme covering it name a language for the use), then counted per group. Plain
 * counts over that grain, not count(DISTINCT …): in DuckDB-WASM each DISTINCT aggregate builds its
 * own hash table, which costs more than the rows.
 */
export function languageGroupTotals(f: Filters, grouping: LanguageGrouping, context = 'orientation'): Query<LanguageGroupTotal> {
	const g = groupColumns(grouping);
	return scoped(
		`languages.totals_${grouping}`,
		f,
		`SELECT group_code, any_value(group_name) AS group_name,
	count(*)::INTEGER AS municipalities,
	count(*) FILTER (WHERE covered)::INTEGER AS covered,
	count(*) FILTER (WHERE covered AND NOT names_any)::INTEGER AS naming_none
FROM (
	SELECT code, any_value(${g.code}) AS group_code, any_value(${g.name}) AS group_name,
		bool_or(programme_in_scope) AS covered,
		bool_or(programme_in_scope AND list_contains(language_contexts, ?)) AS names_any
	FROM scope_cells m
	WHERE in_scope
	GROUP BY code
)
GROUP BY group_code
ORDER BY group_code`,
		[context]
	);
}

export interface LanguageMapRow extends Row {
	code: string;
	in_scope: boolean;
	programmes: number;
	/** Its programmes name the chosen language for the use. */
	names_language: boolean;
	/** Distinct languages its programmes name for the use. */
	languages: number;
}

/** Every municipality (Åland included, out of scope) for the map of one language. */
export function languageMap(f: Filters, language: string, context = 'orientation'): Query<LanguageMapRow> {
	return scoped(
		'languages.map',
		f,
		`SELECT code, any_value(in_scope) AS in_scope,
	count(*) FILTER (WHERE covered)::INTEGER AS programmes,
	coalesce(bool_or(list_contains(languages, ?)) FILTER (WHERE covered), false) AS names_language,
	coalesce(len(list_distinct(flatten(list(languages) FILTER (WHERE covered)))), 0)::INTEGER AS languages
FROM (
	SELECT code, in_scope, in_scope AND programme_in_scope AS covered,
		list_filter(language_codes, (l, i) -> language_contexts[i] = ?) AS languages
	FROM scope_cells
)
GROUP BY code
ORDER BY code`,
		[language, context]
	);
}

export interface LanguageNoneRow extends Row {
	code: string;
	name_fi: string;
	name_sv: string;
	programme_id: string;
	municipalities_text: string | null;
	is_synthetic: boolean;
	/** The answer where languages should be (s3.a2 "3A kuvaus 2"), its grade and its first EXCERPT_CHARS characters. */
	key: string;
	grade: string | null;
	text: string | null;
}

/** Municipalities in scope whose programmes name no language for the use, with the answer where the languages belong. */
export function languageNone(f: Filters, context = 'orientation'): Query<LanguageNoneRow> {
	return scoped(
		'languages.none',
		f,
		`SELECT code, name_fi, name_sv, p.programme_id AS programme_id, p.municipalities_text AS municipalities_text, p.is_synthetic AS is_synthetic,
	'${LANGUAGE_PART_KEY}' AS key, p.grade AS grade, p.text AS text
FROM (
	SELECT code, name_fi, name_sv,
		unnest(list({
			'programme_id': programme_id, 'municipalities_text': municipalities_text, 'is_synthetic': is_synthetic,
			'grade': language_part_grade, 'text': language_part_text
		})) AS p
	FROM scope_cells
	WHERE in_scope AND programme_in_scope
	GROUP BY code, name_fi, name_sv
	HAVING NOT bool_or(list_contains(language_contexts, ?))
)
ORDER BY name_fi, p.programme_id`,
		[context]
	);
}

export interface LanguageEvidence extends EvidenceRow, LanguageColumns {}

export interface LanguageSelection {
	language?: string;
	context?: string;
	grouping?: LanguageGrouping;
	/** A group code of `grouping` (region, employment area or wellbeing county code). */
	group?: string;
	/** One municipality. */
	code?: string;
}

/** A chosen group of a grouping other than national: the programmes in scope covering one of its municipalities. */
function inGroup(sel: LanguageSelection): readonly [string, string | undefined] {
	if (!sel.grouping || sel.grouping === 'national' || !sel.group) return ['', undefined];
	const g = groupColumns(sel.grouping);
	return [`l.programme_id IN (SELECT sc.programme_id FROM scope_coverage sc JOIN scope_municipalities m ON m.code = sc.code WHERE ${g.code} = ?)`, sel.group];
}

/** Every mention behind a language count: the programmes in scope (in the group, if one is chosen) that name it. */
export const languageEvidence = evidenceQuery<LanguageEvidence, LanguageSelection>(
	'languages.evidence',
	{ from: 'languages', alias: 'l', columns: 'l.language_code, l.language_name_fi, l.context', orderBy: 'l.key, l.span_start, l.language_code' },
	(sel) => [
		['l.language_code = ?', sel.language],
		['l.context = ?', sel.context],
		inGroup(sel),
		['l.programme_id IN (SELECT programme_id FROM scope_coverage WHERE code = ?)', sel.code]
	]
);

/**
 * The languages view's record for a filter state and grouping. Nationally the matrix's one row is
 * the national counts' `municipalities` (the same municipalities: those in scope covered by a
 * programme in scope naming the language; tests/unit/languages-rewrite.test.ts), so `groups` is
 * asked for only per region, area or county: one statement fewer on every filter change.
 */
export const [languagesQueries, loadLanguages] = pageQueries((f: Filters, grouping: LanguageGrouping) => ({
	national: languageCounts(f, 'orientation'),
	groups: grouping === 'national' ? null : languagesByGroup(f, grouping),
	totals: languageGroupTotals(f, grouping),
	none: languageNone(f)
}));
export type LanguagesData = PageData<typeof languagesQueries>;
