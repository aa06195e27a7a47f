/** Chart options, the map's classes, CSV and the navigation: pure functions the pages rely on. */
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/lib/charts/options';
import { measureMap, NO_PROGRAMME_VALUE, NOT_GRADED_VALUE, OUTSIDE_VALUE } from '../../src/lib/charts/map-measures';
import { csvCell, recordsToCsv, slug } from '../../src/lib/export/csv';
import { isCurrent, navItems, routePaths } from '../../src/lib/components/nav';
import { translator } from '../../src/lib/i18n/index';
import type { MunicipalityMeasures } from '../../src/lib/db/queries';
import { MAP_MEASURES } from '../../src/lib/state/filters';

describe('markup escaping', () => {
	it('tooltip text is escaped', () => {
		expect(escapeHtml(`<img src=x>"'&`)).toBe('&lt;img src=x&gt;&quot;&#39;&amp;');
	});
});

describe('map measures', () => {
	const row = (code: string, p: Partial<MunicipalityMeasures>): MunicipalityMeasures => ({
		code,
		in_scope: true,
		programmes: 1,
		completeness: 0.8,
		missing_parts: 2,
		orientation_languages: 3,
		all_programmes: 1,
		last_update: '2025-03-01',
		...p
	});
	const rows = [
		row('001', {}),
		row('002', { in_scope: false, programmes: 0, completeness: null, missing_parts: null, orientation_languages: null, all_programmes: 0, last_update: null }),
		row('003', { programmes: 0, completeness: null, missing_parts: null, orientation_languages: null, all_programmes: 0, last_update: null }),
		row('004', { completeness: null, missing_parts: null, last_update: null })
	];
	const names = { '001': ['Yksi', 'Ett'], '002': ['Kaksi', 'Två'] } as const;
	const fi = translator('fi');

	it.each(MAP_MEASURES)('%s: every municipality falls in exactly one labelled class', (measure) => {
		const { data, pieces } = measureMap(rows, measure, fi, names);
		expect(data).toHaveLength(rows.length);
		for (const d of data) {
			const hits = pieces.filter((p) => (p.value !== undefined ? d.value === p.value : d.value >= p.min! && d.value <= p.max!));
			expect(hits, `${measure} ${d.code} ${d.value}`).toHaveLength(1);
			expect(hits[0].label.length).toBeGreaterThan(0);
		}
		expect(data[1].value).toBe(OUTSIDE_VALUE);
		expect(data[2].value).toBe(NO_PROGRAMME_VALUE);
	});

	it('tells "no programme" and "not graded" apart from zero', () => {
		const completeness = measureMap(rows, 'completeness', fi, names).data;
		expect(completeness.map((d) => d.value)).toEqual([80, OUTSIDE_VALUE, NO_PROGRAMME_VALUE, NOT_GRADED_VALUE]);
		expect(completeness[0].text).toBe(fi.percent(0.8));
		const languages = measureMap(rows, 'languages', fi, names).data;
		expect(languages[0].value).toBe(3);
		expect(languages[2].text).toBe(fi.t('overview.noProgramme'));
	});

	it('"updated": since the filter date (else the reform), read without that filter; no date is its own class', () => {
		const later = [...rows, row('005', { programmes: 0, all_programmes: 1, last_update: '2024-11-18' })];
		const byDefault = measureMap(later, 'updated', fi, names);
		// 001 updated 1.3.2025, after the reform; 004 has no plausible date; 005 is out of the since-filtered scope but still shown.
		expect(byDefault.data.map((d) => d.value)).toEqual([2, OUTSIDE_VALUE, NO_PROGRAMME_VALUE, NOT_GRADED_VALUE, 1]);
		expect(byDefault.pieces[0].label).toBe(fi.t('overview.updatedSince', { date: fi.date('2025-01-01') }));
		expect(byDefault.data[0].text).toBe(fi.t('overview.lastUpdate', { date: fi.date('2025-03-01') }));
		const since = measureMap(later, 'updated', fi, names, '2025-06-01');
		expect(since.data.map((d) => d.value)).toEqual([1, OUTSIDE_VALUE, NO_PROGRAMME_VALUE, NOT_GRADED_VALUE, 1]);
		expect(since.pieces.map((p) => p.label)).toContain(fi.t('overview.notUpdatedSince', { date: fi.date('2025-06-01') }));
	});

	it('names municipalities in the UI language', () => {
		expect(measureMap(rows, 'coverage', translator('sv'), names).data[0].name).toBe('Ett');
		expect(measureMap(rows, 'coverage', fi, names).data[0].name).toBe('Yksi');
		expect(measureMap(rows, 'coverage', fi, names).data[3].name).toBe('004');
	});
});

describe('csv', () => {
	it('quotes per RFC 4180 and joins lists', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell(['019', '853'])).toBe('"019;853"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(3)).toBe('3');
		const csv = recordsToCsv(['a', 'b'], [{ a: 1, b: 'x,y' }]);
		expect(csv).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
	});

	it('makes file names from titles', () => {
		expect(slug('Yhteiskuntaorientaation kielet – Åland')).toBe('yhteiskuntaorientaation-kielet-aland');
	});
});

describe('navigation', () => {
	it('lists only pages whose route exists, in menu order', () => {
		const existing = routePaths(['/src/routes/+page.svelte', '/src/routes/data/+page.svelte', '/src/routes/(app)/gaps/+page.svelte']);
		expect([...existing].sort()).toEqual(['/', '/data', '/gaps']);
		expect(navItems(existing).map((i) => i.path)).toEqual(['/', '/gaps', '/data']);
	});

	it('marks the current section', () => {
		expect(isCurrent('/', '/')).toBe(true);
		expect(isCurrent('/', '/data')).toBe(false);
		expect(isCurrent('/data', '/data')).toBe(true);
		expect(isCurrent('/gaps', '/gaps/x')).toBe(true);
	});
});
