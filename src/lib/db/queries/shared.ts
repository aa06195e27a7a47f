/**
 * What the comparison views (responsibilities, languages, cooperation, area, compare) share: the
 * evidence row shape, groupings and the `resp` CTE. Client group `both` (the text does not tell
 * the groups apart) counts for job-seekers and for others alike: the provider serves both.
 */
import type { Filters } from '../filters';
import type { Param, Query, Row } from '../types';
import { EXCERPT_CHARS, RESP_GROUP, RESP_UNIT } from '../summaries';
import { scoped } from './scope';
import { assertLimit } from './sql';

/** How the languages view groups municipalities; `national` is one group. */
export const LANGUAGE_GROUPINGS = ['national', 'region', 'area', 'wellbeing'] as const;
export type LanguageGrouping = (typeof LANGUAGE_GROUPINGS)[number];

export const GROUP_COLUMNS: Record<LanguageGrouping, { code: string; name: string }> = {
	national: { code: `'FI'`, name: `'Manner-Suomi'` },
	region: { code: 'm.region_code', name: 'm.region_fi' },
	area: { code: 'm.employment_area_code', name: 'm.employment_area' },
	wellbeing: { code: 'm.wellbeing_county_code', name: 'm.wellbeing_county_fi' }
};

/** The group code and name columns of a grouping (of `scope_municipalities m`), or an error for an unknown one. */
export function groupColumns(grouping: LanguageGrouping): { code: string; name: string } {
	const g = GROUP_COLUMNS[grouping];
	if (!g) throw new Error(`unknown grouping "${grouping}"`);
	return g;
}

export { EXCERPT_CHARS };

/**
 * `resp`: responsibilities of the programmes in scope, one row per client group
 * (`both` → one row for job-seekers and one for others); `grp` is the group, `unit` the thing
 * two sides are compared on: the provider kind, plus the municipality code when it is one.
 */
export const RESP_CTE = `resp AS (
	SELECT r.programme_id, r.key, r.span_start, r.span_end, r.snippet, r.service, r.provider, r.provider_kind,
		r.provider_municipality_code, r.from_table, r.client_group,
		${RESP_GROUP},
		${RESP_UNIT}
	FROM responsibilities r
	JOIN scope_programmes sp USING (programme_id)
)`;


/** Where a derived fact was read from: the answer key and the span of its text (every fact table carries these). */
export interface FactSpan extends Row {
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
}

/** One piece of evidence: a derived fact with the programme, the answer it was read from and that answer's text. */
export interface EvidenceRow extends FactSpan {
	programme_id: string;
	municipality_codes: string[];
	municipalities_text: string | null;
	is_synthetic: boolean;
	/** The whole answer text (the snippet is text[span_start, span_end)); null if the answer is gone. */
	text: string | null;
	page: number | null;
}

/** Programme columns a listing of programmes in scope shows beside each one (gaps, disagreements, …). */
export interface ListedProgramme extends Row {
	programme_id: string;
	municipality_codes: string[];
	municipalities_text: string | null;
	is_synthetic: boolean;
}

/** One part of one programme as read and graded: the answer (null when the document lacks the part) and its grade (null when ungraded). */
export interface PartGrade extends Row {
	text: string | null;
	status: string | null;
	page: number | null;
	grade: string | null;
	score: number | null;
	reason: string | null;
	reason_key: string | null;
	reason_params: string | null;
}

/** The programme that represents a municipality (area report, comparison: `member_programme`), null columns without one. */
export interface RepresentingProgramme extends Row {
	code: string;
	name_fi: string;
	name_sv: string;
	population: number;
	language_status: string;
	programme_id: string | null;
	/** Programmes in scope covering the municipality. */
	programmes: number;
	municipalities_text: string | null;
	municipality_codes: string[] | null;
	file: string | null;
	updated: string | null;
	input_kind: string | null;
	is_synthetic: boolean | null;
	mandatory_score: number | null;
	weak_parts: number | null;
}

/** The columns of a `languages` fact. */
export interface LanguageColumns {
	language_code: string;
	language_name_fi: string;
	context: string;
}

/** The columns of a `responsibilities` fact. */
export interface ResponsibilityColumns {
	service: string;
	client_group: string;
	provider: string;
	provider_kind: string;
	provider_municipality_code: string | null;
	from_table: boolean;
}

/** The columns of a `cooperation` fact. */
export interface CooperationColumns {
	arrangement_type: string;
	partner: string;
	partner_kind: string;
	partner_municipality_code: string | null;
	role: string;
}

/** A selection's conditions on evidence rows, each with one `?` and its value; a condition without a value does not apply. */
export type Conditions = readonly (readonly [condition: string, value: string | undefined])[];

/**
 * A view's evidence query: for filters, a selection and a limit, every fact of `from` (aliased `alias`)
 * of the programmes in scope that matches the selection's conditions, with the programme's
 * municipalities and the whole answer it was read from, ordered by the programme's municipalities.
 * `columns` are the fact's own columns, `orderBy` what orders a programme's facts.
 */
export interface EvidenceSource {
	from: string;
	alias: string;
	columns: string;
	orderBy: string;
	distinct?: boolean;
	moreCtes?: string;
}

export function evidenceQuery<T extends EvidenceRow, S>(id: string, o: EvidenceSource, conditions: (sel: S) => Conditions) {
	return (f: Filters, sel: S, limit = 500): Query<T> => {
		const x = o.alias;
		const given = conditions(sel).filter(([, value]) => value);
		const where = given.map(([condition]) => condition);
		const params: Param[] = given.map(([, value]) => value!);
		return scoped<T>(
			id,
			f,
			`SELECT ${o.distinct ? 'DISTINCT ' : ''}${x}.programme_id, sp.municipality_codes, sp.municipalities_text, sp.is_synthetic,
	${x}.key, ${x}.span_start, ${x}.span_end, ${x}.snippet, a.text, a.page,
	${o.columns}
FROM ${o.from} ${x}
JOIN scope_programmes sp USING (programme_id)
LEFT JOIN answers a ON a.programme_id = ${x}.programme_id AND a.key = ${x}.key
${where.length ? `WHERE ${where.join(' AND ')}` : ''}
ORDER BY sp.municipalities_text, ${x}.programme_id, ${o.orderBy}
LIMIT ${assertLimit(limit)}`,
			params,
			o.moreCtes
		);
	};
}
