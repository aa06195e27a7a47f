/**
 * Filter facets without the engine: how many municipalities and current programmes a filter
 * choice leaves, so the filter bar can narrow each list by the other filters, show counts and
 * explain an empty result before (and without) DuckDB-WASM. The rules are those of the SQL
 * scope (./queries/scope.ts), applied to a compact table the layout prerenders
 * (`facetData`, ./dataset.server.ts); a unit test checks both give the same counts.
 */
import {
	EMPTY_FILTERS,
	hasFilters,
	hasMunicipalityFilters,
	INPUT_KINDS,
	LANGUAGE_STATUSES,
	POPULATION_CLASS_VALUES,
	type Filters,
	type InputKindValue,
	type LanguageStatus,
	type PopulationClassValue
} from './filters';

/** What the layout sends: small enough to go with every page (under 2 kB compressed for ~300 programmes). */
export interface FacetData {
	/** Mainland municipalities, each `RRWWAAlp`: region, wellbeing county and employment area codes, then the indexes of its language status and population class. */
	municipalities: string[];
	/**
	 * Current programmes, each `[input kind index, synthetic 0/1, plausible update date as days since
	 * 1.1.1970 or -1, ...indexes into municipalities of the mainland municipalities it covers]`.
	 */
	programmes: number[][];
}

/** The filters on municipality attributes, in the filter bar's order. */
export const MUNICIPALITY_FACETS = ['region', 'wellbeing', 'area', 'languageStatus', 'populationClass'] as const;
export type MunicipalityFacet = (typeof MUNICIPALITY_FACETS)[number];
/** The list filters on programme attributes. */
export const PROGRAMME_FACETS = ['inputKind'] as const;
export type ListFacet = MunicipalityFacet | (typeof PROGRAMME_FACETS)[number];

interface FacetMunicipality {
	region: string;
	wellbeing: string;
	area: string;
	languageStatus: LanguageStatus;
	populationClass: PopulationClassValue;
}
interface FacetProgramme {
	inputKind: InputKindValue;
	synthetic: boolean;
	/** The programme's update date (ISO) when plausible (`updated_status` ok or month), else null: what "updated since" compares. */
	updated: string | null;
	municipalities: number[];
}

export interface Facets {
	municipalities: FacetMunicipality[];
	programmes: FacetProgramme[];
}

