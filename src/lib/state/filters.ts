/**
 * The user's choices as data: filters, language, map measure, table sort.
 *
 * Pure functions only (no Svelte, no DOM), so the same parse/serialise runs in unit tests,
 * in the prerender and in the browser. The rules are written down in ./README.md:
 * only choices go in the URL, defaults are left out, lists are sorted and comma-joined,
 * parameters we do not know are passed through untouched (other pages own them).
 */

import {
	EMPTY_FILTERS,
	INPUT_KINDS,
	isSinceDate,
	LANGUAGE_STATUSES,
	POPULATION_CLASS_TOKENS,
	POPULATION_CLASS_VALUES,
	SYNTHETIC_CHOICES,
	type Filters,
	type PopulationClassValue
} from '$lib/db/filters';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '$lib/i18n/locales';

// The filter fields and their scope rules belong to the data layer; re-exported for the pages.
export {
	EMPTY_FILTERS,
	hasFilters,
	hasMunicipalityFilters,
	INPUT_KINDS,
	isSinceDate,
	LANGUAGE_STATUSES,
	POPULATION_CLASS_TOKENS,
	POPULATION_CLASS_VALUES,
	SYNTHETIC_CHOICES
} from '$lib/db/filters';
export type { Filters, InputKindValue, LanguageStatus, PopulationClassValue, SyntheticChoice } from '$lib/db/filters';
export { DEFAULT_LOCALE, LOCALES, type Locale } from '$lib/i18n/locales';

const POPULATION_CLASS_BY_TOKEN = new Map<string, PopulationClassValue>(
	Object.entries(POPULATION_CLASS_TOKENS).map(([value, token]) => [token, value as PopulationClassValue])
);

/** What the overview map is coloured by. */
export const MAP_MEASURES = ['coverage', 'completeness', 'languages', 'missing', 'updated'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const DEFAULT_MEASURE: MapMeasure = 'coverage';

/** Everything the URL holds that this module knows about. */
export interface ViewParams {
	filters: Filters;
	lang: Locale;
	measure: MapMeasure;
	/** Table sort, `column` or `-column` (descending); empty when the default order is used. */
	sort: string;
}

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
	since: 'since',
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
	const since = params.get(PARAM.since) ?? '';
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
			synthetic: oneOf(SYNTHETIC_CHOICES)(synthetic ?? '') ?? 'all',
			since: isSinceDate(since) ? since : ''
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
	if (f.since) out.set(PARAM.since, f.since);
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

/** A stable string for a filter set, e.g. as a cache key. */
export function filtersKey(f: Filters): string {
	return serializeView({ ...DEFAULT_VIEW, filters: f }).toString();
}
