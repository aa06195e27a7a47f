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
import { EMPTY_FILTERS, hasMunicipalityFilters } from '$lib/state/filters';
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
export function scopeCtes(f: Filters, usedBy?: string): { ctes: string; params: Param[] } {
	const muniParams: Param[] = [];
	const muni: string[] = ['NOT aland'];
	if (f.region.length) muni.push(inList('region_code', f.region, muniParams));
	if (f.wellbeing.length) muni.push(inList('wellbeing_county_code', f.wellbeing, muniParams));
	if (f.area.length) muni.push(inList('employment_area_code', f.area, muniParams));
	if (f.languageStatus.length) muni.push(inList('language_status', f.languageStatus, muniParams));
	if (f.populationClass.length) muni.push(inList('population_class', f.populationClass, muniParams));

	const progParams: Param[] = [];
	const prog: string[] = ['p.is_current'];
	if (f.inputKind.length) prog.push(inList('p.input_kind', f.inputKind, progParams));
	if (f.synthetic === 'real') prog.push('NOT p.is_synthetic');
	if (f.synthetic === 'synthetic') prog.push('p.is_synthetic');
	// With no municipality filter, a programme whose municipalities could not be resolved still counts nationally.
	if (hasMunicipalityFilters(f)) {
		prog.push(
			'EXISTS (SELECT 1 FROM scope_municipalities sm WHERE list_contains(p.municipality_codes, sm.code))'
		);
	}

	const all: { name: string; sql: string; params: Param[] }[] = [
		{
			name: 'scope_municipalities',
			sql: `scope_municipalities AS (
	SELECT * FROM municipalities
	WHERE ${muni.join('\n\t\tAND ')}
)`,
			params: muniParams
		},
		{
			name: 'scope_programmes',
			sql: `scope_programmes AS (
	SELECT p.* FROM programmes p
	WHERE ${prog.join('\n\t\tAND ')}
)`,
			params: progParams
		},
		{
			name: 'scope_coverage',
			sql: `scope_coverage AS (
	SELECT DISTINCT c.programme_id, c.code
	FROM (SELECT programme_id, unnest(municipality_codes) AS code FROM scope_programmes) c
	JOIN scope_municipalities sm ON sm.code = c.code
)`,
			params: []
		},
		{
			name: 'programme_scores',
			sql: `programme_scores AS (
	SELECT programme_id,
		avg(score) AS mandatory_score,
		count(*) FILTER (WHERE grade IN ('${WEAK_GRADES.join("', '")}'))::INTEGER AS weak_parts,
		count(*) FILTER (WHERE grade = 'thin')::INTEGER AS thin_parts,
		count(*)::INTEGER AS mandatory_parts
	FROM completeness
	WHERE mandatory
	GROUP BY programme_id
)`,
			params: []
		}
	];
	// Only the CTEs the query uses (directly or through another CTE): DuckDB-WASM spends most of
	// a small query's time planning, so unused CTEs are not free.
	let used = all;
	if (usedBy !== undefined) {
		let text = usedBy;
		const keep = new Set<string>();
		for (const cte of [...all].reverse()) {
			if (new RegExp(`\\b${cte.name}\\b`).test(text)) {
				keep.add(cte.name);
				text += '\n' + cte.sql;
			}
		}
		used = all.filter((c) => keep.has(c.name));
	}
	return { ctes: used.map((c) => c.sql).join(',\n'), params: used.flatMap((c) => c.params) };
}

/**
 * A query over the filter scope: `WITH <scope CTEs>[, <more CTEs>] <body>`.
 * This is the building block for new views: write the body against the scope CTEs (only those
 * the body or `moreCtes` mention are included).
 * @param moreCtes extra CTEs (text without a leading comma) that may use the scope CTEs
 */
