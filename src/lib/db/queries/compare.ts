/** The comparison's SQL: the named municipalities' programmes, parts and facts side by side. */
import { EMPTY_FILTERS, type Filters } from '../filters';
import type { Param, Query, QueryRunner, Row } from '../types';
import { MEMBER_PROGRAMME_CTE } from './area';
import { runAll } from './run';
import { scoped } from './scope';
import { RESP_CTE, type PartGrade, type RepresentingProgramme } from './shared';
import { assertCodes, inList } from './sql';

/** Compare ignores the municipality filters (the user names the municipalities); the programme filters apply. */
export function compareFilters(f: Filters): Filters {
	return { ...EMPTY_FILTERS, inputKind: f.inputKind, synthetic: f.synthetic };
}

/**
 * A query over the compared municipalities: `body` gets the condition `<column> IN (?, …)` on the
 * codes (checked, bound in order) and runs over the comparison's scope (`compareFilters`).
 */
function compared<T extends Row>(id: string, f: Filters, codes: readonly string[], column: string, body: (list: string) => string, moreCtes: string): Query<T> {
	const params: Param[] = [];
	const list = inList(column, assertCodes(codes, 'compare'), params);
	return scoped(id, compareFilters(f), body(list), params, moreCtes);
}

export interface CompareProgramme extends RepresentingProgramme {
	region_fi: string;
	employment_area: string;
	aland: boolean;
	document_language: string | null;
}

/** The municipalities to compare (2–4 codes), each with the programme that represents it. */
export function compareProgrammes(f: Filters, codes: readonly string[]): Query<CompareProgramme> {
	return compared(
		'compare.programmes',
		f,
		codes,
		'm.code',
		(list) => `SELECT m.code, m.name_fi, m.name_sv, m.region_fi, m.employment_area, m.population, m.language_status, m.aland,
	mp.programme_id, coalesce(mp.programmes, 0)::INTEGER AS programmes,
	sp.municipalities_text, sp.municipality_codes, sp.file, CAST(sp.updated AS VARCHAR) AS updated,
	sp.input_kind, sp.is_synthetic, sp.document_language,
	ps.mandatory_score, ps.weak_parts
FROM municipalities m
LEFT JOIN member_programme mp ON mp.code = m.code
LEFT JOIN scope_programmes sp ON sp.programme_id = mp.programme_id
LEFT JOIN programme_scores ps ON ps.programme_id = mp.programme_id
WHERE ${list}
ORDER BY m.code`,
		MEMBER_PROGRAMME_CTE
	);
}

/** A part of a compared programme: grade null when the programme has no grade for it, text null when the document has no such part. */
export interface ComparePart extends PartGrade {
	code: string;
	programme_id: string;
	key: string;
	section: string | null;
	mandatory: boolean | null;
}

/** Every part of the compared programmes: the grade and the answer, by key (unmapped fields left out). */
export function compareParts(f: Filters, codes: readonly string[]): Query<ComparePart> {
	return compared(
		'compare.parts',
		f,
		codes,
		'mp.code',
		(list) => `SELECT mp.code, mp.programme_id, p.key, p.section, p.mandatory, p.grade, p.score, p.reason, p.reason_key, p.reason_params, p.text, p.status, p.page
FROM member_programme mp
JOIN parts p ON p.programme_id = mp.programme_id
WHERE ${list}
ORDER BY p.ordinal, p.key, mp.code`,
		`${MEMBER_PROGRAMME_CTE},
parts AS (
	SELECT coalesce(c.programme_id, a.programme_id) AS programme_id, coalesce(c.key, a.key) AS key,
		coalesce(c.ordinal, a.ordinal) AS ordinal, coalesce(c.section, a.section) AS section,
		c.mandatory, c.grade, c.score, c.reason, c.reason_key, c.reason_params, a.text, a.status, a.page
	FROM completeness c
	FULL OUTER JOIN answers a ON a.programme_id = c.programme_id AND a.key = c.key
	WHERE coalesce(c.key, a.key) <> 'unmapped'
)`
	);
}

export interface CompareFact extends Row {
	code: string;
	programme_id: string;
	/** `language`, `provider` or `arrangement`. */
	fact_type: string;
	/** What is compared across municipalities: `orientation:uk`, `assessment:jobseekers:host_municipality`, `kuntalaki_54`. */
	fact: string;
	/** The named thing: language name, provider, partner. */
	detail: string;
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
}

/** The derived facts of the compared programmes, in one shape so they can be lined up side by side. */
export function compareFacts(f: Filters, codes: readonly string[]): Query<CompareFact> {
	return compared(
		'compare.facts',
		f,
		codes,
		'mp.code',
		(list) => `SELECT mp.code, mp.programme_id, x.fact_type, x.fact, x.detail, x.key, x.span_start, x.span_end, x.snippet
FROM member_programme mp
JOIN facts x ON x.programme_id = mp.programme_id
WHERE ${list}
ORDER BY list_position(['language', 'provider', 'arrangement'], x.fact_type), x.fact, mp.code, x.key, x.span_start`,
		`${MEMBER_PROGRAMME_CTE},
${RESP_CTE},
facts AS (
	SELECT programme_id, 'language' AS fact_type, context || ':' || language_code AS fact, language_name_fi AS detail,
		key, span_start, span_end, snippet
	FROM languages
	UNION ALL
	SELECT programme_id, 'provider', service || ':' || grp || ':' || provider_kind, provider, key, span_start, span_end, snippet
	FROM resp
	UNION ALL
	SELECT programme_id, 'arrangement', arrangement_type, partner, key, span_start, span_end, snippet
	FROM cooperation
)`
	);
}

export interface CompareData {
	programmes: CompareProgramme[];
	parts: ComparePart[];
	facts: CompareFact[];
}

export function compareQueries(f: Filters, codes: readonly string[]) {
	return { programmes: compareProgrammes(f, codes), parts: compareParts(f, codes), facts: compareFacts(f, codes) };
}

export async function loadCompare(runner: QueryRunner, f: Filters, codes: readonly string[]): Promise<CompareData> {
	const { programmes, ...rest } = await runAll(runner, compareQueries(f, codes));
	// In the order the user listed them (the SQL orders by code).
	return { programmes: programmes.sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code)), ...rest };
}
