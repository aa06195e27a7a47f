/** The cooperation view's SQL: arrangements per region, the network, joint programmes, evidence. */
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { pageQueries, type PageData } from './run';
import { scoped } from './scope';
import { evidenceQuery, type CooperationColumns, type EvidenceRow, type ListedProgramme } from './shared';

export interface ArrangementRegionCount extends Row {
	region_code: string;
	region_fi: string;
	arrangement_type: string;
	/** Programmes covering a municipality of the region in scope that describe the arrangement. */
	programmes: number;
	municipalities: number;
}

/** Arrangement types by region: programmes count once in every region they cover. */
export function arrangementsByRegion(f: Filters): Query<ArrangementRegionCount> {
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
export function cooperationNetwork(f: Filters): Query<NetworkLink> {
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

export interface JointProgramme extends ListedProgramme {
	updated: string | null;
	file: string;
	/** Employment areas of the municipalities it covers (codes, sorted). */
	area_codes: string[];
	/** True when all the municipalities are in one employment area. */
	one_area: boolean;
}

/** Programmes in scope that cover more than one municipality. */
export function jointProgrammes(f: Filters): Query<JointProgramme> {
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

export interface CooperationEvidence extends EvidenceRow, CooperationColumns {}

export interface CooperationSelection {
	arrangementType?: string;
	/** Programmes covering a municipality in scope of this region. */
	region?: string;
	programmeId?: string;
}

/** The evidence behind an arrangement count. */
export const cooperationEvidence = evidenceQuery<CooperationEvidence, CooperationSelection>(
	'cooperation.evidence',
	{
		from: 'cooperation',
		alias: 'c',
		columns: 'c.arrangement_type, c.partner, c.partner_kind, c.partner_municipality_code, c.role',
		orderBy: 'c.arrangement_type, c.key, c.span_start, c.partner'
	},
	(sel) => [
		['c.arrangement_type = ?', sel.arrangementType],
		['c.programme_id IN (SELECT sc.programme_id FROM scope_coverage sc JOIN scope_municipalities m ON m.code = sc.code WHERE m.region_code = ?)', sel.region],
		['c.programme_id = ?', sel.programmeId]
	]
);

export const [cooperationQueries, loadCooperation] = pageQueries((f: Filters) => ({ byRegion: arrangementsByRegion(f), network: cooperationNetwork(f), joint: jointProgrammes(f) }));
export type CooperationData = PageData<typeof cooperationQueries>;
