/** The gap matrix's SQL: each municipality's best programme and its parts' grades. */
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { scoped } from './scope';
import type { PartGrade } from './shared';

/**
 * `best_programme(code, programme_id, programmes, mandatory_score, weak_parts, thin_parts, is_synthetic, input_kind, updated)`:
 * for each municipality in scope, the ONE current programme in scope the gap matrix and the benchmark judge it by
 * (the best mandatory score, then the latest update, then the id, so the choice is stable), with how many cover it.
 * Needs the scope CTEs.
 */
export const BEST_PROGRAMME_CTE = `best_programme AS (
	SELECT * EXCLUDE (rank) FROM (
		SELECT sc.code, sc.programme_id,
			count(*) OVER (PARTITION BY sc.code)::INTEGER AS programmes,
			ps.mandatory_score, ps.weak_parts, ps.thin_parts,
			sp.is_synthetic, sp.input_kind, sp.updated,
			row_number() OVER (
				PARTITION BY sc.code
				ORDER BY ps.mandatory_score DESC NULLS LAST,
					CASE WHEN sp.updated_status IN ('ok', 'month') THEN sp.updated END DESC NULLS LAST, sc.programme_id
			) AS rank
		FROM scope_coverage sc
		JOIN scope_programmes sp USING (programme_id)
		LEFT JOIN programme_scores ps USING (programme_id)
	)
	WHERE rank = 1
)`;

export interface GapRow extends Row {
	code: string;
	name_fi: string;
	name_sv: string;
	region_code: string;
	wellbeing_county_code: string;
	employment_area_code: string;
	population: number;
	/** The programme the row shows (best of those covering it), null: no programme in scope. */
	programme_id: string | null;
	/** Current programmes in scope covering the municipality. */
	programmes: number;
	/** Mandatory completeness 0–1 of that programme; null without a programme or without grades. */
	score: number | null;
	/** Mandatory parts missing, empty or a placeholder; null without a programme or without grades. */
	weak_parts: number | null;
	thin_parts: number | null;
	is_synthetic: boolean | null;
	input_kind: string | null;
	updated: string | null;
	/** The latest plausible date any current programme in scope covering it was drawn up or updated (ISO), null when none. */
	last_update: string | null;
	/** Mandatory parts graded for that programme, in form order, with their grades (same length). */
	part_keys: string[];
	part_grades: string[];
}

/**
 * The gap matrix: every mainland municipality matching the municipality filters (a row of "no
 * programme" when no programme in scope covers it) with the grade of each mandatory part of its
 * programme. One row per municipality; grades come as two parallel lists so ~300 × ~30 cells
 * travel as ~300 rows. Grouping and sorting happen on the page (no query when they change).
 */
export function gapMatrix(f: Filters): Query<GapRow> {
	// municipality_programmes (../summaries.ts) carries each programme's rank in the choice above
	// (`best_rank`, the same order over all current programmes), so the best is one arg_min.
	return scoped(
		'gaps.matrix',
		f,
		`SELECT code, name_fi, name_sv, region_code, wellbeing_county_code, employment_area_code, population,
	best.programme_id AS programme_id, programmes,
	best.mandatory_score AS score, best.weak_parts AS weak_parts, best.thin_parts AS thin_parts,
	best.is_synthetic AS is_synthetic, best.input_kind AS input_kind,
	CAST(best.updated AS VARCHAR) AS updated,
	last_update,
	coalesce(best.part_keys, []::VARCHAR[]) AS part_keys,
	coalesce(best.part_grades, []::VARCHAR[]) AS part_grades
FROM (
	SELECT code, any_value(name_fi) AS name_fi, any_value(name_sv) AS name_sv, any_value(region_code) AS region_code,
		any_value(wellbeing_county_code) AS wellbeing_county_code, any_value(employment_area_code) AS employment_area_code,
		any_value(population) AS population,
		count(*) FILTER (WHERE programme_in_scope)::INTEGER AS programmes,
		arg_min({
			'programme_id': programme_id, 'mandatory_score': mandatory_score, 'weak_parts': weak_parts, 'thin_parts': thin_parts,
			'is_synthetic': is_synthetic, 'input_kind': input_kind, 'updated': updated, 'part_keys': part_keys, 'part_grades': part_grades
		}, best_rank) FILTER (WHERE programme_in_scope) AS best,
		CAST(max(updated) FILTER (WHERE programme_in_scope AND updated_status IN ('ok', 'month')) AS VARCHAR) AS last_update
	FROM scope_cells
	WHERE in_scope
	GROUP BY code
)
ORDER BY name_fi, code`
	);
}

/** One part of one programme (text null when the document has no such field: grade `missing`). */
export interface PartAnswer extends PartGrade {
	programme_id: string;
	key: string;
}

/** One part of one programme: the answer text (if the document has the field) and its grade. */
export function partAnswer(programmeId: string, key: string): Query<PartAnswer> {
	return {
		id: 'gaps.part_answer',
		sql: `SELECT k.programme_id, k.key, a.text, a.status, a.page, c.grade, c.score, c.reason, c.reason_key, c.reason_params
FROM (SELECT ?::VARCHAR AS programme_id, ?::VARCHAR AS key) k
LEFT JOIN (SELECT programme_id, key, min(text) AS text, min(status) AS status, min(page)::INTEGER AS page
	FROM answers WHERE programme_id = ? AND key = ? GROUP BY ALL) a USING (programme_id, key)
LEFT JOIN (SELECT programme_id, key, grade, score, reason, reason_key, reason_params FROM completeness WHERE programme_id = ? AND key = ?) c USING (programme_id, key)`,
		params: [programmeId, key, programmeId, key, programmeId, key]
	};
}
