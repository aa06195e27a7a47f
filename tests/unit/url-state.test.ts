import { describe, expect, it } from 'vitest';
import {
	applyPatch,
	DEFAULT_VIEW,
	EMPTY_FILTERS,
	filtersKey,
	hasFilters,
	hasMunicipalityFilters,
	parseView,
	patchSearch,
	POPULATION_CLASS_VALUES,
	serializeView,
	type ViewParams
} from '../../src/lib/state/filters';

const parse = (s: string) => parseView(new URLSearchParams(s));
const roundTrip = (v: ViewParams) => parseView(serializeView(v));

describe('URL view state', () => {
	it('an empty URL is the default view, and the default view writes an empty URL', () => {
		expect(parse('')).toEqual(DEFAULT_VIEW);
		expect(serializeView(DEFAULT_VIEW).toString()).toBe('');
	});

	const views: ViewParams[] = [
		DEFAULT_VIEW,
		{ ...DEFAULT_VIEW, lang: 'sv' },
		{ ...DEFAULT_VIEW, lang: 'en', measure: 'completeness', sort: '-programmes' },
		{
			filters: {
				region: ['02', '01'],
				wellbeing: ['90'],
				area: ['08', '44'],
				languageStatus: ['sv-fi', 'fi'],
				populationClass: ['≥100k', '<5k', '5–20k'],
				inputKind: ['scan', 'fillable-form'],
				synthetic: 'real',
				since: '2025-06-01'
			},
			lang: 'sv',
			measure: 'updated',
			sort: 'name'
		},
		{ ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS, synthetic: 'synthetic', populationClass: [...POPULATION_CLASS_VALUES] } }
	];

	it.each(views.map((v) => [serializeView(v).toString() || '(empty)', v] as const))('round trip %s', (_s, view) => {
		const back = roundTrip(view);
		// Lists come back deduplicated and in canonical order; otherwise equal.
		expect(back.lang).toBe(view.lang);
		expect(back.measure).toBe(view.measure);
		expect(back.sort).toBe(view.sort);
		expect(back.filters.synthetic).toBe(view.filters.synthetic);
		expect(back.filters.since).toBe(view.filters.since);
		for (const k of ['region', 'wellbeing', 'area', 'languageStatus', 'inputKind'] as const) {
			expect(back.filters[k]).toEqual([...view.filters[k]].sort());
		}
		expect(new Set(back.filters.populationClass)).toEqual(new Set(view.filters.populationClass));
		// Serialising is canonical: the round trip gives the same string again.
		expect(serializeView(back).toString()).toBe(serializeView(view).toString());
	});

	it('writes readable, URL-safe population classes in size order', () => {
		const s = serializeView({ ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS, populationClass: ['≥100k', '<5k', '20–50k'] } });
		expect(s.toString()).toBe('pop=lt5k%2C20-50k%2Cge100k');
		expect(decodeURIComponent(s.toString())).toBe('pop=lt5k,20-50k,ge100k');
	});

	it('writes parameters in a fixed order whatever order the URL had', () => {
		const a = serializeView(parse('lang=sv&region=02&measure=languages&area=08')).toString();
		const b = serializeView(parse('area=08&measure=languages&region=02&lang=sv')).toString();
		expect(a).toBe(b);
		expect(a).toBe('region=02&area=08&measure=languages&lang=sv');
	});

	it('"updated since" is a calendar date from 2024 on, written after the other filters', () => {
		expect(parse('since=2025-06-01').filters.since).toBe('2025-06-01');
		expect(serializeView(parse('lang=en&since=2025-06-01&region=02')).toString()).toBe('region=02&since=2025-06-01&lang=en');
		for (const bad of ['2025-02-30', '2025-6-1', '1.6.2025', '2023-12-31', '2025-06-01T00:00', "2025-06-01' OR 1=1", '9999-12-31']) {
			expect(parse(`since=${encodeURIComponent(bad)}`).filters.since, bad).toBe('');
		}
		expect(hasFilters({ ...EMPTY_FILTERS, since: '2025-06-01' })).toBe(true);
		expect(hasMunicipalityFilters({ ...EMPTY_FILTERS, since: '2025-06-01' })).toBe(false);
	});

	it('accepts repeated and comma-separated lists alike, dropping duplicates', () => {
		expect(parse('region=02&region=01,02').filters.region).toEqual(['01', '02']);
	});

	it('drops invalid values instead of failing', () => {
		const v = parse("region=2,abc,02') OR 1=1&lang=de&measure=evil&synthetic=maybe&langstatus=xx,fi&pop=huge&input=pdf&sort=a;drop");
		expect(v.filters.region).toEqual([]);
		expect(v.lang).toBe('fi');
		expect(v.measure).toBe('coverage');
		expect(v.filters.synthetic).toBe('all');
		expect(v.filters.languageStatus).toEqual(['fi']);
		expect(v.filters.populationClass).toEqual([]);
		expect(v.filters.inputKind).toEqual([]);
		expect(v.sort).toBe('');
	});

	it('keeps parameters it does not own (other pages’ choices) after its own', () => {
		const current = new URLSearchParams('q=ukrainn&region=02&m=abc&m=def');
		const next = patchSearch(current, { lang: 'en' });
		expect(next).toBe('?region=02&lang=en&q=ukrainn&m=abc&m=def');
	});

	it('patches merge into the current view', () => {
		const current = new URLSearchParams('region=02&lang=sv');
		expect(patchSearch(current, { filters: { area: ['08'] } })).toBe('?region=02&area=08&lang=sv');
		expect(patchSearch(current, { filters: { region: [] } })).toBe('?lang=sv');
		expect(patchSearch(current, { lang: 'fi' })).toBe('?region=02');
		const v = applyPatch(parse('region=02'), { measure: 'languages' });
		expect(v.filters.region).toEqual(['02']);
		expect(v.measure).toBe('languages');
	});

	it('knows when filters are set', () => {
		expect(hasFilters(EMPTY_FILTERS)).toBe(false);
		expect(hasFilters(parse('synthetic=real').filters)).toBe(true);
		expect(hasMunicipalityFilters(parse('synthetic=real&input=scan').filters)).toBe(false);
		expect(hasMunicipalityFilters(parse('pop=lt5k').filters)).toBe(true);
		expect(filtersKey(parse('region=02,01&lang=sv').filters)).toBe(filtersKey(parse('region=01,02').filters));
	});
});
