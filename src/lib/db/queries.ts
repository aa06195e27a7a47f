/**
 * Every SQL statement the pages run, in one place.
 *
 * Builders take the filter state and return a `Query` (SQL with `?` placeholders + values).
 * Pages run them in the browser through DuckDB-WASM; the prerender and the tests run the very
 * same Query objects in Node through @duckdb/node-api (see ./README.md).
 *
 * Filters work through municipalities: a programme covers `municipality_codes`, and it is in
 * scope when it covers at least one mainland municipality that matches every municipality
 * filter (region, wellbeing county, employment area, language status, population class) and
 * the programme filters (input kind, synthetic) hold. Only current programmes count
 * (`is_current`): an older version of a programme is not a second programme.
 */
import type { Filters } from '$lib/state/filters';
import { hasMunicipalityFilters } from '$lib/state/filters';
import { TABLES } from '$lib/dataset/tables';
import type { Param, Query, QueryRunner, Row } from './types';

/** The municipalities a programme is measured against: the mainland (KotoL does not bind Åland). */
export const MAINLAND_MUNICIPALITIES = 292;

/** Grades (completeness.grade) that count as "not answered" in the gap figures. */
export const WEAK_GRADES = ['missing', 'empty', 'placeholder'] as const;

function inList(column: string, values: readonly string[], params: Param[]): string {
	params.push(...values);
	return `${column} IN (${values.map(() => '?').join(', ')})`;
}

function assertLimit(n: number): number {
	if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`bad LIMIT ${n}`);
	return n;
}

/**
 * The common table expressions every filtered query starts with:
 *
 * - `scope_municipalities`: mainland municipalities matching the municipality filters (all columns of `municipalities`)
 * - `scope_programmes`: current programmes in scope (all columns of `programmes`)
 * - `scope_coverage(programme_id, code)`: each programme in scope × each municipality in scope it covers
 * - `programme_scores(programme_id, mandatory_score, weak_parts, thin_parts, mandatory_parts)`: completeness of the
 *   mandatory parts per programme (score 0–1 = mean of the parts' rubric scores; weak = missing, empty or placeholder)
 *
 * Returns the CTE text (without the leading WITH) and its parameters, in order.
 */
export function scopeCtes(f: Filters): { ctes: string; params: Param[] } {
	const params: Param[] = [];
	const muni: string[] = ['NOT aland'];
	if (f.region.length) muni.push(inList('region_code', f.region, params));
	if (f.wellbeing.length) muni.push(inList('wellbeing_county_code', f.wellbeing, params));
	if (f.area.length) muni.push(inList('employment_area_code', f.area, params));
	if (f.languageStatus.length) muni.push(inList('language_status', f.languageStatus, params));
	if (f.populationClass.length) muni.push(inList('population_class', f.populationClass, params));

	const prog: string[] = ['p.is_current'];
	if (f.inputKind.length) prog.push(inList('p.input_kind', f.inputKind, params));
	if (f.synthetic === 'real') prog.push('NOT p.is_synthetic');
	if (f.synthetic === 'synthetic') prog.push('p.is_synthetic');
	// With no municipality filter, a programme whose municipalities could not be resolved still counts nationally.
	if (hasMunicipalityFilters(f)) {
		prog.push(
			'EXISTS (SELECT 1 FROM scope_municipalities sm WHERE list_contains(p.municipality_codes, sm.code))'
		);
	}

	const ctes = `scope_municipalities AS (
	SELECT * FROM municipalities
	WHERE ${muni.join('\n\t\tAND ')}
),
scope_programmes AS (
	SELECT p.* FROM programmes p
	WHERE ${prog.join('\n\t\tAND ')}
),
scope_coverage AS (
	SELECT DISTINCT c.programme_id, c.code
	FROM (SELECT programme_id, unnest(municipality_codes) AS code FROM scope_programmes) c
	JOIN scope_municipalities sm ON sm.code = c.code
),
programme_scores AS (
	SELECT programme_id,
		avg(score) AS mandatory_score,
		count(*) FILTER (WHERE grade IN ('${WEAK_GRADES.join("', '")}'))::INTEGER AS weak_parts,
		count(*) FILTER (WHERE grade = 'thin')::INTEGER AS thin_parts,
		count(*)::INTEGER AS mandatory_parts
	FROM completeness
	WHERE mandatory
	GROUP BY programme_id
)`;
	return { ctes, params };
}

/**
 * A query over the filter scope: `WITH <scope CTEs>[, <more CTEs>] <body>`.
 * This is the building block for new views: write the body against the scope CTEs.
 * @param moreCtes extra CTEs (text without a leading comma) that may use the scope CTEs
 */
export function scoped(id: string, f: Filters, body: string, bodyParams: Param[] = [], moreCtes = ''): Query {
	const scope = scopeCtes(f);
	const extra = moreCtes.trim() ? `,\n${moreCtes.trim()}` : '';
	return { id, sql: `WITH ${scope.ctes}${extra}\n${body.trim()}`, params: [...scope.params, ...bodyParams] };
}

// ————————————————————————————————————————— overview

export interface OverviewFigures extends Row {
	programmes: number;
	synthetic_programmes: number;
	municipalities_covered: number;
	/** Mainland municipalities matching the municipality filters (292 with none). */
	municipalities_in_scope: number;
	mean_completeness: number | null;
	/** ISO date of the most recent `updated`, or null. */
	latest_update: string | null;
}

