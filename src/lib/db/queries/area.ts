/** The employment-area report's SQL: members, their parts, providers and languages. */
import { SERVICES } from '$lib/dataset/services';
import type { Filters } from '../filters';
import type { Query, Row } from '../types';
import { pageQueries, type PageData } from './run';
import { scoped } from './scope';
import { RESP_CTE, type RepresentingProgramme } from './shared';
import { sqlList } from './sql';

/**
 * `member_programme(code, programme_id, programmes)`: for each municipality in scope, the programme
 * that represents it and how many programmes in scope cover it. Same rule as the gap matrix and
 * the profile: the best mandatory score, then the latest update, then the id (stable).
 */
export const MEMBER_PROGRAMME_CTE = `member_programme AS (
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

/** A member municipality and its programme (more than one covering it: the one MEMBER_PROGRAMME_CTE picks). */
export interface AreaMember extends RepresentingProgramme {
	thin_parts: number | null;
}

/** The member municipalities of an employment area (within the other filters) and the programme of each. */
export function areaMembers(f: Filters, areaCode: string): Query<AreaMember> {
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
export function areaCoverage(f: Filters, areaCode: string): Query<MemberPart> {
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
export function areaProviders(f: Filters, areaCode: string): Query<AreaProviderRow> {
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
export function areaLanguages(f: Filters, areaCode: string): Query<AreaLanguageRow> {
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

export const [areaQueries, loadArea] = pageQueries((f: Filters, areaCode: string) => ({
		members: areaMembers(f, areaCode),
		coverage: areaCoverage(f, areaCode),
		providers: areaProviders(f, areaCode),
		languages: areaLanguages(f, areaCode)
	}));
export type AreaData = PageData<typeof areaQueries>;
