/**
 * The user's choices as data: filters, language, map measure, table sort.
 *
 * Pure functions only (no Svelte, no DOM), so the same parse/serialise runs in unit tests,
 * in the prerender and in the browser. The rules are written down in ./README.md:
 * only choices go in the URL, defaults are left out, lists are sorted and comma-joined,
 * parameters we do not know are passed through untouched (other pages own them).
 */

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';

/** Population classes as the data writes them (municipalities.population_class) ↔ URL-safe tokens. */
export const POPULATION_CLASS_TOKENS = {
	'<5k': 'lt5k',
	'5–20k': '5-20k',
	'20–50k': '20-50k',
	'50–100k': '50-100k',
	'≥100k': 'ge100k'
} as const;
export type PopulationClassValue = keyof typeof POPULATION_CLASS_TOKENS;
export const POPULATION_CLASS_VALUES = Object.keys(POPULATION_CLASS_TOKENS) as PopulationClassValue[];
const POPULATION_CLASS_BY_TOKEN = new Map<string, PopulationClassValue>(
	Object.entries(POPULATION_CLASS_TOKENS).map(([value, token]) => [token, value as PopulationClassValue])
);

export const LANGUAGE_STATUSES = ['fi', 'sv', 'fi-sv', 'sv-fi'] as const;
export type LanguageStatus = (typeof LANGUAGE_STATUSES)[number];

export const INPUT_KINDS = ['fillable-form', 'flattened-form', 'own-template', 'scan', 'unknown'] as const;
export type InputKindValue = (typeof INPUT_KINDS)[number];

/** `all` shows real and synthetic programmes (with a banner), `real` hides synthetic ones, `synthetic` shows only them. */
export const SYNTHETIC_CHOICES = ['all', 'real', 'synthetic'] as const;
export type SyntheticChoice = (typeof SYNTHETIC_CHOICES)[number];

/** What the overview map is coloured by. */
export const MAP_MEASURES = ['coverage', 'completeness', 'languages', 'missing'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const DEFAULT_MEASURE: MapMeasure = 'coverage';

/**
 * Filters on municipality attributes (a programme is in scope when it covers at least one
 * municipality that matches all of them) and on programme attributes. Empty list = no filter.
 */
export interface Filters {
	/** municipalities.region_code (maakunta), 2 digits */
	region: string[];
	/** municipalities.wellbeing_county_code (hyvinvointialue), 2 digits */
	wellbeing: string[];
	/** municipalities.employment_area_code (työllisyysalue), 2 digits */
	area: string[];
	languageStatus: LanguageStatus[];
	populationClass: PopulationClassValue[];
	/** programmes.input_kind */
	inputKind: InputKindValue[];
	synthetic: SyntheticChoice;
}

/** Everything the URL holds that this module knows about. */
export interface ViewParams {
	filters: Filters;
	lang: Locale;
	measure: MapMeasure;
	/** Table sort, `column` or `-column` (descending); empty when the default order is used. */
	sort: string;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
	region: [],
	wellbeing: [],
	area: [],
	languageStatus: [],
	populationClass: [],
	inputKind: [],
	synthetic: 'all'
}) as Filters;

export const DEFAULT_VIEW: ViewParams = Object.freeze({
	filters: EMPTY_FILTERS,
	lang: DEFAULT_LOCALE,
	measure: DEFAULT_MEASURE,
	sort: ''
}) as ViewParams;

/** URL parameter names, in the order they are written. */
export const PARAM = {
	region: 'region',
	wellbeing: 'wellbeing',
	area: 'area',
	languageStatus: 'langstatus',
	populationClass: 'pop',
	inputKind: 'input',
	synthetic: 'synthetic',
	measure: 'measure',
	sort: 'sort',
	lang: 'lang'
} as const;
const KNOWN_PARAMS = new Set<string>(Object.values(PARAM));

const CODE_2 = /^\d{2}$/;
const SORT = /^-?[a-z][a-z0-9_]{0,40}$/;

/** Comma-separated and repeated parameters both count; values are trimmed, deduplicated and sorted. */
function listParam<T extends string>(params: URLSearchParams, name: string, accept: (token: string) => T | null): T[] {
	const out = new Set<T>();
	for (const raw of params.getAll(name)) {
		for (const token of raw.split(',')) {
			const value = accept(token.trim());
			if (value !== null) out.add(value);
		}
	}
	return [...out].sort();
}

const oneOf =
	<T extends string>(allowed: readonly T[]) =>
	(token: string): T | null =>
		(allowed as readonly string[]).includes(token) ? (token as T) : null;

const code2 = (token: string): string | null => (CODE_2.test(token) ? token : null);

