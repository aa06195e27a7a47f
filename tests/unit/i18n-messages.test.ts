import { describe, expect, it } from 'vitest';
import { CATALOGUE, fi } from '../../src/lib/i18n/messages';
import { translator } from '../../src/lib/i18n/index';
import { ANSWER_FIELDS, SECTIONS } from '../../src/lib/programme/form-tem-2024';
import { COOPERATION, COMPLETENESS, LANGUAGES, RESPONSIBILITIES } from '../../src/lib/dataset/tables';
import { INPUT_KINDS, LANGUAGE_STATUSES, MAP_MEASURES, POPULATION_CLASS_VALUES, SYNTHETIC_CHOICES } from '../../src/lib/state/filters';

const placeholders = (s: string) =>
	[...s.matchAll(/\{(\w+)(?::[^{}|]*\|[^{}]*)?\}/g)].map((m) => m[1]).sort();

/** The backquoted values a column description lists, e.g. `answered`, `thin`. */
const vocabulary = (description: string) => [...description.matchAll(/`([a-z_0-9-]+)`/g)].map((m) => m[1]);

describe('message catalogue', () => {
	const keys = Object.keys(fi);

	it.each(['sv', 'en'] as const)('%s has exactly the Finnish keys', (locale) => {
		expect(Object.keys(CATALOGUE[locale]).sort()).toEqual([...keys].sort());
	});

	it.each(['fi', 'sv', 'en'] as const)('%s: no empty message, no markup, same placeholders as Finnish', (locale) => {
		const m = CATALOGUE[locale];
		for (const key of keys) {
			const text = m[key as keyof typeof m];
			expect(text.trim(), key).not.toBe('');
			expect(text, key).not.toMatch(/<[a-z/]/i);
			expect(placeholders(text), key).toEqual(placeholders(fi[key as keyof typeof fi]));
		}
	});

	it('labels every value a page shows from the data or the URL', () => {
		const prefixes: [string, readonly string[]][] = [
			['part', ANSWER_FIELDS.map((f) => f.key)],
			['section', SECTIONS.map((s) => s.id)],
			['grade', vocabulary(COMPLETENESS.columns.find((c) => c.name === 'grade')!.description)],
			['arrangement', vocabulary(COOPERATION.columns.find((c) => c.name === 'arrangement_type')!.description)],
			['providerKind', vocabulary(RESPONSIBILITIES.columns.find((c) => c.name === 'provider_kind')!.description)],
			['service', vocabulary(RESPONSIBILITIES.columns.find((c) => c.name === 'service')!.description)],
			['clientGroup', vocabulary(RESPONSIBILITIES.columns.find((c) => c.name === 'client_group')!.description)],
			['languageContext', vocabulary(LANGUAGES.columns.find((c) => c.name === 'context')!.description)],
			['inputKind', INPUT_KINDS],
			['languageStatus', LANGUAGE_STATUSES],
			['populationClass', POPULATION_CLASS_VALUES],
			['synthetic', SYNTHETIC_CHOICES],
			['measure', MAP_MEASURES]
		];
		for (const [prefix, values] of prefixes) {
			expect(values.length, prefix).toBeGreaterThan(0);
			for (const v of values) expect(Object.hasOwn(fi, `${prefix}.${v}`), `${prefix}.${v}`).toBe(true);
		}
	});
});

describe('translator', () => {
	it('fills placeholders and picks plural forms by locale', () => {
		expect(translator('fi').t('unit.count', { n: 1 })).toBe('1 ohjelma');
		expect(translator('fi').t('unit.count', { n: 3 })).toBe('3 ohjelmaa');
		expect(translator('en').t('unit.count', { n: 1 })).toBe('1 programme');
		expect(translator('en').t('unit.count', { n: 1200 })).toBe('1,200 programmes');
		expect(translator('sv').t('table.rows', { n: 2 })).toBe('2 rader');
		expect(translator('fi').t('overview.coveredOf', { covered: 5, total: 292 })).toBe('5 / 292 kuntaa');
	});

	it('formats numbers, percentages and dates per locale', () => {
		// Finnish and Swedish group thousands with a (narrow) no-break space and use a decimal comma.
		expect(translator('fi').number(5563970)).toMatch(/^5\s563\s970$/u);
		expect(translator('fi').number(0.5, 1)).toBe('0,5');
		expect(translator('en').number(5563970)).toBe('5,563,970');
		expect(translator('fi').percent(0.53)).toMatch(/^53\s%$/u);
		expect(translator('en').percent(0.53)).toBe('53%');
		expect(translator('fi').date('2024-11-18')).toBe('18.11.2024');
		expect(translator('en').date('2024-11-18')).toBe('18/11/2024');
		expect(translator('fi').date(null)).toBe('–');
		expect(translator('fi').number(null)).toBe('–');
	});

	it('names languages in the UI language, falling back to the data’s name', () => {
		expect(translator('fi').languageName('uk')).toBe('ukraina');
		expect(translator('sv').languageName('uk')).toBe('ukrainska');
		expect(translator('en').languageName('uk')).toBe('Ukrainian');
		expect(translator('fi').languageName('zzq', 'testikieli')).toBe('testikieli');
	});

	it('labels data values and leaves unknown ones as they are', () => {
		expect(translator('sv').label('grade', 'thin')).toBe('knapphändig');
		expect(translator('fi').label('grade', 'unheard-of')).toBe('unheard-of');
		expect(translator('en').part('s3.a2')).toBe('3A Languages of orientation');
		expect(translator('en').part('unmapped')).toBe('unmapped');
	});
});
