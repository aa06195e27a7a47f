/** The responsibilities view's SQL: provider kinds per service, gaps, disagreements, evidence. */
import { CLIENT_GROUP_IDS, EXPECTED_SERVICES, SERVICE_RESPONSIBLE_KEY, SERVICES } from '$lib/dataset/services';
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { pageQueries, type PageData } from './run';
import { scoped } from './scope';
import { EXCERPT_CHARS, evidenceQuery, RESP_CTE, type EvidenceRow, type ListedProgramme, type ResponsibilityColumns } from './shared';
import { sqlList } from './sql';

/**
 * `gaps(programme_id, service, client_group)`: expected services a programme in scope names no
 * provider for (the summary `responsibility_gaps`, ../summaries.ts: empty while the
 * responsibilities table has no rows at all).
 */
const GAPS_CTE = `gaps AS (
	SELECT g.programme_id, g.service, g.client_group
	FROM responsibility_gaps g
	WHERE g.programme_id IN (SELECT programme_id FROM scope_programmes)
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
export function responsibilityKinds(f: Filters): Query<ResponsibilityKindCount> {
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

export interface ResponsibilityGap extends ListedProgramme {
	service: string;
	/** `jobseekers`, `others`, or `both` when the programme names no provider for either group. */
	client_group: string;
	/** The "B. Vastuutaho" answer that should have named one: key, grade (completeness) and its first EXCERPT_CHARS characters. */
	key: string;
	grade: string | null;
	text: string | null;
}

/** Programmes in scope that name no provider for an expected service (per group; `both` when neither group has one). */
export function responsibilityGaps(f: Filters): Query<ResponsibilityGap> {
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
		`${GAPS_CTE}`
	);
}

export interface ResponsibilityDisagreement extends ListedProgramme {
	service: string;
	client_group: string;
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
export function responsibilityDisagreements(f: Filters): Query<ResponsibilityDisagreement> {
	// Computed once per programme (the summary `responsibility_disagreements`, ../summaries.ts); a filter change only picks the programmes.
	return scoped(
		'responsibilities.disagreements',
		f,
		`SELECT d.programme_id, d.service, d.client_group,
	sp.municipality_codes, sp.municipalities_text, sp.is_synthetic,
	d.table_only, d.prose_only, d.table_providers, d.prose_providers, d.severity
FROM responsibility_disagreements d
JOIN scope_programmes sp USING (programme_id)
ORDER BY d.severity, list_position(${sqlList(SERVICES)}, d.service), d.client_group, sp.municipalities_text, d.programme_id`
	);
}

export interface ResponsibilityEvidence extends EvidenceRow, ResponsibilityColumns {}

export interface ResponsibilitySelection {
	service?: string;
	/** `jobseekers` or `others` (rows for `both` match either). */
	clientGroup?: string;
	providerKind?: string;
	programmeId?: string;
}

/** The evidence behind a bar segment or a disagreement: every provider mention that matches the selection. */
export const responsibilityEvidence = evidenceQuery<ResponsibilityEvidence, ResponsibilitySelection>(
	'responsibilities.evidence',
	{
		from: 'resp',
		alias: 'r',
		// A `both` row stands for two groups in resp: once is enough.
		distinct: true,
		columns: 'r.service, r.client_group, r.provider, r.provider_kind, r.provider_municipality_code, r.from_table',
		orderBy: 'r.from_table DESC, r.key, r.span_start, r.provider',
		moreCtes: RESP_CTE
	},
	(sel) => [
		['r.service = ?', sel.service],
		['r.grp = ?', sel.clientGroup],
		['r.provider_kind = ?', sel.providerKind],
		['r.programme_id = ?', sel.programmeId]
	]
);

export const [responsibilitiesQueries, loadResponsibilities] = pageQueries((f: Filters) => ({ kinds: responsibilityKinds(f), disagreements: responsibilityDisagreements(f), gaps: responsibilityGaps(f) }));
export type ResponsibilitiesData = PageData<typeof responsibilitiesQueries>;
