/** The search page's SQL: the answers it indexes, the programmes that label hits, the filter scope. */
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { scoped } from './scope';

export interface SearchAnswerRow extends Row {
	programme_id: string;
	key: string;
	section: string | null;
	text: string;
}

/**
 * Every filled answer of every current programme, in form order: what the search indexes (once
 * per page load). Filters do not apply here; they restrict hits through `searchScope`.
 */
export function searchAnswers(): Query<SearchAnswerRow> {
	return {
		id: 'search.answers',
		sql: `SELECT a.programme_id, a.key, a.section, a.text
FROM answers a
JOIN programmes p USING (programme_id)
WHERE p.is_current AND a.status = 'filled'
ORDER BY a.programme_id, a.ordinal`,
		params: []
	};
}

export interface SearchProgrammeRow extends Row {
	programme_id: string;
	is_synthetic: boolean;
	municipalities_text: string | null;
	/** Municipalities the programme covers, in the programme's own order. */
	codes: string[];
	names_fi: string[];
	names_sv: string[];
}

/** Current programmes with their municipalities' names, for labelling and linking hits. */
export function searchProgrammes(): Query<SearchProgrammeRow> {
	return {
		id: 'search.programmes',
		sql: `SELECT p.programme_id, p.is_synthetic, p.municipalities_text,
	coalesce(list(m.code ORDER BY list_position(p.municipality_codes, m.code)) FILTER (WHERE m.code IS NOT NULL), []) AS codes,
	coalesce(list(m.name_fi ORDER BY list_position(p.municipality_codes, m.code)) FILTER (WHERE m.code IS NOT NULL), []) AS names_fi,
	coalesce(list(m.name_sv ORDER BY list_position(p.municipality_codes, m.code)) FILTER (WHERE m.code IS NOT NULL), []) AS names_sv
FROM programmes p
LEFT JOIN municipalities m ON list_contains(p.municipality_codes, m.code)
WHERE p.is_current
GROUP BY p.programme_id, p.is_synthetic, p.municipalities_text
ORDER BY p.programme_id`,
		params: []
	};
}

/** The programmes the filters keep: search hits are restricted to these. */
export function searchScope(f: Filters): Query {
	return scoped('search.scope', f, `SELECT programme_id FROM scope_programmes ORDER BY programme_id`);
}
