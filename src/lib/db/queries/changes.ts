/**
 * The "recent changes" page's SQL: every update of a programme (a version and the one dated just
 * before it, programme_versions), newest first, with what changed (programme_changes) counted by
 * kind. Filters: the municipality filters choose the municipalities the update is for; input
 * kind, synthetic and "updated since" apply to the later version (current or not: an update that
 * was itself updated later is still a change that happened).
 */
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { programmeConditions, scoped } from './scope';
import { assertLimit } from './sql';

export interface RecentChange extends Row {
	from_programme_id: string;
	to_programme_id: string;
	/** Municipalities in scope for which the two are consecutive versions. */
	codes: string[];
	names_fi: string[];
	names_sv: string[];
	updated: string | null;
	updated_text: string | null;
	previous_updated: string | null;
	previous_updated_text: string | null;
	is_synthetic: boolean;
	/** Whether the later version is still the municipality's current programme. */
	is_current: boolean;
	/** Parts whose text changed (any direction). */
	text_parts: number;
	/** Parts graded better / worse (answered > thin > placeholder > empty > missing). */
	grades_better: number;
	grades_worse: number;
	providers_added: number;
	providers_removed: number;
	languages_added: number;
	languages_removed: number;
	arrangements_added: number;
	arrangements_removed: number;
}

const GRADE_RANK = `CASE %s WHEN 'answered' THEN 4 WHEN 'thin' THEN 3 WHEN 'placeholder' THEN 2 WHEN 'empty' THEN 1 ELSE 0 END`;
const rank = (column: string) => GRADE_RANK.replace('%s', column);

export function recentChanges(f: Filters, limit = 1000): Query<RecentChange> {
	const later = programmeConditions(f, 'tp');
	return scoped(
		'changes.recent',
		f,
		`SELECT pr.from_id AS from_programme_id, pr.to_id AS to_programme_id, pr.codes, pr.names_fi, pr.names_sv,
	CAST(tp.updated AS VARCHAR) AS updated, tp.updated_text,
	CAST(fp.updated AS VARCHAR) AS previous_updated, fp.updated_text AS previous_updated_text,
	tp.is_synthetic, tp.is_current,
	coalesce(c.text_parts, 0)::INTEGER AS text_parts,
	coalesce(c.grades_better, 0)::INTEGER AS grades_better,
	coalesce(c.grades_worse, 0)::INTEGER AS grades_worse,
	coalesce(c.providers_added, 0)::INTEGER AS providers_added,
	coalesce(c.providers_removed, 0)::INTEGER AS providers_removed,
	coalesce(c.languages_added, 0)::INTEGER AS languages_added,
	coalesce(c.languages_removed, 0)::INTEGER AS languages_removed,
	coalesce(c.arrangements_added, 0)::INTEGER AS arrangements_added,
	coalesce(c.arrangements_removed, 0)::INTEGER AS arrangements_removed
FROM pairs pr
JOIN programmes tp ON tp.programme_id = pr.to_id
JOIN programmes fp ON fp.programme_id = pr.from_id
LEFT JOIN counts c ON c.from_programme_id = pr.from_id AND c.to_programme_id = pr.to_id
${later.conditions.length ? `WHERE ${later.conditions.join('\n\tAND ')}` : ''}
ORDER BY tp.updated DESC, pr.names_fi[1], pr.to_id, pr.from_id
LIMIT ${assertLimit(limit)}`,
		later.params,
		`pairs AS (
	SELECT s.to_id, s.from_id, list(s.code ORDER BY s.code) AS codes,
		list(sm.name_fi ORDER BY s.code) AS names_fi, list(sm.name_sv ORDER BY s.code) AS names_sv
	FROM (SELECT programme_id AS to_id, unnest(previous_programme_ids) AS from_id, code FROM programme_versions) s
	JOIN scope_municipalities sm ON sm.code = s.code
	GROUP BY s.to_id, s.from_id
),
counts AS (
	SELECT from_programme_id, to_programme_id,
		count(*) FILTER (WHERE change = 'text') AS text_parts,
		count(*) FILTER (WHERE change = 'grade' AND ${rank('grade_after')} > ${rank('grade_before')}) AS grades_better,
		count(*) FILTER (WHERE change = 'grade' AND ${rank('grade_after')} < ${rank('grade_before')}) AS grades_worse,
		count(*) FILTER (WHERE change = 'provider' AND direction = 'added') AS providers_added,
		count(*) FILTER (WHERE change = 'provider' AND direction = 'removed') AS providers_removed,
		count(*) FILTER (WHERE change = 'language' AND direction = 'added') AS languages_added,
		count(*) FILTER (WHERE change = 'language' AND direction = 'removed') AS languages_removed,
		count(*) FILTER (WHERE change = 'arrangement' AND direction = 'added') AS arrangements_added,
		count(*) FILTER (WHERE change = 'arrangement' AND direction = 'removed') AS arrangements_removed
	FROM programme_changes
	GROUP BY from_programme_id, to_programme_id
)`
	);
}

/** The page's queries (one). */
export function changesQueries(f: Filters) {
	return { recent: recentChanges(f) };
}
