/** The overview's SQL: headline figures, completeness, missing parts, languages, arrangements, the map. */
import type { Filters } from '../filters';
import type { Query, QueryRunner, Row } from '../types';
import { runAll } from './run';
import { programmeConditions, scoped } from './scope';
import { assertLimit } from './sql';

export interface OverviewFigures extends Row {
	programmes: number;
	synthetic_programmes: number;
	municipalities_covered: number;
	/** Mainland municipalities matching the municipality filters (292 with none). */
	municipalities_in_scope: number;
	mean_completeness: number | null;
	/** ISO date of the most recent plausible `updated` (programmes.updated_status ok or month), or null. */
	latest_update: string | null;
}

export function overviewFigures(f: Filters): Query<OverviewFigures> {
	return scoped(
		'overview.figures',
		f,
		`SELECT
	(SELECT count(*) FROM scope_programmes)::INTEGER AS programmes,
	(SELECT count(*) FILTER (WHERE is_synthetic) FROM scope_programmes)::INTEGER AS synthetic_programmes,
	(SELECT count(DISTINCT code) FROM scope_coverage)::INTEGER AS municipalities_covered,
	(SELECT count(*) FROM scope_municipalities)::INTEGER AS municipalities_in_scope,
	(SELECT avg(ps.mandatory_score) FROM programme_scores ps JOIN scope_programmes sp USING (programme_id)) AS mean_completeness,
	(SELECT CAST(max(updated) FILTER (WHERE updated_status IN ('ok', 'month')) AS VARCHAR) FROM scope_programmes) AS latest_update`
	);
}

export interface CompletenessBin extends Row {
	/** 0…9: programmes whose mandatory score is in [bin/10, (bin+1)/10); 9 includes 1.0. */
	bin: number;
	programmes: number;
}

export function completenessDistribution(f: Filters): Query<CompletenessBin> {
	return scoped(
		'overview.completeness_distribution',
		f,
		`SELECT b.bin::INTEGER AS bin, count(s.mandatory_score)::INTEGER AS programmes
FROM range(10) AS b(bin)
LEFT JOIN scored s ON least(floor(s.mandatory_score * 10), 9) = b.bin
GROUP BY b.bin
ORDER BY b.bin`,
		[],
		`scored AS (SELECT ps.mandatory_score FROM programme_scores ps JOIN scope_programmes sp USING (programme_id))`
	);
}

export interface MissingPart extends Row {
	key: string;
	section: string;
	ordinal: number;
	missing: number;
	empty: number;
	placeholder: number;
	thin: number;
	/** Programmes in scope graded for this part. */
	programmes: number;
}

/** Mandatory parts ordered by how many programmes in scope leave them unanswered (missing + empty + placeholder). */
export function missingParts(f: Filters, limit = 15): Query<MissingPart> {
	return scoped(
		'overview.missing_parts',
		f,
		`SELECT c.key, any_value(c.section) AS section, min(c.ordinal)::INTEGER AS ordinal,
	count(*) FILTER (WHERE c.grade = 'missing')::INTEGER AS missing,
	count(*) FILTER (WHERE c.grade = 'empty')::INTEGER AS empty,
	count(*) FILTER (WHERE c.grade = 'placeholder')::INTEGER AS placeholder,
	count(*) FILTER (WHERE c.grade = 'thin')::INTEGER AS thin,
	count(DISTINCT c.programme_id)::INTEGER AS programmes
FROM completeness c
JOIN scope_programmes sp USING (programme_id)
WHERE c.mandatory
GROUP BY c.key
HAVING count(*) FILTER (WHERE c.grade IN ('missing', 'empty', 'placeholder', 'thin')) > 0
ORDER BY (missing + empty + placeholder) DESC, thin DESC, ordinal
LIMIT ${assertLimit(limit)}`
	);
}

export interface LanguageCount extends Row {
	language_code: string;
	language_name_fi: string;
	programmes: number;
	municipalities: number;
}

/** Languages named for a given use (default: multilingual orientation, s3) by programmes in scope. */
export function languageCounts(f: Filters, context = 'orientation'): Query<LanguageCount> {
	return scoped(
		'overview.orientation_languages',
		f,
		`SELECT l.language_code, min(l.language_name_fi) AS language_name_fi,
	count(DISTINCT l.programme_id)::INTEGER AS programmes,
	count(DISTINCT sc.code)::INTEGER AS municipalities
FROM languages l
JOIN scope_programmes sp USING (programme_id)
LEFT JOIN scope_coverage sc ON sc.programme_id = l.programme_id
WHERE l.context = ?
GROUP BY l.language_code
ORDER BY programmes DESC, municipalities DESC, l.language_code`,
		[context]
	);
}

