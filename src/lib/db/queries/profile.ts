/** The municipality profile's SQL: its programmes, one programme's answers and facts, the peer benchmark. */
import { EMPTY_FILTERS } from '../filters';
import type { Query, Row } from '../types';
import { BEST_PROGRAMME_CTE } from './gaps';
import { pageQueries, type PageData } from './run';
import { scoped } from './scope';
import type { CooperationColumns, FactSpan, LanguageColumns, PartGrade, ResponsibilityColumns } from './shared';

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
export function municipalityProgrammes(code: string): Query<ProfileProgramme> {
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

export interface ProfileAnswer extends PartGrade {
	key: string;
	section: string | null;
	ordinal: number;
	field_name: string | null;
	mandatory: boolean | null;
}

/**
 * Every part of a programme in form order: its answers joined with their grades, plus the
 * parts the document lacks (graded `missing`, no text) and the fields that map to no key.
 */
export function programmeAnswers(programmeId: string): Query<ProfileAnswer> {
	return {
		id: 'profile.answers',
		sql: `SELECT coalesce(a.key, c.key) AS key, coalesce(a.section, c.section) AS section,
	coalesce(c.ordinal, a.ordinal)::INTEGER AS ordinal, a.field_name, a.text, a.status, a.page,
	c.grade, c.score, c.reason, c.reason_key, c.reason_params, c.mandatory
FROM (SELECT * FROM answers WHERE programme_id = ?) a
FULL OUTER JOIN (SELECT * FROM completeness WHERE programme_id = ?) c ON a.key = c.key AND a.key <> 'unmapped'
ORDER BY (coalesce(a.key, c.key) = 'unmapped'), ordinal, a.field_name`,
		params: [programmeId, programmeId]
	};
}

/** 0–1, how sure a fact is (tables.ts CONFIDENCE_RULE). */
interface Confident {
	confidence: number;
}
export interface LanguageFact extends FactSpan, LanguageColumns, Confident {}
export interface ResponsibilityFact extends FactSpan, ResponsibilityColumns, Confident {}
export interface CooperationFact extends FactSpan, CooperationColumns, Confident {}

/** One programme's facts of one table: where each was read, its own columns and its confidence, in text order. */
function programmeFacts<T extends Row>(id: string, table: string, columns: string, orderBy: string, programmeId: string): Query<T> {
	return {
		id,
		sql: `SELECT key, span_start, span_end, snippet, ${columns}, confidence
FROM ${table} WHERE programme_id = ?
ORDER BY key, span_start, span_end, ${orderBy}`,
		params: [programmeId]
	};
}

export const programmeLanguages = (programmeId: string): Query<LanguageFact> =>
	programmeFacts('profile.languages', 'languages', 'language_code, language_name_fi, context', 'language_code', programmeId);

export const programmeResponsibilities = (programmeId: string): Query<ResponsibilityFact> =>
	programmeFacts(
		'profile.responsibilities',
		'responsibilities',
		'service, client_group, provider, provider_kind,\n\tprovider_municipality_code, from_table',
		'provider',
		programmeId
	);

export const programmeCooperation = (programmeId: string): Query<CooperationFact> =>
	programmeFacts(
		'profile.cooperation',
		'cooperation',
		'arrangement_type, partner, partner_kind, partner_municipality_code, role',
		'arrangement_type, partner',
		programmeId
	);

export interface HistoryVersion extends Row {
	programme_id: string;
	file: string;
	input_kind: string;
	/** 1, 2, … by date for this municipality; null when the document cannot be placed (no plausible date). */
	version: number | null;
	previous_programme_ids: string[];
	is_latest: boolean;
	is_current: boolean;
	is_synthetic: boolean;
	updated: string | null;
	updated_text: string | null;
	/** programmes.updated_status: why an unplaced document is not placed. */
	updated_status: string;
	municipality_codes: string[];
}

/**
 * The municipality's programmes as versions (programme_versions): real before synthetic, then
 * by version; documents that cannot be placed last.
 */
export function municipalityHistory(code: string): Query<HistoryVersion> {
	return {
		id: 'profile.history',
		sql: `SELECT v.programme_id, p.file, p.input_kind, v.version, v.previous_programme_ids, v.is_latest, p.is_current, p.is_synthetic,
	CAST(p.updated AS VARCHAR) AS updated, p.updated_text, p.updated_status, p.municipality_codes
FROM programme_versions v JOIN programmes p USING (programme_id)
WHERE v.code = ?
ORDER BY p.is_synthetic, v.version NULLS LAST, p.programme_id`,
		params: [code]
	};
}

export interface ProgrammeChange extends Row {
	from_programme_id: string;
	to_programme_id: string;
	change: string;
	direction: string;
	key: string;
	ordinal: number;
	grade_before: string | null;
	grade_after: string | null;
	words_added: number | null;
	words_removed: number | null;
	/** The word diff as JSON (`[op, text]` pairs; src/lib/dataset/changes.ts). */
	diff: string | null;
	service: string | null;
	client_group: string | null;
	provider: string | null;
	provider_kind: string | null;
	language_code: string | null;
	context: string | null;
	arrangement_type: string | null;
	partner: string | null;
	role: string | null;
	from_snippet: string | null;
	to_snippet: string | null;
}

/** Every change record between consecutive versions of the municipality's programmes, in form order per pair. */
export function municipalityChanges(code: string): Query<ProgrammeChange> {
	return {
		id: 'profile.changes',
		sql: `SELECT from_programme_id, to_programme_id, change, direction, key, ordinal, grade_before, grade_after, words_added, words_removed, diff,
	service, client_group, provider, provider_kind, language_code, context, arrangement_type, partner, role, from_snippet, to_snippet
FROM programme_changes
WHERE list_contains(municipality_codes, ?)
ORDER BY to_programme_id, from_programme_id, ordinal, change, direction, provider, language_code, arrangement_type, partner`,
		params: [code]
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
		b.programme_id, b.mandatory_score, coalesce(b.is_synthetic, false) AS is_synthetic
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
	/** Of the graded peers (itself excluded), how many are judged by a synthetic demo programme. */
	synthetic_peers: number;
	/** Whether the municipality's own programme is synthetic (null without one). */
	self_synthetic: boolean | null;
	/** The same comparison with real programmes only: graded real peers, their median (itself included when real) and the percentile among them. */
	real_graded_peers: number;
	real_median_score: number | null;
	real_percentile: number | null;
}

/**
 * The benchmark: in each peer group, how complete the municipality's programme is compared with
 * its peers' (each judged by its best current programme, filters not applied).
 */
export function peerSummary(code: string): Query<PeerSummary> {
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
	END AS percentile,
	count(pp.mandatory_score) FILTER (WHERE NOT pp.is_self AND pp.is_synthetic)::INTEGER AS synthetic_peers,
	any_value(mine.synthetic) AS self_synthetic,
	count(pp.mandatory_score) FILTER (WHERE NOT pp.is_self AND NOT pp.is_synthetic)::INTEGER AS real_graded_peers,
	median(pp.mandatory_score) FILTER (WHERE NOT pp.is_synthetic) AS real_median_score,
	CASE WHEN any_value(mine.score) IS NULL OR count(pp.mandatory_score) FILTER (WHERE NOT pp.is_self AND NOT pp.is_synthetic) = 0 THEN NULL
		ELSE (count(*) FILTER (WHERE NOT pp.is_self AND NOT pp.is_synthetic AND pp.mandatory_score < mine.score)
			+ 0.5 * count(*) FILTER (WHERE NOT pp.is_self AND NOT pp.is_synthetic AND pp.mandatory_score = mine.score))
			/ count(pp.mandatory_score) FILTER (WHERE NOT pp.is_self AND NOT pp.is_synthetic)
	END AS real_percentile
FROM peer_programmes pp
CROSS JOIN (
	SELECT any_value(mandatory_score) AS score, any_value(CASE WHEN programme_id IS NOT NULL THEN is_synthetic END) AS synthetic
	FROM peer_programmes WHERE is_self
) mine
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
export function peerLanguages(code: string): Query<PeerCount> {
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
export function peerProviderKinds(code: string): Query<PeerCount> {
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

/** The profile's queries below the header; `programmeId` null when no programme covers the municipality (its queries are then null). */
export const [profileQueries, loadProfileDetails] = pageQueries((code: string, programmeId: string | null) => {
	const has = programmeId !== null;
	return {
		answers: has ? programmeAnswers(programmeId) : null,
		languages: has ? programmeLanguages(programmeId) : null,
		responsibilities: has ? programmeResponsibilities(programmeId) : null,
		cooperation: has ? programmeCooperation(programmeId) : null,
		peers: peerSummary(code),
		peerLanguages: peerLanguages(code),
		peerProviderKinds: peerProviderKinds(code)
	};
});
export type ProfileDetails = PageData<typeof profileQueries>;