export function scoped(id: string, f: Filters, body: string, bodyParams: Param[] = [], moreCtes = ''): Query {
	const scope = scopeCtes(f, `${moreCtes}\n${body}`);
	const parts = [scope.ctes, moreCtes.trim()].filter(Boolean);
	const withClause = parts.length ? `WITH ${parts.join(',\n')}\n` : '';
	return { id, sql: `${withClause}${body.trim()}`, params: [...scope.params, ...bodyParams] };
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

// ————————————————————————————————————————— gap matrix and municipality profile

/**
 * `best_programme(code, programme_id, programmes, mandatory_score, weak_parts, thin_parts, is_synthetic, input_kind, updated)`:
 * for each municipality in scope, the ONE current programme in scope the gap matrix and the benchmark judge it by
 * (the best mandatory score, then the latest update, then the id, so the choice is stable), with how many cover it.
 * Needs the scope CTEs.
 */
const BEST_PROGRAMME_CTE = `best_programme AS (
	SELECT * EXCLUDE (rank) FROM (
		SELECT sc.code, sc.programme_id,
			count(*) OVER (PARTITION BY sc.code)::INTEGER AS programmes,
			ps.mandatory_score, ps.weak_parts, ps.thin_parts,
			sp.is_synthetic, sp.input_kind, sp.updated,
			row_number() OVER (
				PARTITION BY sc.code
				ORDER BY ps.mandatory_score DESC NULLS LAST, sp.updated DESC NULLS LAST, sc.programme_id
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
export function gapMatrix(f: Filters): Query {
	return scoped(
		'gaps.matrix',
		f,
		`SELECT m.code, m.name_fi, m.name_sv, m.region_code, m.wellbeing_county_code, m.employment_area_code, m.population,
	b.programme_id, coalesce(b.programmes, 0)::INTEGER AS programmes,
	b.mandatory_score AS score, b.weak_parts, b.thin_parts, b.is_synthetic, b.input_kind,
	CAST(b.updated AS VARCHAR) AS updated,
	coalesce(g.part_keys, []::VARCHAR[]) AS part_keys,
	coalesce(g.part_grades, []::VARCHAR[]) AS part_grades
FROM scope_municipalities m
LEFT JOIN best_programme b ON b.code = m.code
LEFT JOIN grades g ON g.programme_id = b.programme_id
ORDER BY m.name_fi, m.code`,
		[],
		`${BEST_PROGRAMME_CTE},
grades AS (
	SELECT c.programme_id,
		list(c.key ORDER BY c.ordinal) AS part_keys,
		list(c.grade ORDER BY c.ordinal) AS part_grades
	FROM completeness c
	WHERE c.mandatory AND c.programme_id IN (SELECT programme_id FROM best_programme)
	GROUP BY c.programme_id
)`
	);
}

export interface PartAnswer extends Row {
	programme_id: string;
	key: string;
	/** null when the document has no such field (grade `missing`). */
	text: string | null;
	status: string | null;
	page: number | null;
	grade: string | null;
	score: number | null;
	reason: string | null;
}

/** One part of one programme: the answer text (if the document has the field) and its grade. */
export function partAnswer(programmeId: string, key: string): Query {
	return {
		id: 'gaps.part_answer',
		sql: `SELECT k.programme_id, k.key, a.text, a.status, a.page, c.grade, c.score, c.reason
FROM (SELECT ?::VARCHAR AS programme_id, ?::VARCHAR AS key) k
LEFT JOIN (SELECT programme_id, key, min(text) AS text, min(status) AS status, min(page)::INTEGER AS page
	FROM answers WHERE programme_id = ? AND key = ? GROUP BY ALL) a USING (programme_id, key)
LEFT JOIN (SELECT programme_id, key, grade, score, reason FROM completeness WHERE programme_id = ? AND key = ?) c USING (programme_id, key)`,
		params: [programmeId, key, programmeId, key, programmeId, key]
	};
}

export interface ProfileProgramme extends Row {
	programme_id: string;
	file: string;
	input_kind: string;
	template: string | null;
	page_count: number;
	/** Mean OCR confidence (0–1) when pages were read by OCR, else null. */
	ocr_confidence: number | null;
	municipalities_text: string | null;
	municipality_codes: string[];
	updated: string | null;
	updated_text: string | null;
	document_language: string;
	is_synthetic: boolean;
	is_current: boolean;
	title: string | null;
	/** The header answer "koordinoiva taho", null when the document has none. */
	coordinator: string | null;
	mandatory_score: number | null;
	weak_parts: number | null;
	thin_parts: number | null;
	mandatory_parts: number | null;
}

/**
 * Every programme that covers a municipality: current ones first (the one the gap matrix shows
 * without filters first), then older versions, newest first. Filters do not apply: a profile
 * shows everything known about its municipality.
 */
export function municipalityProgrammes(code: string): Query {
	return scoped(
		'profile.programmes',
		EMPTY_FILTERS,
		`SELECT p.programme_id, p.file, p.input_kind, p.template, p.page_count, p.ocr_confidence, p.municipalities_text, p.municipality_codes,
	CAST(p.updated AS VARCHAR) AS updated, p.updated_text, p.document_language, p.is_synthetic, p.is_current, p.title,
	co.text AS coordinator,
	ps.mandatory_score, ps.weak_parts, ps.thin_parts, ps.mandatory_parts
FROM programmes p
LEFT JOIN programme_scores ps USING (programme_id)
LEFT JOIN (SELECT programme_id, min(text) AS text FROM answers WHERE key = 'header.coordinator' GROUP BY programme_id) co
	USING (programme_id)
WHERE list_contains(p.municipality_codes, ?)
ORDER BY p.is_current DESC,
	-- Current ones in the gap matrix's order (best_programme), so the first is the one it shows.
	CASE WHEN p.is_current THEN ps.mandatory_score END DESC NULLS LAST,
	p.updated DESC NULLS LAST, p.programme_id`,
		[code]
	);
}

export interface ProfileAnswer extends Row {
	key: string;
	section: string | null;
	ordinal: number;
	field_name: string | null;
	/** null when the document has no such field (grade `missing`). */
	text: string | null;
	status: string | null;
	page: number | null;
	grade: string | null;
	score: number | null;
	reason: string | null;
	mandatory: boolean | null;
}

/**
 * Every part of a programme in form order: its answers joined with their grades, plus the
 * parts the document lacks (graded `missing`, no text) and the fields that map to no key.
 */
export function programmeAnswers(programmeId: string): Query {
	return {
		id: 'profile.answers',
		sql: `SELECT coalesce(a.key, c.key) AS key, coalesce(a.section, c.section) AS section,
	coalesce(c.ordinal, a.ordinal)::INTEGER AS ordinal, a.field_name, a.text, a.status, a.page,
	c.grade, c.score, c.reason, c.mandatory
FROM (SELECT * FROM answers WHERE programme_id = ?) a
FULL OUTER JOIN (SELECT * FROM completeness WHERE programme_id = ?) c ON a.key = c.key AND a.key <> 'unmapped'
ORDER BY (coalesce(a.key, c.key) = 'unmapped'), ordinal, a.field_name`,
		params: [programmeId, programmeId]
	};
}

/** A derived fact with its evidence, whichever table it comes from. */
export interface EvidenceRow extends Row {
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
}

export interface LanguageFact extends EvidenceRow {
	language_code: string;
	language_name_fi: string;
	context: string;
}

export interface ResponsibilityFact extends EvidenceRow {
	service: string;
	client_group: string;
	provider: string;
	provider_kind: string;
	provider_municipality_code: string | null;
	from_table: boolean;
}

export interface CooperationFact extends EvidenceRow {
	arrangement_type: string;
	partner: string;
	partner_kind: string;
	partner_municipality_code: string | null;
	role: string;
}

export function programmeLanguages(programmeId: string): Query {
	return {
		id: 'profile.languages',
		sql: `SELECT key, span_start, span_end, snippet, language_code, language_name_fi, context
FROM languages WHERE programme_id = ?
ORDER BY key, span_start, span_end, language_code`,
		params: [programmeId]
	};
}

export function programmeResponsibilities(programmeId: string): Query {
	return {
		id: 'profile.responsibilities',
		sql: `SELECT key, span_start, span_end, snippet, service, client_group, provider, provider_kind,
	provider_municipality_code, from_table
FROM responsibilities WHERE programme_id = ?
ORDER BY key, span_start, span_end, provider`,
		params: [programmeId]
	};
}

export function programmeCooperation(programmeId: string): Query {
	return {
		id: 'profile.cooperation',
		sql: `SELECT key, span_start, span_end, snippet, arrangement_type, partner, partner_kind, partner_municipality_code, role
FROM cooperation WHERE programme_id = ?
ORDER BY key, span_start, span_end, arrangement_type, partner`,
		params: [programmeId]
	};
}

/** Peer groups of the benchmark: same employment area, same region, same population class. */
export const PEER_GROUPS = ['area', 'region', 'population'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

/**
 * The peers of a municipality in each group (itself included), on the same side of the
 * mainland/Åland line. Needs the scope CTEs and `best_programme`; binds the code once.
 */
const PEERS_CTE = `self AS (SELECT * FROM municipalities WHERE code = ?),
peers AS (
	SELECT 'area' AS peer_group, s.employment_area_code AS group_code, m.code
	FROM self s JOIN municipalities m ON m.employment_area_code = s.employment_area_code AND m.aland = s.aland
	UNION ALL
	SELECT 'region', s.region_code, m.code
	FROM self s JOIN municipalities m ON m.region_code = s.region_code AND m.aland = s.aland
	UNION ALL
	SELECT 'population', s.population_class, m.code
	FROM self s JOIN municipalities m ON m.population_class = s.population_class AND m.aland = s.aland
),
peer_programmes AS (
	SELECT p.peer_group, p.group_code, p.code, p.code = (SELECT code FROM self) AS is_self,
		b.programme_id, b.mandatory_score
	FROM peers p LEFT JOIN best_programme b USING (code)
)`;

export interface PeerSummary extends Row {
	peer_group: PeerGroup;
	/** Employment area code, region code or population class of the municipality. */
	group_code: string;
	/** Municipalities in the group, the municipality itself included. */
	municipalities: number;
	/** Of those, covered by a current programme. */
	with_programme: number;
	/** Of those, with a graded programme (the percentile's population, itself excluded). */
	graded_peers: number;
	/** The municipality's own mandatory completeness (0–1), null without a graded programme. */
	score: number | null;
	median_score: number | null;
	/**
	 * Share (0–1) of the other graded peers whose score is below the municipality's, ties
	 * counting half (mid-rank percentile); null without its own score or without graded peers.
	 */
	percentile: number | null;
}

/**
 * The benchmark: in each peer group, how complete the municipality's programme is compared with
 * its peers' (each judged by its best current programme, filters not applied).
 */
export function peerSummary(code: string): Query {
	return scoped(
		'profile.peer_summary',
		EMPTY_FILTERS,
		`SELECT pp.peer_group, any_value(pp.group_code) AS group_code,
	count(*)::INTEGER AS municipalities,
	count(pp.programme_id)::INTEGER AS with_programme,
	count(pp.mandatory_score) FILTER (WHERE NOT pp.is_self)::INTEGER AS graded_peers,
	any_value(mine.score) AS score,
	median(pp.mandatory_score) AS median_score,
	CASE WHEN any_value(mine.score) IS NULL OR count(pp.mandatory_score) FILTER (WHERE NOT pp.is_self) = 0 THEN NULL
		ELSE (count(*) FILTER (WHERE NOT pp.is_self AND pp.mandatory_score < mine.score)
			+ 0.5 * count(*) FILTER (WHERE NOT pp.is_self AND pp.mandatory_score = mine.score))
			/ count(pp.mandatory_score) FILTER (WHERE NOT pp.is_self)
	END AS percentile
FROM peer_programmes pp
CROSS JOIN (SELECT any_value(mandatory_score) AS score FROM peer_programmes WHERE is_self) mine
GROUP BY pp.peer_group
ORDER BY CASE pp.peer_group WHEN 'area' THEN 1 WHEN 'region' THEN 2 ELSE 3 END`,
		// The code is the only parameter, bound in PEERS_CTE (the scope has none without filters).
		[code],
		`${BEST_PROGRAMME_CTE},
${PEERS_CTE}`
	);
}

export interface PeerCount extends Row {
	peer_group: PeerGroup;
	/** `language_code` or `provider_kind`. */
	value: string;
	/** The language's Finnish name (languages only). */
	name_fi: string | null;
	/** Peers in the group (itself included) whose programme names it. */
	municipalities: number;
	/** Whether the municipality's own programme names it. */
	self: boolean;
}

/** Orientation languages named by the peers' programmes, per peer group, most common first. */
export function peerLanguages(code: string): Query {
	return scoped(
		'profile.peer_languages',
		EMPTY_FILTERS,
		`SELECT pp.peer_group, l.language_code AS value, min(l.language_name_fi) AS name_fi,
	count(DISTINCT pp.code)::INTEGER AS municipalities, bool_or(pp.is_self) AS self
FROM peer_programmes pp
JOIN languages l ON l.programme_id = pp.programme_id
WHERE l.context = 'orientation'
GROUP BY pp.peer_group, l.language_code
ORDER BY CASE pp.peer_group WHEN 'area' THEN 1 WHEN 'region' THEN 2 ELSE 3 END, municipalities DESC, value`,
		// The code is the only parameter, bound in PEERS_CTE.
		[code],
		`${BEST_PROGRAMME_CTE},
${PEERS_CTE}`
	);
}

/** Kinds of provider (responsibilities.provider_kind) the peers' programmes name, per peer group. */
export function peerProviderKinds(code: string): Query {
	return scoped(
		'profile.peer_provider_kinds',
		EMPTY_FILTERS,
		`SELECT pp.peer_group, r.provider_kind AS value, NULL::VARCHAR AS name_fi,
	count(DISTINCT pp.code)::INTEGER AS municipalities, bool_or(pp.is_self) AS self
FROM peer_programmes pp
JOIN responsibilities r ON r.programme_id = pp.programme_id
GROUP BY pp.peer_group, r.provider_kind
ORDER BY CASE pp.peer_group WHEN 'area' THEN 1 WHEN 'region' THEN 2 ELSE 3 END, municipalities DESC, value`,
		// The code is the only parameter, bound in PEERS_CTE.
		[code],
		`${BEST_PROGRAMME_CTE},
${PEERS_CTE}`
	);
}

/** Everything the profile shows below its header, for one programme of one municipality. */
export interface ProfileDetails {
	answers: ProfileAnswer[];
	languages: LanguageFact[];
	responsibilities: ResponsibilityFact[];
	cooperation: CooperationFact[];
	peers: PeerSummary[];
	peerLanguages: PeerCount[];
	peerProviderKinds: PeerCount[];
}

/** The profile's queries below the header; `programmeId` null when no programme covers the municipality. */
export function profileQueries(code: string, programmeId: string | null) {
	const pid = programmeId ?? '';
	return {
		answers: programmeAnswers(pid),
		languages: programmeLanguages(pid),
		responsibilities: programmeResponsibilities(pid),
		cooperation: programmeCooperation(pid),
		peers: peerSummary(code),
		peerLanguages: peerLanguages(code),
		peerProviderKinds: peerProviderKinds(code)
	};
}

/** Runs the profile's queries one after another (DuckDB-WASM has one worker). */
export async function loadProfileDetails(runner: QueryRunner, code: string, programmeId: string | null): Promise<ProfileDetails> {
	const q = profileQueries(code, programmeId);
	const none = <T>(): Promise<T[]> => Promise.resolve([]);
	return {
		answers: programmeId ? await runner.run<ProfileAnswer>(q.answers) : await none<ProfileAnswer>(),
		languages: programmeId ? await runner.run<LanguageFact>(q.languages) : await none<LanguageFact>(),
		responsibilities: programmeId ? await runner.run<ResponsibilityFact>(q.responsibilities) : await none<ResponsibilityFact>(),
		cooperation: programmeId ? await runner.run<CooperationFact>(q.cooperation) : await none<CooperationFact>(),
		peers: await runner.run<PeerSummary>(q.peers),
		peerLanguages: await runner.run<PeerCount>(q.peerLanguages),
		peerProviderKinds: await runner.run<PeerCount>(q.peerProviderKinds)
	};
}

// ————————————————————————————————————————— comparison views (responsibilities, languages, cooperation, area, compare)
//
// Shared vocabulary of the comparison views. Client group `both` (the text does not tell the
// groups apart) counts for job-seekers and for others alike: the provider serves both.

/** Services a programme must describe (KotoL 13 §, sections 1–6), in form order. */
export const EXPECTED_SERVICES = [
	'assessment',
	'multi_assessment',
	'plan',
	'multi_plan',
	'orientation',
	'training',
	'other_training',
	'guidance'
] as const;

/** Every service value of responsibilities.service, in form order. */
export const SERVICES = [...EXPECTED_SERVICES, 'other_services', 'follow_up'] as const;

/** The two client groups of the responsibility table. */
export const CLIENT_GROUP_IDS = ['jobseekers', 'others'] as const;

/** Provider kinds (responsibilities.provider_kind, cooperation.partner_kind), from the municipality outward. */
export const PROVIDER_KINDS = [
	'municipality',
	'host_municipality',
	'employment_authority',
	'wellbeing_county',
	'ely_keha',
	'education_provider',
	'ngo_parish',
	'private_company',
	'other'
] as const;

/** The "B. Vastuutaho" answer that should name the provider of each expected service. */
export const SERVICE_RESPONSIBLE_KEY: Record<(typeof EXPECTED_SERVICES)[number], string> = {
	assessment: 's1.b1',
	multi_assessment: 's1.b2',
	plan: 's2.b1',
	multi_plan: 's2.b2',
	orientation: 's3.b',
	training: 's4.b',
	other_training: 's5.b',
	guidance: 's6.b'
};

/** How the languages view groups municipalities; `national` is one group. */
export const LANGUAGE_GROUPINGS = ['national', 'region', 'area', 'wellbeing'] as const;
export type LanguageGrouping = (typeof LANGUAGE_GROUPINGS)[number];

const GROUP_COLUMNS: Record<LanguageGrouping, { code: string; name: string }> = {
	national: { code: `'FI'`, name: `'Manner-Suomi'` },
	region: { code: 'm.region_code', name: 'm.region_fi' },
	area: { code: 'm.employment_area_code', name: 'm.employment_area' },
	wellbeing: { code: 'm.wellbeing_county_code', name: 'm.wellbeing_county_fi' }
};

/** Lists of answers (gaps, languages named none) carry this much of each answer: enough to read, not a copy of the dataset. */
export const EXCERPT_CHARS = 400;

const sqlList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** A 3-digit municipality code, or an error (codes reach SQL only as bound parameters, but garbage is refused early). */
function assertCodes(codes: readonly string[], what: string): string[] {
	for (const c of codes) if (!/^\d{3}$/.test(c)) throw new Error(`${what}: bad municipality code "${c}"`);
	return [...codes];
}

/**
 * `resp`: responsibilities of the programmes in scope, one row per client group
 * (`both` → one row for job-seekers and one for others); `grp` is the group, `unit` the thing
 * two sides are compared on: the provider kind, plus the municipality code when it is one.
 */
const RESP_CTE = `resp AS (
	SELECT r.programme_id, r.key, r.span_start, r.span_end, r.snippet, r.service, r.provider, r.provider_kind,
		r.provider_municipality_code, r.from_table, r.client_group,
		unnest(CASE WHEN r.client_group = 'both' THEN ${sqlList(CLIENT_GROUP_IDS)} ELSE [r.client_group] END) AS grp,
		r.provider_kind || coalesce(':' || r.provider_municipality_code, '') AS unit
	FROM responsibilities r
	JOIN scope_programmes sp USING (programme_id)
)`;

// ——— responsibilities

/**
 * `gaps(programme_id, service, client_group)`: expected services a programme in scope names no
 * provider for. Empty while the responsibilities table has no rows at all (not enriched yet:
 * "nobody named" would be a claim the data cannot make).
 */
const GAPS_CTE = `gaps AS (
	SELECT sp.programme_id, s.service, g.client_group
	FROM scope_programmes sp
	CROSS JOIN (SELECT unnest(${sqlList(EXPECTED_SERVICES)}) AS service) s
	CROSS JOIN (SELECT unnest(${sqlList(CLIENT_GROUP_IDS)}) AS client_group) g
	WHERE EXISTS (SELECT 1 FROM responsibilities)
		AND NOT EXISTS (
		SELECT 1 FROM resp r WHERE r.programme_id = sp.programme_id AND r.service = s.service AND r.grp = g.client_group
	)
)`;

export interface ResponsibilityKindCount extends Row {
	service: string;
	client_group: string;
	/** A provider kind, or `none` for programmes that name no provider for the service and group. */
	provider_kind: string;
	programmes: number;
	/** Municipalities in scope those programmes cover. */
	municipalities: number;
}

/**
 * For each service × client group, how many programmes in scope name each kind of provider,
 * plus (provider_kind = `none`) how many name none for an expected service. A programme naming
 * two kinds counts once under each.
 */
export function responsibilityKinds(f: Filters): Query {
	return scoped(
		'responsibilities.kinds',
		f,
		`SELECT r.service, r.grp AS client_group, r.provider_kind,
	count(DISTINCT r.programme_id)::INTEGER AS programmes,
	count(DISTINCT sc.code)::INTEGER AS municipalities
FROM resp r
LEFT JOIN scope_coverage sc ON sc.programme_id = r.programme_id
GROUP BY r.service, r.grp, r.provider_kind
UNION ALL
SELECT g.service, g.client_group, 'none' AS provider_kind,
	count(DISTINCT g.programme_id)::INTEGER AS programmes,
	count(DISTINCT sc.code)::INTEGER AS municipalities
FROM gaps g
LEFT JOIN scope_coverage sc ON sc.programme_id = g.programme_id
GROUP BY g.service, g.client_group
ORDER BY service, client_group, programmes DESC, provider_kind`,
		[],
		`${RESP_CTE},
${GAPS_CTE}`
	);
}


export interface ResponsibilityGap extends Row {
	programme_id: string;
	service: string;
	/** `jobseekers`, `others`, or `both` when the programme names no provider for either group. */
	client_group: string;
	municipality_codes: string[];
	municipalities_text: string | null;
	is_synthetic: boolean;
	/** The "B. Vastuutaho" answer that should have named one: key, grade (completeness) and its first EXCERPT_CHARS characters. */
	key: string;
	grade: string | null;
	text: string | null;
}

/** Programmes in scope that name no provider for an expected service (per group; `both` when neither group has one). */
export function responsibilityGaps(f: Filters): Query {
	const keyCase = Object.entries(SERVICE_RESPONSIBLE_KEY)
		.map(([s, k]) => `WHEN '${s}' THEN '${k}'`)
		.join(' ');
	return scoped(
		'responsibilities.gaps',
		f,
		`SELECT g.programme_id, g.service,
	CASE WHEN count(*) = ${CLIENT_GROUP_IDS.length} THEN 'both' ELSE min(g.client_group) END AS client_group,
	any_value(sp.municipality_codes) AS municipality_codes,
	any_value(sp.municipalities_text) AS municipalities_text,
	any_value(sp.is_synthetic) AS is_synthetic,
	any_value(CASE g.service ${keyCase} END) AS key,
	any_value(c.grade) AS grade,
	any_value(left(a.text, ${EXCERPT_CHARS})) AS text
FROM gaps g
JOIN scope_programmes sp USING (programme_id)
LEFT JOIN completeness c ON c.programme_id = g.programme_id AND c.key = CASE g.service ${keyCase} END
LEFT JOIN answers a ON a.programme_id = g.programme_id AND a.key = CASE g.service ${keyCase} END
GROUP BY g.programme_id, g.service
ORDER BY list_position(${sqlList(EXPECTED_SERVICES)}, g.service), any_value(sp.municipalities_text), g.programme_id`,
		[],
		`${RESP_CTE},
${GAPS_CTE}`
	);
}

export interface ResponsibilityDisagreement extends Row {
	programme_id: string;
	service: string;
	client_group: string;
	municipality_codes: string[];
	municipalities_text: string | null;
	is_synthetic: boolean;
	/** Provider units (kind, or kind:code) the table names and the prose does not, and the other way round. */
	table_only: string[];
	prose_only: string[];
	/** Providers as named on each side. */
	table_providers: string;
	prose_providers: string;
	/** `disjoint` (the two sides share no provider) or `partial` (they share some). */
	severity: 'disjoint' | 'partial';
}

/**
 * Where the responsibility table and the prose of the same programme name different providers
 * for the same service and client group. Compared on the provider's kind (and municipality code
 * for municipalities), so "Loimaan kaupunki" in the table and "Loimaa" in the prose agree.
 * Only service × group pairs that both sides speak about can disagree.
 */
export function responsibilityDisagreements(f: Filters): Query {
	return scoped(
		'responsibilities.disagreements',
		f,
		`SELECT u.programme_id, u.service, u.grp AS client_group,
	any_value(sp.municipality_codes) AS municipality_codes,
	any_value(sp.municipalities_text) AS municipalities_text,
	any_value(sp.is_synthetic) AS is_synthetic,
	coalesce(list_sort(list(u.unit) FILTER (WHERE u.in_table AND NOT u.in_prose)), []) AS table_only,
	coalesce(list_sort(list(u.unit) FILTER (WHERE u.in_prose AND NOT u.in_table)), []) AS prose_only,
	any_value(n.table_providers) AS table_providers,
	any_value(n.prose_providers) AS prose_providers,
	CASE WHEN count(*) FILTER (WHERE u.in_table AND u.in_prose) = 0 THEN 'disjoint' ELSE 'partial' END AS severity
FROM units u
JOIN scope_programmes sp USING (programme_id)
JOIN names n USING (programme_id, service, grp)
GROUP BY u.programme_id, u.service, u.grp
HAVING count(*) FILTER (WHERE u.in_table) > 0
	AND count(*) FILTER (WHERE u.in_prose) > 0
	AND count(*) FILTER (WHERE u.in_table <> u.in_prose) > 0
ORDER BY severity, list_position(${sqlList(SERVICES)}, u.service), client_group, any_value(sp.municipalities_text), u.programme_id`,
		[],
		`${RESP_CTE},
units AS (
	SELECT programme_id, service, grp, unit, bool_or(from_table) AS in_table, bool_or(NOT from_table) AS in_prose
	FROM resp
	GROUP BY programme_id, service, grp, unit
),
names AS (
	SELECT programme_id, service, grp,
		coalesce(string_agg(DISTINCT provider, '; ' ORDER BY provider) FILTER (WHERE from_table), '') AS table_providers,
		coalesce(string_agg(DISTINCT provider, '; ' ORDER BY provider) FILTER (WHERE NOT from_table), '') AS prose_providers
	FROM resp
	GROUP BY programme_id, service, grp
)`
	);
}

/** One piece of evidence: a derived fact with the programme, the answer it was read from and that answer's text. */
export interface EvidenceRow extends Row {
	programme_id: string;
	municipality_codes: string[];
	municipalities_text: string | null;
	is_synthetic: boolean;
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
	/** The whole answer text (the snippet is text[span_start, span_end)); null if the answer is gone. */
	text: string | null;
	page: number | null;
}

export interface ResponsibilityEvidence extends EvidenceRow {
	service: string;
	client_group: string;
	provider: string;
	provider_kind: string;
	provider_municipality_code: string | null;
	from_table: boolean;
}

export interface ResponsibilitySelection {
	service?: string;
	/** `jobseekers` or `others` (rows for `both` match either). */
	clientGroup?: string;
	providerKind?: string;
	programmeId?: string;
}

/** The evidence behind a bar segment or a disagreement: every provider mention that matches the selection. */
export function responsibilityEvidence(f: Filters, sel: ResponsibilitySelection, limit = 500): Query {
	const where: string[] = [];
	const params: Param[] = [];
	if (sel.service) (where.push('r.service = ?'), params.push(sel.service));
	if (sel.clientGroup) (where.push('r.grp = ?'), params.push(sel.clientGroup));
	if (sel.providerKind) (where.push('r.provider_kind = ?'), params.push(sel.providerKind));
	if (sel.programmeId) (where.push('r.programme_id = ?'), params.push(sel.programmeId));
	return scoped(
		'responsibilities.evidence',
		f,
		`SELECT DISTINCT r.programme_id, sp.municipality_codes, sp.municipalities_text, sp.is_synthetic,
	r.key, r.span_start, r.span_end, r.snippet, a.text, a.page,
	r.service, r.client_group, r.provider, r.provider_kind, r.provider_municipality_code, r.from_table
FROM resp r
JOIN scope_programmes sp USING (programme_id)
LEFT JOIN answers a ON a.programme_id = r.programme_id AND a.key = r.key
${where.length ? `WHERE ${where.join(' AND ')}` : ''}
ORDER BY sp.municipalities_text, r.programme_id, r.from_table DESC, r.key, r.span_start, r.provider
LIMIT ${assertLimit(limit)}`,
		params,
		RESP_CTE
	);
}

// ——— languages

export interface LanguageGroupCount extends Row {
	group_code: string;
	group_name: string;
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
export function languagesByGroup(f: Filters, grouping: LanguageGrouping, context = 'orientation'): Query {
	const g = GROUP_COLUMNS[grouping];
	if (!g) throw new Error(`unknown grouping "${grouping}"`);
	return scoped(
		`languages.by_${grouping}`,
		f,
		`SELECT ${g.code} AS group_code, any_value(${g.name}) AS group_name, l.language_code,
	min(l.language_name_fi) AS language_name_fi,
	count(DISTINCT sc.code)::INTEGER AS municipalities,
	count(DISTINCT l.programme_id)::INTEGER AS programmes
FROM languages l
JOIN scope_coverage sc ON sc.programme_id = l.programme_id
JOIN scope_municipalities m ON m.code = sc.code
WHERE l.context = ?
GROUP BY ${g.code}, l.language_code
ORDER BY group_code, municipalities DESC, l.language_code`,
		[context]
	);
}

export interface LanguageGroupTotal extends Row {
	group_code: string;
	group_name: string;
	/** Municipalities in scope in the group. */
	municipalities: number;
	/** Of those, covered by a programme in scope. */
	covered: number;
	/** Of the covered, those whose programmes name no language for the use. */
	naming_none: number;
}

/** The denominators of the languages view, per group. */
export function languageGroupTotals(f: Filters, grouping: LanguageGrouping, context = 'orientation'): Query {
	const g = GROUP_COLUMNS[grouping];
	if (!g) throw new Error(`unknown grouping "${grouping}"`);
	return scoped(
		`languages.totals_${grouping}`,
		f,
		`SELECT ${g.code} AS group_code, any_value(${g.name}) AS group_name,
	count(*)::INTEGER AS municipalities,
	count(*) FILTER (WHERE cov.code IS NOT NULL)::INTEGER AS covered,
	count(*) FILTER (WHERE cov.code IS NOT NULL AND NOT cov.names_any)::INTEGER AS naming_none
FROM scope_municipalities m
LEFT JOIN cov ON cov.code = m.code
GROUP BY ${g.code}
ORDER BY group_code`,
		[context],
		`named AS (SELECT DISTINCT programme_id FROM languages WHERE context = ?),
cov AS (
	SELECT sc.code, bool_or(n.programme_id IS NOT NULL) AS names_any
	FROM scope_coverage sc LEFT JOIN named n ON n.programme_id = sc.programme_id
	GROUP BY sc.code
)`
	);
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
export function languageMap(f: Filters, language: string, context = 'orientation'): Query {
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
export function languageNone(f: Filters, context = 'orientation'): Query {
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

export interface LanguageEvidence extends EvidenceRow {
	language_code: string;
	language_name_fi: string;
	context: string;
}

export interface LanguageSelection {
	language?: string;
	context?: string;
	grouping?: LanguageGrouping;
	/** A group code of `grouping` (region, employment area or wellbeing county code). */
	group?: string;
	/** One municipality. */
	code?: string;
}

/** Every mention behind a language count: the programmes in scope (in the group, if one is chosen) that name it. */
export function languageEvidence(f: Filters, sel: LanguageSelection, limit = 500): Query {
	const where: string[] = [];
	const params: Param[] = [];
	if (sel.language) (where.push('l.language_code = ?'), params.push(sel.language));
	if (sel.context) (where.push('l.context = ?'), params.push(sel.context));
	if (sel.grouping && sel.grouping !== 'national' && sel.group) {
		const g = GROUP_COLUMNS[sel.grouping];
		if (!g) throw new Error(`unknown grouping "${sel.grouping}"`);
		where.push(`l.programme_id IN (SELECT sc.programme_id FROM scope_coverage sc JOIN scope_municipalities m ON m.code = sc.code WHERE ${g.code} = ?)`);
		params.push(sel.group);
	}
	if (sel.code) {
		where.push('l.programme_id IN (SELECT programme_id FROM scope_coverage WHERE code = ?)');
		params.push(sel.code);
	}
	return scoped(
		'languages.evidence',
		f,
		`SELECT l.programme_id, sp.municipality_codes, sp.municipalities_text, sp.is_synthetic,
	l.key, l.span_start, l.span_end, l.snippet, a.text, a.page,
	l.language_code, l.language_name_fi, l.context
FROM languages l
JOIN scope_programmes sp USING (programme_id)
LEFT JOIN answers a ON a.programme_id = l.programme_id AND a.key = l.key
${where.length ? `WHERE ${where.join(' AND ')}` : ''}
ORDER BY sp.municipalities_text, l.programme_id, l.key, l.span_start, l.language_code
LIMIT ${assertLimit(limit)}`,
		params
	);
}

// ——— cooperation

export interface ArrangementRegionCount extends Row {
	region_code: string;
	region_fi: string;
	arrangement_type: string;
	/** Programmes covering a municipality of the region in scope that describe the arrangement. */
	programmes: number;
	municipalities: number;
}

/** Arrangement types by region: programmes count once in every region they cover. */
export function arrangementsByRegion(f: Filters): Query {
	return scoped(
		'cooperation.by_region',
		f,
		`SELECT m.region_code, any_value(m.region_fi) AS region_fi, c.arrangement_type,
	count(DISTINCT c.programme_id)::INTEGER AS programmes,
	count(DISTINCT sc.code)::INTEGER AS municipalities
FROM cooperation c
JOIN scope_coverage sc ON sc.programme_id = c.programme_id
JOIN scope_municipalities m ON m.code = sc.code
GROUP BY m.region_code, c.arrangement_type
ORDER BY m.region_code, programmes DESC, c.arrangement_type`
	);
}

export interface NetworkLink extends Row {
	host_code: string;
	member_code: string;
	programme_id: string;
	is_synthetic: boolean;
	key: string;
	span_start: number;
	span_end: number;
	snippet: string;
	text: string | null;
	page: number | null;
}

/**
 * Host–member links of cooperation agreements (Kuntalaki 54 §) that programmes in scope describe.
 * One agreement per programme: its host is the partner named `host` (the programme's own
 * municipalities when none is named); its members are the partners named `member` plus, when a
 * host is named, the programme's own municipalities. A link joins the host to each member other
 * than itself. Evidence: the member's mention, else the host's. One row per link and programme.
 */
export function cooperationNetwork(f: Filters): Query {
	return scoped(
		'cooperation.network',
		f,
		`SELECT DISTINCT h.host_code, m.member_code, h.programme_id, sp.is_synthetic,
	coalesce(m.key, h.key) AS key,
	coalesce(m.span_start, h.span_start) AS span_start,
	coalesce(m.span_end, h.span_end) AS span_end,
	coalesce(m.snippet, h.snippet) AS snippet,
	a.text, a.page
FROM hosts h
JOIN members m ON m.programme_id = h.programme_id AND m.member_code <> h.host_code
JOIN scope_programmes sp ON sp.programme_id = h.programme_id
LEFT JOIN answers a ON a.programme_id = h.programme_id AND a.key = coalesce(m.key, h.key)
ORDER BY h.host_code, m.member_code, h.programme_id, key, span_start`,
		[],
		`agreement AS (
	SELECT c.programme_id, c.role, c.partner_municipality_code AS code, c.key, c.span_start, c.span_end, c.snippet
	FROM cooperation c
	JOIN scope_programmes sp USING (programme_id)
	WHERE c.arrangement_type = 'kuntalaki_54' AND c.role IN ('host', 'member') AND c.partner_municipality_code IS NOT NULL
),
own AS (
	SELECT programme_id, unnest(municipality_codes) AS code FROM scope_programmes
	WHERE programme_id IN (SELECT programme_id FROM agreement)
),
named_host AS (SELECT DISTINCT programme_id FROM agreement WHERE role = 'host'),
hosts AS (
	SELECT programme_id, code AS host_code, key, span_start, span_end, snippet FROM agreement WHERE role = 'host'
	UNION ALL
	SELECT programme_id, code, NULL, NULL, NULL, NULL FROM own WHERE programme_id NOT IN (SELECT programme_id FROM named_host)
),
members AS (
	SELECT programme_id, code AS member_code, key, span_start, span_end, snippet FROM agreement WHERE role = 'member'
	UNION ALL
	SELECT programme_id, code, NULL, NULL, NULL, NULL FROM own WHERE programme_id IN (SELECT programme_id FROM named_host)
)`
	);
}

export interface JointProgramme extends Row {
	programme_id: string;
	municipality_codes: string[];
	municipalities_text: string | null;
	is_synthetic: boolean;
	updated: string | null;
	file: string;
	/** Employment areas of the municipalities it covers (codes, sorted). */
	area_codes: string[];
	/** True when all the municipalities are in one employment area. */
	one_area: boolean;
}

/** Programmes in scope that cover more than one municipality. */
export function jointProgrammes(f: Filters): Query {
	return scoped(
		'cooperation.joint_programmes',
		f,
		`SELECT sp.programme_id, sp.municipality_codes, sp.municipalities_text, sp.is_synthetic,
	CAST(sp.updated AS VARCHAR) AS updated, sp.file,
	list_sort(list_distinct(list(m.employment_area_code))) AS area_codes,
	count(DISTINCT m.employment_area_code) = 1 AS one_area
FROM scope_programmes sp
JOIN (SELECT programme_id, unnest(municipality_codes) AS code FROM scope_programmes) own ON own.programme_id = sp.programme_id
JOIN municipalities m ON m.code = own.code
WHERE len(sp.municipality_codes) > 1
GROUP BY sp.programme_id, sp.municipality_codes, sp.municipalities_text, sp.is_synthetic, sp.updated, sp.file
ORDER BY len(sp.municipality_codes) DESC, sp.municipalities_text, sp.programme_id`
	);
}

export interface CooperationEvidence extends EvidenceRow {
	arrangement_type: string;
	partner: string;
	partner_kind: string;
	partner_municipality_code: string | null;
	role: string;
}

export interface CooperationSelection {
	arrangementType?: string;
	/** Programmes covering a municipality in scope of this region. */
	region?: string;
	programmeId?: string;
}

/** The evidence behind an arrangement count. */
export function cooperationEvidence(f: Filters, sel: CooperationSelection, limit = 500): Query {
	const where: string[] = [];
	const params: Param[] = [];
	if (sel.arrangementType) (where.push('c.arrangement_type = ?'), params.push(sel.arrangementType));
	if (sel.region) {
		where.push('c.programme_id IN (SELECT sc.programme_id FROM scope_coverage sc JOIN scope_municipalities m ON m.code = sc.code WHERE m.region_code = ?)');
		params.push(sel.region);
	}
	if (sel.programmeId) (where.push('c.programme_id = ?'), params.push(sel.programmeId));
	return scoped(
		'cooperation.evidence',
		f,
		`SELECT c.programme_id, sp.municipality_codes, sp.municipalities_text, sp.is_synthetic,
	c.key, c.span_start, c.span_end, c.snippet, a.text, a.page,
	c.arrangement_type, c.partner, c.partner_kind, c.partner_municipality_code, c.role
FROM cooperation c
JOIN scope_programmes sp USING (programme_id)
LEFT JOIN answers a ON a.programme_id = c.programme_id AND a.key = c.key
${where.length ? `WHERE ${where.join(' AND ')}` : ''}
ORDER BY sp.municipalities_text, c.programme_id, c.arrangement_type, c.key, c.span_start, c.partner
LIMIT ${assertLimit(limit)}`,
		params
	);
}

// ——— employment area report and compare: one programme per municipality

/**
 * `member_programme(code, programme_id, programmes)`: for each municipality in scope, the programme
 * that represents it and how many programmes in scope cover it. Same rule as the gap matrix and
 * the profile: the best mandatory score, then the latest update, then the id (stable).
 */
const MEMBER_PROGRAMME_CTE = `member_programme AS (
	SELECT sc.code,
		first(sc.programme_id ORDER BY ps.mandatory_score DESC NULLS LAST, sp.updated DESC NULLS LAST, sc.programme_id) AS programme_id,
		count(*)::INTEGER AS programmes
	FROM scope_coverage sc
	JOIN scope_programmes sp USING (programme_id)
	LEFT JOIN programme_scores ps USING (programme_id)
	GROUP BY sc.code
)`;

/** The area report's scope: the filters, with the employment area replaced by the report's. */
export function areaFilters(f: Filters, areaCode: string): Filters {
	if (!/^\d{2}$/.test(areaCode)) throw new Error(`bad employment area code "${areaCode}"`);
	return { ...f, area: [areaCode] };
}

export interface AreaMember extends Row {
	code: string;
	name_fi: string;
	name_sv: string;
	population: number;
	language_status: string;
	programme_id: string | null;
	/** Programmes in scope covering the member (more than one: the latest is shown). */
	programmes: number;
	municipalities_text: string | null;
	municipality_codes: string[] | null;
	file: string | null;
	updated: string | null;
	input_kind: string | null;
	is_synthetic: boolean | null;
	mandatory_score: number | null;
	weak_parts: number | null;
	thin_parts: number | null;
}

/** The member municipalities of an employment area (within the other filters) and the programme of each. */
export function areaMembers(f: Filters, areaCode: string): Query {
	return scoped(
		'area.members',
		areaFilters(f, areaCode),
		`SELECT m.code, m.name_fi, m.name_sv, m.population, m.language_status,
	mp.programme_id, coalesce(mp.programmes, 0)::INTEGER AS programmes,
	sp.municipalities_text, sp.municipality_codes, sp.file, CAST(sp.updated AS VARCHAR) AS updated,
	sp.input_kind, sp.is_synthetic,
	ps.mandatory_score, ps.weak_parts, ps.thin_parts
FROM scope_municipalities m
LEFT JOIN member_programme mp ON mp.code = m.code
LEFT JOIN scope_programmes sp ON sp.programme_id = mp.programme_id
LEFT JOIN programme_scores ps ON ps.programme_id = mp.programme_id
ORDER BY m.name_fi, m.code`,
		[],
		MEMBER_PROGRAMME_CTE
	);
}

export interface MemberPart extends Row {
	code: string;
	programme_id: string;
	key: string;
	section: string;
	grade: string;
	score: number;
}

/** How each member's programme answers each mandatory part (completeness), members without a programme left out. */
export function areaCoverage(f: Filters, areaCode: string): Query {
	return scoped(
		'area.coverage',
		areaFilters(f, areaCode),
		`SELECT mp.code, mp.programme_id, c.key, c.section, c.grade, c.score
FROM member_programme mp
JOIN completeness c ON c.programme_id = mp.programme_id
WHERE c.mandatory
ORDER BY mp.code, c.ordinal`,
		[],
		MEMBER_PROGRAMME_CTE
	);
}

export interface AreaProviderRow extends Row {
	code: string;
	programme_id: string;
	service: string;
	client_group: string;
	/** Providers as named, sorted, `; `-joined. */
	providers: string;
	provider_kinds: string[];
	/** What is compared: municipality codes and normalised names of the providers, sorted. */
	provider_set: string[];
	/** How many different sets of providers the members name for this service and group. */
	variants: number;
	/** More than one variant: members name the service's providers differently. */
	differs: boolean;
	/** Evidence: the answer keys the providers were read from. */
	keys: string[];
}

/**
 * Providers each member's programme names per service × client group, and whether the members
 * differ. Providers are compared by municipality code when they are municipalities, otherwise
 * by name (case and spacing ignored), so a differently named provider counts as a difference.
 */
export function areaProviders(f: Filters, areaCode: string): Query {
	return scoped(
		'area.providers',
		areaFilters(f, areaCode),
		`SELECT s.code, s.programme_id, s.service, s.client_group, s.providers, s.provider_kinds, s.provider_set,
	v.variants::INTEGER AS variants, v.variants > 1 AS differs, s.keys
FROM member_sets s
JOIN variety v USING (service, client_group)
ORDER BY list_position(${sqlList(SERVICES)}, s.service), s.client_group, s.code`,
		[],
		`${MEMBER_PROGRAMME_CTE},
${RESP_CTE},
member_sets AS (
	SELECT mp.code, mp.programme_id, r.service, r.grp AS client_group,
		list_sort(list_distinct(list(coalesce(r.provider_municipality_code, lower(trim(regexp_replace(r.provider, '\\s+', ' ', 'g'))))))) AS provider_set,
		string_agg(DISTINCT r.provider, '; ' ORDER BY r.provider) AS providers,
		list_sort(list_distinct(list(r.provider_kind))) AS provider_kinds,
		list_sort(list_distinct(list(r.key))) AS keys
	FROM member_programme mp
	JOIN resp r ON r.programme_id = mp.programme_id
	GROUP BY mp.code, mp.programme_id, r.service, r.grp
),
variety AS (
	SELECT service, client_group, count(DISTINCT provider_set) AS variants
	FROM member_sets
	GROUP BY service, client_group
)`
	);
}

export interface AreaLanguageRow extends Row {
	language_code: string;
	language_name_fi: string;
	context: string;
	/** Members whose programme names the language for the use. */
	member_codes: string[];
	members: number;
}

/** Languages the members' programmes name, per use, with the members naming each. */
export function areaLanguages(f: Filters, areaCode: string): Query {
	return scoped(
		'area.languages',
		areaFilters(f, areaCode),
		`SELECT l.language_code, min(l.language_name_fi) AS language_name_fi, l.context,
	list_sort(list_distinct(list(mp.code))) AS member_codes,
	count(DISTINCT mp.code)::INTEGER AS members
FROM member_programme mp
JOIN languages l ON l.programme_id = mp.programme_id
GROUP BY l.language_code, l.context
ORDER BY list_position(['orientation', 'training', 'guidance', 'other'], l.context), members DESC, l.language_code`,
		[],
		MEMBER_PROGRAMME_CTE
	);
}

/** Compare ignores the municipality filters (the user names the municipalities); the programme filters apply. */
export function compareFilters(f: Filters): Filters {
	return { ...EMPTY_FILTERS, inputKind: f.inputKind, synthetic: f.synthetic };
}

export interface CompareProgramme extends Row {
	code: string;
	name_fi: string;
	name_sv: string;
	region_fi: string;
	employment_area: string;
	population: number;
	language_status: string;
	aland: boolean;
	programme_id: string | null;
	programmes: number;
	municipalities_text: string | null;
	municipality_codes: string[] | null;
	file: string | null;
	updated: string | null;
	input_kind: string | null;
	is_synthetic: boolean | null;
	document_language: string | null;
	mandatory_score: number | null;
	weak_parts: number | null;
}

/** The municipalities to compare (2–4 codes), each with the programme that represents it. */
export function compareProgrammes(f: Filters, codes: readonly string[]): Query {
	const params: Param[] = [];
	const list = inList('m.code', assertCodes(codes, 'compare'), params);
	return scoped(
		'compare.programmes',
		compareFilters(f),
		`SELECT m.code, m.name_fi, m.name_sv, m.region_fi, m.employment_area, m.population, m.language_status, m.aland,
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
		params,
		MEMBER_PROGRAMME_CTE
	);
}

