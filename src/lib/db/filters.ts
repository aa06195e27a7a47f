/**
 * What a filter selection means to the data: the filter fields, their allowed values and the
 * scope rules the SQL applies (./queries/scope.ts). The URL module (src/lib/state/filters.ts)
 * reads and writes these; the data layer never imports the URL module.
 */

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

export const LANGUAGE_STATUSES = ['fi', 'sv', 'fi-sv', 'sv-fi'] as const;
export type LanguageStatus = (typeof LANGUAGE_STATUSES)[number];

export const INPUT_KINDS = ['fillable-form', 'flattened-form', 'own-template', 'scan', 'unknown'] as const;
export type InputKindValue = (typeof INPUT_KINDS)[number];

/** `all` shows real and synthetic programmes (with a banner), `real` hides synthetic ones, `synthetic` shows only them. */
export const SYNTHETIC_CHOICES = ['all', 'real', 'synthetic'] as const;
export type SyntheticChoice = (typeof SYNTHETIC_CHOICES)[number];

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
	/**
	 * "Updated since": ISO date (YYYY-MM-DD) or '' for none. A programme is in scope when the date
	 * it says it was drawn up or updated is on or after it (a plausible date only: programmes.updated_status
	 * `ok` or `month`, a month counting from its first day).
	 */
	since: string;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
	region: [],
	wellbeing: [],
	area: [],
	languageStatus: [],
	populationClass: [],
	inputKind: [],
	synthetic: 'all',
	since: ''
}) as Filters;

/** A valid "updated since" value: a calendar date from 2024 (the Act's form) to 2099. */
export function isSinceDate(value: string): boolean {
	if (!/^20[2-9]\d-\d{2}-\d{2}$/.test(value) || value < '2024-01-01') return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** True when any filter is set (the view differs from the national, unfiltered one). */
export function hasFilters(f: Filters): boolean {
	return hasMunicipalityFilters(f) || f.inputKind.length > 0 || f.synthetic !== 'all' || f.since !== '';
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

/** The list filters a user sets one value at a time, in the order their statements are prepared ahead. */
const LIST_FILTERS = [
	['region', '01'],
	['area', '01'],
	['wellbeing', '01'],
	['languageStatus', LANGUAGE_STATUSES[0]],
	['populationClass', POPULATION_CLASS_VALUES[0]],
	['inputKind', INPUT_KINDS[0]]
] as const satisfies readonly (readonly [keyof Filters, string])[];

/**
 * Filter states one choice away from `f` whose statements differ from its own: each empty list
 * filter set (to a placeholder value), each set one emptied. A statement's text depends only on which
 * filters are set (a list's values are one parameter, ./queries/sql.ts), so preparing these states'
 * statements ahead plans whatever the next filter choice runs (src/lib/components/page-query.svelte.ts).
 */
export function filterStatesAhead(f: Filters): Filters[] {
	return LIST_FILTERS.map(([field, value]) => ({ ...f, [field]: f[field].length ? [] : [value] }));
}