export interface ArrangementCount extends Row {
	arrangement_type: string;
	programmes: number;
	mentions: number;
}

export function arrangementTypes(f: Filters): Query<ArrangementCount> {
	return scoped(
		'overview.arrangement_types',
		f,
		`SELECT c.arrangement_type,
	count(DISTINCT c.programme_id)::INTEGER AS programmes,
	count(*)::INTEGER AS mentions
FROM cooperation c
JOIN scope_programmes sp USING (programme_id)
GROUP BY c.arrangement_type
ORDER BY programmes DESC, c.arrangement_type`
	);
}

export interface MunicipalityMeasures extends Row {
	code: string;
	/** Matches the municipality filters (mainland only). */
	in_scope: boolean;
	/** Current programmes in scope that cover the municipality. */
	programmes: number;
	/** Best mandatory completeness (0–1) among those programmes; null without a graded programme. */
	completeness: number | null;
	/** Fewest unanswered mandatory parts among those programmes; null without a graded programme. */
	missing_parts: number | null;
	/** Distinct orientation languages its programmes name; null without a programme. */
	orientation_languages: number | null;
	/** Current programmes covering it under every filter but "updated since" (the `updated` measure compares their date with it). */
	all_programmes: number;
	/** The latest plausible date those programmes were drawn up or updated (ISO), null when none has one. */
	last_update: string | null;
}

/** Every municipality (Åland included, out of scope) with each map measure, so the measure can switch without a query. */
export function municipalityMeasures(f: Filters): Query<MunicipalityMeasures> {
	// The last update is read without the "updated since" filter: the `updated` measure shows who has and who has not.
	const any = programmeConditions({ ...f, since: '' }, 'p');
	return scoped(
		'overview.municipality_measures',
		f,
		`SELECT m.code,
	(sm.code IS NOT NULL) AS in_scope,
	count(DISTINCT sc.programme_id)::INTEGER AS programmes,
	max(ps.mandatory_score) AS completeness,
	min(ps.weak_parts)::INTEGER AS missing_parts,
	CASE WHEN count(sc.programme_id) > 0 THEN coalesce(any_value(lc.languages), 0) END::INTEGER AS orientation_languages,
	coalesce(any_value(la.programmes), 0)::INTEGER AS all_programmes,
	any_value(la.last_update) AS last_update
FROM municipalities m
LEFT JOIN scope_municipalities sm ON sm.code = m.code
LEFT JOIN scope_coverage sc ON sc.code = m.code
LEFT JOIN programme_scores ps ON ps.programme_id = sc.programme_id
LEFT JOIN lang_counts lc ON lc.code = m.code
LEFT JOIN last_updates la ON la.code = m.code
GROUP BY m.code, sm.code
ORDER BY m.code`,
		any.params,
		`lang_counts AS (
	SELECT sc.code, count(DISTINCT l.language_code) AS languages
	FROM scope_coverage sc JOIN languages l ON l.programme_id = sc.programme_id
	WHERE l.context = 'orientation'
	GROUP BY sc.code
),
last_updates AS (
	SELECT pc.code, count(DISTINCT pc.programme_id) AS programmes,
		CAST(max(p.updated) FILTER (WHERE p.updated_status IN ('ok', 'month')) AS VARCHAR) AS last_update
	FROM programme_coverage pc JOIN programmes p USING (programme_id)
	${any.conditions.length ? `WHERE ${any.conditions.join(' AND ')}` : ''}
	GROUP BY pc.code
)`
	);
}

/** Everything the overview shows, for one filter state. */
export interface OverviewData {
	figures: OverviewFigures;
	completeness: CompletenessBin[];
	missingParts: MissingPart[];
	languages: LanguageCount[];
	arrangements: ArrangementCount[];
	municipalities: MunicipalityMeasures[];
}

/** The overview's queries, by the name of the figure each one feeds. */
export function overviewQueries(f: Filters) {
	return {
		figures: overviewFigures(f),
		completeness: completenessDistribution(f),
		missingParts: missingParts(f),
		languages: languageCounts(f),
		arrangements: arrangementTypes(f),
		municipalities: municipalityMeasures(f)
	};
}

/** Runs the overview's queries with any runner: the prerender (Node) and the page (browser) call this same function. */
export async function loadOverview(runner: QueryRunner, f: Filters): Promise<OverviewData> {
	const { figures, ...rest } = await runAll(runner, overviewQueries(f));
	return { figures: figures[0], ...rest };
}