export interface ComparePart extends Row {
	code: string;
	programme_id: string;
	key: string;
	section: string | null;
	mandatory: boolean | null;
	/** completeness.grade, or null when the programme has no grade for the part. */
	grade: string | null;
	score: number | null;
	reason: string | null;
	/** The answer, or null when the document has no such part. */
	text: string | null;
	status: string | null;
	page: number | null;
}

/** Every part of the compared programmes: the grade and the answer, by key (unmapped fields left out). */
export function compareParts(f: Filters, codes: readonly string[]): Query {
	const params: Param[] = [];
	const list = inList('mp.code', assertCodes(codes, 'compare'), params);
	return scoped(
		'compare.parts',
		compareFilters(f),
		`SELECT mp.code, mp.programme_id, p.key, p.section, p.mandatory, p.grade, p.score, p.reason, p.text, p.status, p.page
FROM member_programme mp
JOIN parts p ON p.programme_id = mp.programme_id
WHERE ${list}
ORDER BY p.ordinal, p.key, mp.code`,
		params,
		`${MEMBER_PROGRAMME_CTE},
parts AS (
	SELECT coalesce(c.programme_id, a.programme_id) AS programme_id, coalesce(c.key, a.key) AS key,
		coalesce(c.ordinal, a.ordinal) AS ordinal, coalesce(c.section, a.section) AS section,
		c.mandatory, c.grade, c.score, c.reason, a.text, a.status, a.page
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
export function compareFacts(f: Filters, codes: readonly string[]): Query {
	const params: Param[] = [];
	const list = inList('mp.code', assertCodes(codes, 'compare'), params);
	return scoped(
		'compare.facts',
		compareFilters(f),
		`SELECT mp.code, mp.programme_id, x.fact_type, x.fact, x.detail, x.key, x.span_start, x.span_end, x.snippet
FROM member_programme mp
JOIN facts x ON x.programme_id = mp.programme_id
WHERE ${list}
ORDER BY list_position(['language', 'provider', 'arrangement'], x.fact_type), x.fact, mp.code, x.key, x.span_start`,
		params,
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

// ——— comparison page loaders (run by the prerender in Node and by the pages in the browser)

export interface ResponsibilitiesData {
	kinds: ResponsibilityKindCount[];
	disagreements: ResponsibilityDisagreement[];
	gaps: ResponsibilityGap[];
}

export function responsibilitiesQueries(f: Filters) {
	return { kinds: responsibilityKinds(f), disagreements: responsibilityDisagreements(f), gaps: responsibilityGaps(f) };
}

export async function loadResponsibilities(runner: QueryRunner, f: Filters): Promise<ResponsibilitiesData> {
	const q = responsibilitiesQueries(f);
	const kinds = await runner.run<ResponsibilityKindCount>(q.kinds);
	const disagreements = await runner.run<ResponsibilityDisagreement>(q.disagreements);
	const gaps = await runner.run<ResponsibilityGap>(q.gaps);
	return { kinds, disagreements, gaps };
}

export interface LanguagesData {
	national: LanguageCount[];
	groups: LanguageGroupCount[];
	totals: LanguageGroupTotal[];
	none: LanguageNoneRow[];
}

export function languagesQueries(f: Filters, grouping: LanguageGrouping) {
	return {
		national: languageCounts(f, 'orientation'),
		groups: languagesByGroup(f, grouping),
		totals: languageGroupTotals(f, grouping),
		none: languageNone(f)
	};
}

export async function loadLanguages(runner: QueryRunner, f: Filters, grouping: LanguageGrouping): Promise<LanguagesData> {
	const q = languagesQueries(f, grouping);
	const national = await runner.run<LanguageCount>(q.national);
	const groups = await runner.run<LanguageGroupCount>(q.groups);
	const totals = await runner.run<LanguageGroupTotal>(q.totals);
	const none = await runner.run<LanguageNoneRow>(q.none);
	return { national, groups, totals, none };
}

export interface CooperationData {
	byRegion: ArrangementRegionCount[];
	network: NetworkLink[];
	joint: JointProgramme[];
}

export function cooperationQueries(f: Filters) {
	return { byRegion: arrangementsByRegion(f), network: cooperationNetwork(f), joint: jointProgrammes(f) };
}

export async function loadCooperation(runner: QueryRunner, f: Filters): Promise<CooperationData> {
	const q = cooperationQueries(f);
	const byRegion = await runner.run<ArrangementRegionCount>(q.byRegion);
	const network = await runner.run<NetworkLink>(q.network);
	const joint = await runner.run<JointProgramme>(q.joint);
	return { byRegion, network, joint };
}

export interface AreaData {
	members: AreaMember[];
	coverage: MemberPart[];
	providers: AreaProviderRow[];
	languages: AreaLanguageRow[];
}

export function areaQueries(f: Filters, areaCode: string) {
	return {
		members: areaMembers(f, areaCode),
		coverage: areaCoverage(f, areaCode),
		providers: areaProviders(f, areaCode),
		languages: areaLanguages(f, areaCode)
	};
}

export async function loadArea(runner: QueryRunner, f: Filters, areaCode: string): Promise<AreaData> {
	const q = areaQueries(f, areaCode);
	const members = await runner.run<AreaMember>(q.members);
	const coverage = await runner.run<MemberPart>(q.coverage);
	const providers = await runner.run<AreaProviderRow>(q.providers);
	const languages = await runner.run<AreaLanguageRow>(q.languages);
	return { members, coverage, providers, languages };
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
	const q = compareQueries(f, codes);
	// In the order the user listed them (the SQL orders by code).
	const programmes = (await runner.run<CompareProgramme>(q.programmes)).sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code));
	const parts = await runner.run<ComparePart>(q.parts);
	const facts = await runner.run<CompareFact>(q.facts);
	return { programmes, parts, facts };
}

// ————————————————————————————————————————— search

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
export function searchAnswers(): Query {
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
export function searchProgrammes(): Query {
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
