/**
 * What the comparison views (responsibilities, languages, cooperation, area, compare) share: the
 * evidence row shape, groupings and the `resp` CTE. Client group `both` (the text does not tell
 * the groups apart) counts for job-seekers and for others alike: the provider serves both.
 */
import { CLIENT_GROUP_IDS } from '$lib/dataset/services';
import type { Row } from '../types';
import { sqlList } from './sql';

/** How the languages view groups municipalities; `national` is one group. */
export const LANGUAGE_GROUPINGS = ['national', 'region', 'area', 'wellbeing'] as const;
export type LanguageGrouping = (typeof LANGUAGE_GROUPINGS)[number];

export const GROUP_COLUMNS: Record<LanguageGrouping, { code: string; name: string }> = {
	national: { code: `'FI'`, name: `'Manner-Suomi'` },
	region: { code: 'm.region_code', name: 'm.region_fi' },
	area: { code: 'm.employment_area_code', name: 'm.employment_area' },
	wellbeing: { code: 'm.wellbeing_county_code', name: 'm.wellbeing_county_fi' }
};

/** Lists of answers (gaps, languages named none) carry this much of each answer: enough to read, not a copy of the dataset. */
export const EXCERPT_CHARS = 400;

/**
 * `resp`: responsibilities of the programmes in scope, one row per client group
 * (`both` → one row for job-seekers and one for others); `grp` is the group, `unit` the thing
 * two sides are compared on: the provider kind, plus the municipality code when it is one.
 */
export const RESP_CTE = `resp AS (
	SELECT r.programme_id, r.key, r.span_start, r.span_end, r.snippet, r.service, r.provider, r.provider_kind,
		r.provider_municipality_code, r.from_table, r.client_group,
		unnest(CASE WHEN r.client_group = 'both' THEN ${sqlList(CLIENT_GROUP_IDS)} ELSE [r.client_group] END) AS grp,
		r.provider_kind || coalesce(':' || r.provider_municipality_code, '') AS unit
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
