/**
 * The "Check my draft" benchmark (/check): what a municipality's peers — same employment area,
 * same region, same population class, the municipality itself left out (the draft stands in for
 * it) — answer and name, each peer judged by its best current programme (filters not applied).
 * The draft itself never enters DuckDB: it stays in the page, these queries bind only the code.
 */
import { EMPTY_FILTERS } from './filters';
import { scoped } from './queries';
import type { Query, QueryRunner, Row } from './types';

export type CheckPeerGroup = 'area' | 'region' | 'population';

/** Peers of `?` (excluding it) per group, and each peer's best current programme (or none). */
const CHECK_PEERS_CTE = `check_best AS (
	SELECT code, programme_id, mandatory_score, is_synthetic FROM (
		SELECT sc.code, sc.programme_id, ps.mandatory_score, sp.is_synthetic,
			row_number() OVER (
				PARTITION BY sc.code
				ORDER BY ps.mandatory_score DESC NULLS LAST, sp.updated DESC NULLS LAST, sc.programme_id
			) AS rank
		FROM scope_coverage sc
		JOIN scope_programmes sp USING (programme_id)
		LEFT JOIN programme_scores ps USING (programme_id)
	) WHERE rank = 1
),
check_self AS (SELECT * FROM municipalities WHERE code = ?),
check_peers AS (
	SELECT 'area' AS peer_group, s.employment_area_code AS group_code, m.code
	FROM check_self s JOIN municipalities m ON m.employment_area_code = s.employment_area_code AND m.aland = s.aland AND m.code <> s.code
	UNION ALL
	SELECT 'region', s.region_code, m.code
	FROM check_self s JOIN municipalities m ON m.region_code = s.region_code AND m.aland = s.aland AND m.code <> s.code
	UNION ALL
	SELECT 'population', s.population_class, m.code
	FROM check_self s JOIN municipalities m ON m.population_class = s.population_class AND m.aland = s.aland AND m.code <> s.code
),
check_peer_programmes AS (
	SELECT p.peer_group, p.group_code, p.code, b.programme_id, b.mandatory_score, b.is_synthetic
	FROM check_peers p LEFT JOIN check_best b USING (code)
)`;

const GROUP_ORDER = `CASE peer_group WHEN 'area' THEN 1 WHEN 'region' THEN 2 ELSE 3 END`;

export interface CheckPeerGroupRow extends Row {
	peer_group: CheckPeerGroup;
	group_code: string;
	/** Peer municipalities in the group (the municipality itself not counted). */
	peers: number;
	/** Of those, covered by a current programme. */
	with_programme: number;
	/** Of those, whose programme is synthetic demo data. */
	synthetic: number;
	median_score: number | null;
}

export function checkPeerGroups(code: string): Query {
	return scoped(
		'check.peer_groups',
		EMPTY_FILTERS,
		`SELECT peer_group, any_value(group_code) AS group_code,
	count(*)::INTEGER AS peers,
	count(programme_id)::INTEGER AS with_programme,
	count(*) FILTER (WHERE is_synthetic)::INTEGER AS synthetic,
	median(mandatory_score) AS median_score
FROM check_peer_programmes
GROUP BY peer_group
ORDER BY ${GROUP_ORDER}`,
		[code],
		CHECK_PEERS_CTE
	);
}

export interface CheckPeerPartRow extends Row {
	peer_group: CheckPeerGroup;
	key: string;
	/** Peers with a graded programme. */
	graded: number;
	/** Of those, whose programme answers the part (grade `answered`). */
	answered: number;
}

/** Per peer group and mandatory part: how many peers' programmes answer it. */
export function checkPeerParts(code: string): Query {
	return scoped(
		'check.peer_parts',
		EMPTY_FILTERS,
		`SELECT pp.peer_group, c.key,
	count(DISTINCT pp.code)::INTEGER AS graded,
	count(DISTINCT pp.code) FILTER (WHERE c.grade = 'answered')::INTEGER AS answered
FROM check_peer_programmes pp
JOIN completeness c ON c.programme_id = pp.programme_id AND c.mandatory
GROUP BY pp.peer_group, c.key
ORDER BY ${GROUP_ORDER.replace('peer_group', 'pp.peer_group')}, min(c.ordinal), c.key`,
		[code],
		CHECK_PEERS_CTE
	);
}

export interface CheckPeerNameRow extends Row {
	peer_group: CheckPeerGroup;
	/** A language code (languages) or a provider's name as written (providers). */
	value: string;
	/** The language's Finnish name, or the provider's kind. */
	detail: string | null;
	/** Peer municipalities whose programme names it. */
	municipalities: number;
}

/** Orientation languages the peers' programmes name, most common first. */
export function checkPeerLanguages(code: string): Query {
	return scoped(
		'check.peer_languages',
		EMPTY_FILTERS,
		`SELECT pp.peer_group, l.language_code AS value, min(l.language_name_fi) AS detail,
	count(DISTINCT pp.code)::INTEGER AS municipalities
FROM check_peer_programmes pp
JOIN languages l ON l.programme_id = pp.programme_id
WHERE l.context = 'orientation'
GROUP BY pp.peer_group, l.language_code
ORDER BY ${GROUP_ORDER.replace('peer_group', 'pp.peer_group')}, municipalities DESC, value`,
		[code],
		CHECK_PEERS_CTE
	);
}

/** Providers the peers' programmes name (as written, the municipality itself aside), most common first; at most 12 per group. */
export function checkPeerProviders(code: string): Query {
	return scoped(
		'check.peer_providers',
		EMPTY_FILTERS,
		`SELECT peer_group, value, detail, municipalities FROM (
	SELECT pp.peer_group, r.provider AS value, min(r.provider_kind) AS detail,
		count(DISTINCT pp.code)::INTEGER AS municipalities,
		row_number() OVER (PARTITION BY pp.peer_group ORDER BY count(DISTINCT pp.code) DESC, r.provider) AS n
	FROM check_peer_programmes pp
	JOIN responsibilities r ON r.programme_id = pp.programme_id
	WHERE r.provider_kind <> 'municipality'
	GROUP BY pp.peer_group, r.provider
) WHERE n <= 12
ORDER BY ${GROUP_ORDER}, municipalities DESC, value`,
		[code],
		CHECK_PEERS_CTE
	);
}

export interface CheckBenchmarkData {
	groups: CheckPeerGroupRow[];
	parts: CheckPeerPartRow[];
	languages: CheckPeerNameRow[];
	providers: CheckPeerNameRow[];
}

export function checkQueries(code: string) {
	return {
		groups: checkPeerGroups(code),
		parts: checkPeerParts(code),
		languages: checkPeerLanguages(code),
		providers: checkPeerProviders(code)
	};
}

/** Runs the benchmark's queries one after another (DuckDB-WASM has one worker). */
export async function loadCheckBenchmark(runner: QueryRunner, code: string): Promise<CheckBenchmarkData> {
	const q = checkQueries(code);
	return {
		groups: await runner.run<CheckPeerGroupRow>(q.groups),
		parts: await runner.run<CheckPeerPartRow>(q.parts),
		languages: await runner.run<CheckPeerNameRow>(q.languages),
		providers: await runner.run<CheckPeerNameRow>(q.providers)
	};
}
