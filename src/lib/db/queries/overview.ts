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
		`SELECT count(*)::INTEGER AS programmes,
	count(*) FILTER (WHERE is_synthetic)::INTEGER AS synthetic_programmes,
	coalesce(len(list_distinct(flatten(list(scope_codes)))), 0)::INTEGER AS municipalities_covered,
	(SELECT count(*) FROM scope_municipalities)::INTEGER AS municipalities_in_scope,
	avg(mandatory_score) AS mean_completeness,
	CAST(max(updated) FILTER (WHERE updated_status IN ('ok', 'month')) AS VARCHAR) AS latest_update
FROM scope_facts`
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
		`SELECT unnest(range(10))::INTEGER AS bin,
	unnest([len(list_filter(bins, x -> x = b)) FOR b IN range(10)])::INTEGER AS programmes
FROM (SELECT coalesce(list(score_bin), []) AS bins FROM scope_facts)`
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
}

/**
 * Mandatory parts ordered by how many programmes in scope leave them unanswered (missing + empty +
 * placeholder), then answer thinly; only parts some programme leaves so. Reads programme_facts'
 * gap lists (../summaries.ts): a programme's ~5 parts graded a gap, not all its ~30 parts.
 */
export function missingParts(f: Filters, limit = 15): Query<MissingPart> {
	return scoped(
		'overview.missing_parts',
		f,
		`SELECT key, any_value(section) AS section, min(ordinal::INTEGER)::INTEGER AS ordinal,
	count(*) FILTER (WHERE grade = 'missing')::INTEGER AS missing,
	count(*) FILTER (WHERE grade = 'empty')::INTEGER AS empty,
	count(*) FILTER (WHERE grade = 'placeholder')::INTEGER AS placeholder,
	count(*) FILTER (WHERE grade = 'thin')::INTEGER AS thin
FROM (
	SELECT unnest(gap_part_keys) AS key, unnest(gap_part_grades) AS grade, unnest(gap_part_sections) AS section, unnest(gap_part_ordinals) AS ordinal
	FROM scope_facts
)
GROUP BY key
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
		`SELECT language_code, min(language_name_fi) AS language_name_fi,
	count(*)::INTEGER AS programmes,
	len(list_distinct(flatten(list(scope_codes))))::INTEGER AS municipalities
FROM (
	SELECT unnest(language_contexts) AS context, unnest(language_codes) AS language_code, unnest(language_names) AS language_name_fi, scope_codes
	FROM scope_facts
)
WHERE context = ?
GROUP BY language_code
ORDER BY programmes DESC, municipalities DESC, language_code`,
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
		`SELECT arrangement_type, count(*)::INTEGER AS programmes, sum(mentions::INTEGER)::INTEGER AS mentions
FROM (SELECT unnest(arrangement_types) AS arrangement_type, unnest(arrangement_mentions) AS mentions FROM scope_facts)
GROUP BY arrangement_type
ORDER BY programmes DESC, arrangement_type`
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
	const any = programmeConditions({ ...f, since: '' }, 'c');
	return scoped(
		'overview.municipality_measures',
		f,
		`SELECT code, any_value(in_scope) AS in_scope,
	count(*) FILTER (WHERE covered)::INTEGER AS programmes,
	max(mandatory_score) FILTER (WHERE covered) AS completeness,
	min(weak_parts) FILTER (WHERE covered)::INTEGER AS missing_parts,
	CASE WHEN count(*) FILTER (WHERE covered) > 0
		THEN len(list_distinct(flatten(list(languages) FILTER (WHERE covered)))) END::INTEGER AS orientation_languages,
	count(*) FILTER (WHERE listed)::INTEGER AS all_programmes,
	CAST(max(updated) FILTER (WHERE listed AND updated_status IN ('ok', 'month')) AS VARCHAR) AS last_update
FROM (
	SELECT c.code, c.in_scope, c.mandatory_score, c.weak_parts, c.updated, c.updated_status,
		c.in_scope AND c.programme_in_scope AS covered,
		(c.programme_id IS NOT NULL${any.conditions.map((x) => ` AND ${x}`).join('')}) AS listed,
		c.orientation_languages AS languages
	FROM scope_cells c
)
GROUP BY code
ORDER BY code`,
		any.params
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

/**
 * The overview's queries, by the name of the figure each one feeds, in the order DuckDB runs them:
 * the map first (the costliest to draw: the page draws it as soon as its rows arrive, while the rest
 * runs), the headline figures last.
 */
export function overviewQueries(f: Filters) {
	return {
		municipalities: municipalityMeasures(f),
		missingParts: missingParts(f),
		languages: languageCounts(f),
		completeness: completenessDistribution(f),
		arrangements: arrangementTypes(f),
		figures: overviewFigures(f)
	};
}

/**
 * Runs the overview's queries with any runner: the prerender (Node) and the page (browser) call this
 * same function. `progress` gets the map's part as soon as its rows arrive (the same object the
 * result holds).
 */
export async function loadOverview(runner: QueryRunner, f: Filters, progress?: (part: Partial<OverviewData>) => void): Promise<OverviewData> {
	// Only the map is handed over early: each part shown is a page update of its own, and one per bar
	// chart cost more on the page's thread than the overlap gained.
	const { figures, ...rest } = await runAll(runner, overviewQueries(f), (name, rows) => {
		if (name === 'municipalities') progress?.({ municipalities: rows as MunicipalityMeasures[] });
	});
	return { figures: figures[0], ...rest };
}