export function overviewFigures(f: Filters): Query {
	return scoped(
		'overview.figures',
		f,
		`SELECT
	(SELECT count(*) FROM scope_programmes)::INTEGER AS programmes,
	(SELECT count(*) FILTER (WHERE is_synthetic) FROM scope_programmes)::INTEGER AS synthetic_programmes,
	(SELECT count(DISTINCT code) FROM scope_coverage)::INTEGER AS municipalities_covered,
	(SELECT count(*) FROM scope_municipalities)::INTEGER AS municipalities_in_scope,
	(SELECT avg(ps.mandatory_score) FROM programme_scores ps JOIN scope_programmes sp USING (programme_id)) AS mean_completeness,
	(SELECT CAST(max(updated) AS VARCHAR) FROM scope_programmes) AS latest_update`
	);
}

export interface CompletenessBin extends Row {
	/** 0…9: programmes whose mandatory score is in [bin/10, (bin+1)/10); 9 includes 1.0. */
	bin: number;
	programmes: number;
}

export function completenessDistribution(f: Filters): Query {
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
export function missingParts(f: Filters, limit = 15): Query {
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
export function languageCounts(f: Filters, context = 'orientation'): Query {
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

export function arrangementTypes(f: Filters): Query {
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
}

/** Every municipality (Åland included, out of scope) with each map measure, so the measure can switch without a query. */
export function municipalityMeasures(f: Filters): Query {
	return scoped(
		'overview.municipality_measures',
		f,
		`SELECT m.code,
	(sm.code IS NOT NULL) AS in_scope,
	count(DISTINCT sc.programme_id)::INTEGER AS programmes,
	max(ps.mandatory_score) AS completeness,
	min(ps.weak_parts)::INTEGER AS missing_parts,
	CASE WHEN count(sc.programme_id) > 0 THEN coalesce(any_value(lc.languages), 0) END::INTEGER AS orientation_languages
FROM municipalities m
LEFT JOIN scope_municipalities sm ON sm.code = m.code
LEFT JOIN scope_coverage sc ON sc.code = m.code
LEFT JOIN programme_scores ps ON ps.programme_id = sc.programme_id
LEFT JOIN lang_counts lc ON lc.code = m.code
GROUP BY m.code, sm.code
ORDER BY m.code`,
		[],
		`lang_counts AS (
	SELECT sc.code, count(DISTINCT l.language_code) AS languages
	FROM scope_coverage sc JOIN languages l ON l.programme_id = sc.programme_id
	WHERE l.context = 'orientation'
	GROUP BY sc.code
)`
	);
}

/** Programme counts in scope: what the layout's synthetic-data banner needs. */
export interface ScopeSummary extends Row {
	programmes: number;
	synthetic_programmes: number;
}

export function scopeSummary(f: Filters): Query {
	return scoped(
		'scope.summary',
		f,
		`SELECT count(*)::INTEGER AS programmes, count(*) FILTER (WHERE is_synthetic)::INTEGER AS synthetic_programmes
FROM scope_programmes`
	);
}

// ————————————————————————————————————————— dataset

export interface TableCount extends Row {
	table_name: string;
	rows: number;
}

/** Row count of every dataset table (no filters: the data page describes the files as published). */
export function tableCounts(): Query {
	const sql = TABLES.map(
		(t) => `SELECT '${t.name}' AS table_name, count(*)::INTEGER AS rows FROM "${t.name}"`
	).join('\nUNION ALL\n');
	return { id: 'dataset.table_counts', sql, params: [] };
}

/** Every row of a table in its published order, for CSV export. */
export function tableRows(tableName: string): Query {
	const def = TABLES.find((t) => t.name === tableName);
	if (!def) throw new Error(`unknown dataset table "${tableName}"`);
	const order = def.orderBy.map((c) => `"${c}"`).join(', ');
	return { id: `dataset.rows.${def.name}`, sql: `SELECT * FROM "${def.name}" ORDER BY ${order}`, params: [] };
}

export interface IngestLogRow extends Row {
	file: string;
	seq: number;
	programme_id: string | null;
	status: string;
	code: string;
	reason: string;
}

export function ingestLog(): Query {
	return {
		id: 'dataset.ingest_log',
		sql: `SELECT file, seq, programme_id, status, code, reason FROM ingest_log ORDER BY file, seq`,
		params: []
	};
}

// ————————————————————————————————————————— page loaders

/** Everything the overview shows, for one filter state. */
export interface OverviewData {
	figures: OverviewFigures;
	completeness: CompletenessBin[];
	missingParts: MissingPart[];
	languages: LanguageCount[];
	arrangements: ArrangementCount[];
	municipalities: MunicipalityMeasures[];
}

/** The overview's queries, in the order they run. */
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
	const q = overviewQueries(f);
	// One after another: DuckDB-WASM has one worker, and Node's figures are cheap.
	const [figures] = await runner.run<OverviewFigures>(q.figures);
	const completeness = await runner.run<CompletenessBin>(q.completeness);
	const missing = await runner.run<MissingPart>(q.missingParts);
	const languages = await runner.run<LanguageCount>(q.languages);
	const arrangements = await runner.run<ArrangementCount>(q.arrangements);
	const municipalities = await runner.run<MunicipalityMeasures>(q.municipalities);
	return { figures, completeness, missingParts: missing, languages, arrangements, municipalities };
}