/** Encodes the table (build time). */
export function encodeFacets(
	municipalities: readonly (FacetMunicipality & { code: string })[],
	programmes: readonly { inputKind: string; synthetic: boolean; updated: string | null; codes: readonly string[] }[]
): FacetData {
	const index = new Map(municipalities.map((m, i) => [m.code, i]));
	return {
		municipalities: municipalities.map(
			(m) =>
				`${m.region}${m.wellbeing}${m.area}${LANGUAGE_STATUSES.indexOf(m.languageStatus)}${POPULATION_CLASS_VALUES.indexOf(m.populationClass)}`
		),
		programmes: programmes.map((p) => [
			Math.max(0, INPUT_KINDS.indexOf(p.inputKind as InputKindValue)),
			p.synthetic ? 1 : 0,
			p.updated === null ? -1 : Math.round(Date.parse(`${p.updated}T00:00:00Z`) / DAY),
			...[...new Set(p.codes.map((c) => index.get(c)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b)
		])
	};
}

// The layout and the filter bar decode the same prerendered table: once per table object.
const decoded = new WeakMap<FacetData, Facets>();

export function decodeFacets(data: FacetData): Facets {
	let facets = decoded.get(data);
	if (!facets) decoded.set(data, (facets = decodeFacetData(data)));
	return facets;
}

function decodeFacetData(data: FacetData): Facets {
	return {
		municipalities: data.municipalities.map((s) => ({
			region: s.slice(0, 2),
			wellbeing: s.slice(2, 4),
			area: s.slice(4, 6),
			languageStatus: LANGUAGE_STATUSES[Number(s[6])],
			populationClass: POPULATION_CLASS_VALUES[Number(s[7])]
		})),
		programmes: data.programmes.map(([kind, synthetic, updated, ...municipalities]) => ({
			inputKind: INPUT_KINDS[kind] ?? 'unknown',
			synthetic: synthetic === 1,
			updated: updated < 0 ? null : new Date(updated * DAY).toISOString().slice(0, 10),
			municipalities
		}))
	};
}

const DAY = 86_400_000;

export interface ScopeCount {
	municipalities: number;
	programmes: number;
}

/**
 * Every filter field must be counted here as the SQL scope applies it: a field added to
 * `Filters` (./filters.ts) fails type-checking here until `countScope` handles it.
 */
const HANDLED: Record<keyof Filters, true> = {
	region: true,
	wellbeing: true,
	area: true,
	languageStatus: true,
	populationClass: true,
	inputKind: true,
	synthetic: true,
	since: true
};
void HANDLED;

const matches = (m: FacetMunicipality, f: Filters) =>
	MUNICIPALITY_FACETS.every((k) => f[k].length === 0 || (f[k] as readonly string[]).includes(m[k]));

/** Mainland municipalities and current programmes in scope: what scope_municipalities and scope_programmes hold. */
export function countScope(facets: Facets, f: Filters): ScopeCount {
	const inScope = facets.municipalities.map((m) => matches(m, f));
	return { municipalities: inScope.filter(Boolean).length, programmes: programmesIn(facets, f, inScope).filter(Boolean).length };
}

/**
 * For each current programme, in the table's order (by programme_id, as the layout's SQL and the
 * search file list them), whether it is in scope: the rows of scope_programmes (the search page
 * restricts hits to these without the engine).
 */
export function programmesInScope(facets: Facets, f: Filters): boolean[] {
	return programmesIn(
		facets,
		f,
		facets.municipalities.map((m) => matches(m, f))
	);
}

function programmesIn(facets: Facets, f: Filters, inScope: readonly boolean[]): boolean[] {
	const byMunicipality = hasMunicipalityFilters(f);
	return facets.programmes.map((p) => {
		if (f.inputKind.length && !f.inputKind.includes(p.inputKind)) return false;
		if (f.synthetic === 'real' && p.synthetic) return false;
		if (f.synthetic === 'synthetic' && !p.synthetic) return false;
		if (f.since && (p.updated === null || p.updated < f.since)) return false;
		if (byMunicipality && !p.municipalities.some((i) => inScope[i])) return false;
		return true;
	});
}

/**
 * What the SQL `scopeSummary` (./queries/scope.ts) gives, without the engine: current programmes in
 * scope and how many of them are synthetic. The banner and the downloads' synthetic share use it,
 * so they follow a filter change at once instead of after a query.
 */
export function scopeSummaryOf(facets: Facets, f: Filters): { programmes: number; synthetic_programmes: number } {
	const programmes = countScope(facets, f).programmes;
	const synthetic = f.synthetic === 'real' ? 0 : f.synthetic === 'synthetic' ? programmes : countScope(facets, { ...f, synthetic: 'synthetic' }).programmes;
	return { programmes, synthetic_programmes: synthetic };
}

/** The filters with one list filter replaced. */
export function withFacet(f: Filters, key: ListFacet, values: readonly string[]): Filters {
	return { ...f, [key]: [...values] } as Filters;
}

/**
 * For each value of a list filter: the scope if it alone were chosen there, the other filters kept
 * (`countScope` of `withFacet(f, key, [value])`). One pass over the table for all the values: the
 * filter bar counts every list at each filter change, before the page's figures are redrawn.
 */
export function optionCounts(facets: Facets, f: Filters, key: ListFacet, values: readonly string[]): Map<string, ScopeCount> {
	const counts = new Map(values.map((v) => [v, { municipalities: 0, programmes: 0 }]));
	const { municipalities, programmes } = facets;
	if (key === 'inputKind') {
		// The municipalities in scope do not depend on a programme filter; a programme counts under its own kind.
		const inScope = municipalities.map((m) => matches(m, f));
		const inMunicipalities = inScope.filter(Boolean).length;
		for (const c of counts.values()) c.municipalities = inMunicipalities;
		const rest = programmesIn(facets, { ...f, inputKind: [] }, inScope);
		programmes.forEach((p, i) => {
			const c = rest[i] && counts.get(p.inputKind);
			if (c) c.programmes++;
		});
		return counts;
	}
	// Municipalities matching the other filters, by their value of this one; a programme counts under
	// each value held by a municipality it covers among those (the value chosen is a municipality filter).
	const others = { ...f, [key]: [] } as Filters;
	const valueOf = municipalities.map((m) => (matches(m, others) ? (m[key] as string) : null));
	for (const v of valueOf) {
		const c = v === null ? undefined : counts.get(v);
		if (c) c.municipalities++;
	}
	const programmeFilters: Filters = { ...EMPTY_FILTERS, inputKind: f.inputKind, synthetic: f.synthetic, since: f.since };
	const passing = programmesIn(facets, programmeFilters, []);
	programmes.forEach((p, i) => {
		if (!passing[i]) return;
		const seen = new Set<string>();
		for (const m of p.municipalities) {
			const v = valueOf[m];
			if (v !== null && !seen.has(v)) {
				seen.add(v);
				const c = counts.get(v);
				if (c) c.programmes++;
			}
		}
	});
	return counts;
}

/** A way out of an empty result: a filter to drop, or a value to choose instead, and what it would leave. */
export interface Remedy {
	key: ListFacet | 'synthetic' | 'since';
	/** The values to set for `key` (empty: drop the filter; for `synthetic`, `['all']`). */
	values: string[];
	count: ScopeCount;
}

export type Emptiness =
	/** The municipality filters exclude each other: no municipality matches them all. */
	| { kind: 'no-municipality'; conflicting: MunicipalityFacet[]; drop: Remedy[]; replace: Remedy[] }
	/** Municipalities match, but no programme in scope (the programme filters, or none written yet). */
	| { kind: 'no-programme'; municipalities: number; drop: Remedy[] };

/**
 * Why the current filters leave nothing, and the nearest choices that leave something: each
 * filter whose removal alone helps, and (when municipalities do not match) the values of the
 * conflicting filters that overlap the others, most programmes first. Null when not empty.
 */
export function explainEmpty(facets: Facets, f: Filters, maxReplace = 3): Emptiness | null {
	const now = countScope(facets, f);
	if (now.programmes > 0 || !hasFilters(f)) return null;
	if (hasMunicipalityFilters(f) && now.municipalities === 0) {
		const chosen = MUNICIPALITY_FACETS.filter((k) => f[k].length > 0);
		const drop: Remedy[] = [];
		const replace: Remedy[] = [];
		const conflicting: MunicipalityFacet[] = [];
		for (const key of chosen) {
			const count = countScope(facets, withFacet(f, key, []));
			if (count.municipalities === 0) continue;
			conflicting.push(key);
			drop.push({ key, values: [], count });
			const values = [...new Set(facets.municipalities.map((m) => m[key] as string))];
			const counts = optionCounts(facets, f, key, values);
			replace.push(
				...values
					.map((v) => ({ key, values: [v], count: counts.get(v)! }))
					.filter((r) => r.count.municipalities > 0)
					.sort((a, b) => b.count.programmes - a.count.programmes || b.count.municipalities - a.count.municipalities || a.values[0].localeCompare(b.values[0]))
					.slice(0, maxReplace)
			);
		}
		return { kind: 'no-municipality', conflicting: conflicting.length ? conflicting : chosen, drop, replace };
	}
	const drop: Remedy[] = [];
	if (f.inputKind.length) drop.push({ key: 'inputKind', values: [], count: countScope(facets, withFacet(f, 'inputKind', [])) });
	if (f.synthetic !== 'all') drop.push({ key: 'synthetic', values: ['all'], count: countScope(facets, { ...f, synthetic: 'all' }) });
	if (f.since) drop.push({ key: 'since', values: [], count: countScope(facets, { ...f, since: '' }) });
	return { kind: 'no-programme', municipalities: now.municipalities, drop: drop.filter((r) => r.count.programmes > 0) };
}