/** Reads the view from URL parameters. Invalid values are dropped (a hand-edited link never breaks the page). */
export function parseView(params: URLSearchParams): ViewParams {
	const synthetic = params.get(PARAM.synthetic);
	const measure = params.get(PARAM.measure);
	const lang = params.get(PARAM.lang);
	const sort = params.get(PARAM.sort) ?? '';
	return {
		filters: {
			region: listParam(params, PARAM.region, code2),
			wellbeing: listParam(params, PARAM.wellbeing, code2),
			area: listParam(params, PARAM.area, code2),
			languageStatus: listParam(params, PARAM.languageStatus, oneOf(LANGUAGE_STATUSES)),
			populationClass: sortPopulationClasses(
				listParam(params, PARAM.populationClass, (t) => POPULATION_CLASS_BY_TOKEN.get(t) ?? null)
			),
			inputKind: listParam(params, PARAM.inputKind, oneOf(INPUT_KINDS)),
			synthetic: oneOf(SYNTHETIC_CHOICES)(synthetic ?? '') ?? 'all'
		},
		lang: oneOf(LOCALES)(lang ?? '') ?? DEFAULT_LOCALE,
		measure: oneOf(MAP_MEASURES)(measure ?? '') ?? DEFAULT_MEASURE,
		sort: SORT.test(sort) ? sort : ''
	};
}

/** Population classes in size order rather than code-point order (the URL stays canonical either way). */
function sortPopulationClasses(values: PopulationClassValue[]): PopulationClassValue[] {
	return [...values].sort((a, b) => POPULATION_CLASS_VALUES.indexOf(a) - POPULATION_CLASS_VALUES.indexOf(b));
}

/**
 * Writes the view as URL parameters: known parameters first in a fixed order, defaults left
 * out, then every parameter we do not know (owned by some page), in its original order.
 */
export function serializeView(view: ViewParams, passThrough?: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams();
	const f = view.filters;
	const list = (name: string, values: readonly string[]) => {
		if (values.length) out.set(name, [...new Set(values)].sort().join(','));
	};
	list(PARAM.region, f.region);
	list(PARAM.wellbeing, f.wellbeing);
	list(PARAM.area, f.area);
	list(PARAM.languageStatus, f.languageStatus);
	if (f.populationClass.length) {
		out.set(
			PARAM.populationClass,
			sortPopulationClasses([...new Set(f.populationClass)])
				.map((v) => POPULATION_CLASS_TOKENS[v])
				.join(',')
		);
	}
	list(PARAM.inputKind, f.inputKind);
	if (f.synthetic !== 'all') out.set(PARAM.synthetic, f.synthetic);
	if (view.measure !== DEFAULT_MEASURE) out.set(PARAM.measure, view.measure);
	if (view.sort) out.set(PARAM.sort, view.sort);
	if (view.lang !== DEFAULT_LOCALE) out.set(PARAM.lang, view.lang);
	if (passThrough) {
		for (const [name, value] of passThrough) if (!KNOWN_PARAMS.has(name)) out.append(name, value);
	}
	return out;
}

/** `?a=b` or the empty string, for building links. */
export function searchString(params: URLSearchParams): string {
	const s = params.toString();
	return s ? `?${s}` : '';
}

/** A patch to the view: filters merge field by field. */
export interface ViewPatch {
	filters?: Partial<Filters>;
	lang?: Locale;
	measure?: MapMeasure;
	sort?: string;
}

export function applyPatch(view: ViewParams, patch: ViewPatch): ViewParams {
	return {
		filters: { ...view.filters, ...patch.filters },
		lang: patch.lang ?? view.lang,
		measure: patch.measure ?? view.measure,
		sort: patch.sort ?? view.sort
	};
}

/** The search string of `current` with `patch` applied (unknown parameters kept). */
export function patchSearch(current: URLSearchParams, patch: ViewPatch): string {
	return searchString(serializeView(applyPatch(parseView(current), patch), current));
}

/** True when any filter is set (the view differs from the national, unfiltered one). */
export function hasFilters(f: Filters): boolean {
	return (
		f.region.length > 0 ||
		f.wellbeing.length > 0 ||
		f.area.length > 0 ||
		f.languageStatus.length > 0 ||
		f.populationClass.length > 0 ||
		f.inputKind.length > 0 ||
		f.synthetic !== 'all'
	);
}

/** True when a filter on municipality attributes is set (programmes are then matched through their municipalities). */
export function hasMunicipalityFilters(f: Filters): boolean {
	return (
		f.region.length > 0 ||
		f.wellbeing.length > 0 ||
		f.area.length > 0 ||
		f.languageStatus.length > 0 ||
		f.populationClass.length > 0
	);
}

/** A stable string for a filter set, e.g. as a cache key. */
export function filtersKey(f: Filters): string {
	return serializeView({ ...DEFAULT_VIEW, filters: f }).toString();
}
