/** The languages view's SQL: languages per group, group totals, the map, programmes naming none, evidence. */
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { languageCounts, type LanguageCount } from './overview';
import { pageQueries, type PageData } from './run';
import { scoped } from './scope';
import { EXCERPT_CHARS, evidenceQuery, groupColumns, type EvidenceRow, type LanguageColumns, type LanguageGrouping } from './shared';

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
 * municipalities in scope each programme covers.
 */
export function languagesByGroup(f: Filters, grouping: LanguageGrouping, context = 'orientation'): Query<LanguageGroupCount> {
	return perGroup('by', f, grouping, context, {
		columns: ` l.language_code,
	min(l.language_name_fi) AS language_name_fi,
	count(DISTINCT sc.code)::INTEGER AS municipalities,
	count(DISTINCT l.programme_id)::INTEGER AS programmes`,
		from: `FROM languages l
JOIN scope_coverage sc ON sc.programme_id = l.programme_id
JOIN scope_municipalities m ON m.code = sc.code
WHERE l.context = ?`,
		groupBy: 'l.language_code',
		orderBy: 'municipalities DESC, l.language_code'
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

/** The denominators of the languages view, per group. */
export function languageGroupTotals(f: Filters, grouping: LanguageGrouping, context = 'orientation'): Query<LanguageGroupTotal> {
	return perGroup('totals', f, grouping, context, {
		columns: `
	count(*)::INTEGER AS municipalities,
	count(*) FILTER (WHERE cov.code IS NOT NULL)::INTEGER AS covered,
	count(*) FILTER (WHERE cov.code IS NOT NULL AND NOT cov.names_any)::INTEGER AS naming_none`,
		from: `FROM scope_municipalities m
LEFT JOIN cov ON cov.code = m.code`,
		ctes: `named AS (SELECT DISTINCT programme_id FROM languages WHERE context = ?),
cov AS (
	SELECT sc.code, bool_or(n.programme_id IS NOT NULL) AS names_any
	FROM scope_coverage sc LEFT JOIN named n ON n.programme_id = sc.programme_id
	GROUP BY sc.code
)`
	});
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
		`SELECT m.code,
	(sm.code IS NOT NULL) AS in_scope,
	count(DISTINCT sc.programme_id)::INTEGER AS programmes,
	coalesce(bool_or(l.language_code = ?), false) AS names_language,
	count(DISTINCT l.language_code)::INTEGER AS languages
FROM municipalities m
LEFT JOIN scope_municipalities sm ON sm.code = m.code
LEFT JOIN scope_coverage sc ON sc.code = m.code
LEFT JOIN languages l ON l.programme_id = sc.programme_id AND l.context = ?
GROUP BY m.code, sm.code
ORDER BY m.code`,
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
		`SELECT m.code, m.name_fi, m.name_sv, sp.programme_id, sp.municipalities_text, sp.is_synthetic,
	's3.a2' AS key, c.grade, left(a.text, ${EXCERPT_CHARS}) AS text
FROM scope_coverage sc
JOIN scope_municipalities m ON m.code = sc.code
JOIN scope_programmes sp ON sp.programme_id = sc.programme_id
LEFT JOIN completeness c ON c.programme_id = sp.programme_id AND c.key = 's3.a2'
LEFT JOIN answers a ON a.programme_id = sp.programme_id AND a.key = 's3.a2'
WHERE sc.code NOT IN (
	SELECT sc2.code FROM scope_coverage sc2 JOIN languages l ON l.programme_id = sc2.programme_id WHERE l.context = ?
)
ORDER BY m.name_fi, sp.programme_id`,
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

export const [languagesQueries, loadLanguages] = pageQueries((f: Filters, grouping: LanguageGrouping) => ({
		national: languageCounts(f, 'orientation'),
		groups: languagesByGroup(f, grouping),
		totals: languageGroupTotals(f, grouping),
		none: languageNone(f)
	}));
export type LanguagesData = PageData<typeof languagesQueries>;
