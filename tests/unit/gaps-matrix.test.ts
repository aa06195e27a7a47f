/**
 * The gap matrix's page logic (src/lib/components/gaps/matrix.ts): grades aligned to the
 * columns, grouping, sorting (a municipality without a programme is the worst), URL values,
 * the CSV columns and keyboard movement.
 */
import { describe, expect, it } from 'vitest';
import {
	buildMatrix,
	DEFAULT_SORT,
	gradeCounts,
	matrixCsvColumns,
	matrixLines,
	MATRIX_PARTS,
	nextPosition,
	parseGrouping,
	parseSort,
	profileLinker,
	rowGrades,
	sortValue,
	toggleSort,
	type BuildOptions
} from '../../src/lib/components/gaps/matrix';
import { toCsv } from '../../src/lib/export/csv';
import { MANDATORY_KEYS } from '../../src/lib/programme/form-tem-2024';
import type { GapRow } from '../../src/lib/db/queries';

const row = (code: string, name: string, over: Partial<GapRow> = {}): GapRow => ({
	code,
	name_fi: name,
	name_sv: `${name} (sv)`,
	region_code: '02',
	wellbeing_county_code: '05',
	employment_area_code: '41',
	population: 1000,
	programme_id: `p-${code}`,
	programmes: 1,
	score: 0.5,
	weak_parts: 3,
	thin_parts: 1,
	is_synthetic: true,
	input_kind: 'fillable-form',
	updated: '2025-01-01',
	last_update: '2025-01-01',
	part_keys: [...MANDATORY_KEYS],
	part_grades: MANDATORY_KEYS.map(() => 'answered'),
	...over
});
const none = (code: string, name: string, over: Partial<GapRow> = {}) =>
	row(code, name, { programme_id: null, programmes: 0, score: null, weak_parts: null, thin_parts: null, is_synthetic: null, last_update: null, part_keys: [], part_grades: [], ...over });

const opts = (over: Partial<BuildOptions> = {}): BuildOptions => ({
	grouping: 'area',
	sort: DEFAULT_SORT,
	locale: 'fi',
	groupLabel: (g, code) => `${g}:${code}`,
	...over
});

describe('columns and grades', () => {
	it('has one column per mandatory part, in form order', () => {
		expect(MATRIX_PARTS).toEqual(MANDATORY_KEYS);
		expect(MATRIX_PARTS.length).toBe(31);
	});

	it('aligns a row’s grades to the columns whatever order the SQL gave, unknown grades and absent parts as ungraded', () => {
		const keys = ['s1.a', 'header.updated', 's6.c'];
		const grades = rowGrades({ part_keys: keys, part_grades: ['thin', 'missing', 'bogus'] }, MATRIX_PARTS);
		expect(grades[MATRIX_PARTS.indexOf('s1.a')]).toBe('thin');
		expect(grades[MATRIX_PARTS.indexOf('header.updated')]).toBe('missing');
		expect(grades[MATRIX_PARTS.indexOf('s6.c')]).toBe('ungraded');
		expect(grades.filter((g) => g === 'ungraded')).toHaveLength(MATRIX_PARTS.length - 2);
	});
});

describe('profile links', () => {
	it('are the links linkTo gives, built from one of them', () => {
		let calls = 0;
		const linkTo = (path: string) => (calls++, `${path}?region=01&region=02&lang=sv#top`);
		const href = profileLinker(linkTo);
		expect(['019', '430', '005'].map(href)).toEqual(['019', '430', '005'].map((c) => `/municipality/${c}?region=01&region=02&lang=sv#top`));
		expect(calls).toBe(1);
		expect(profileLinker((p) => p)('019')).toBe('/municipality/019');
		// A linkTo that does not keep the path first is asked for every link.
		expect(profileLinker((p) => `/sv${p}`)('019')).toBe('/sv/municipality/019');
	});
});

describe('display rows kept across answers', () => {
	const answer = () => [
		row('001', 'Öja', { score: 0.9, weak_parts: 1 }),
		row('002', 'Aura', { score: 0.2, weak_parts: 9, employment_area_code: '42', region_code: '03' }),
		none('003', 'Ähtäri')
	];
	const shown = (groups: ReturnType<typeof buildMatrix>) => new Map(groups.flatMap((g) => g.rows.map((r) => [r.code, r] as const)));

	it('a new answer saying the same of a municipality gives the same display row; a changed one a new row with the new values', () => {
		const before = shown(buildMatrix(answer(), opts()));
		const next = answer();
		next[1] = row('002', 'Aura', { score: 0.3, weak_parts: 8, employment_area_code: '42', region_code: '03', part_grades: MANDATORY_KEYS.map(() => 'thin') });
		const after = shown(buildMatrix(structuredClone(next), opts({ sort: { key: 'gaps', descending: true } })));
		expect(after.get('001')).toBe(before.get('001'));
		expect(after.get('003')).toBe(before.get('003'));
		expect(after.get('002')).not.toBe(before.get('002'));
		expect(after.get('002')).toMatchObject({ score: 0.3, gaps: 8 });
		expect(after.get('002')!.grades!.every((g) => g === 'thin')).toBe(true);
		// Another language: names in it, not the cached Finnish ones.
		expect(shown(buildMatrix(answer(), opts({ locale: 'sv' }))).get('001')!.name).toBe('Öja (sv)');
		// A different programme with otherwise the same figures is a different row.
		const other = answer();
		other[0] = { ...other[0], programme_id: 'p-other' };
		expect(shown(buildMatrix(other, opts())).get('001')).not.toBe(before.get('001'));
	});
});

describe('grouping and sorting', () => {
	const rows = [
		row('001', 'Öja', { score: 0.9, weak_parts: 1 }),
		row('002', 'Aura', { score: 0.2, weak_parts: 9, employment_area_code: '42', region_code: '03' }),
		none('003', 'Ähtäri'),
		row('004', 'ähtäri-b', { score: null, weak_parts: null, part_keys: [], part_grades: [] }),
		row('005', 'Betula', { score: 0.9, weak_parts: 1 })
	];

	it('groups by the chosen area and sorts groups by their names', () => {
		const byArea = buildMatrix(rows, opts());
		expect(byArea.map((g) => [g.code, g.rows.map((r) => r.code)])).toEqual([
			['41', ['005', '003', '004', '001']],
			['42', ['002']]
		]);
		expect(buildMatrix(rows, opts({ grouping: 'region' })).map((g) => g.code)).toEqual(['02', '03']);
		expect(buildMatrix(rows, opts({ grouping: 'wellbeing' })).map((g) => g.code)).toEqual(['05']);
		expect(buildMatrix(rows, opts({ groupLabel: (_g, c) => (c === '42' ? 'A-alue' : 'B-alue') })).map((g) => g.code)).toEqual(['42', '41']);
	});

	it('sorts names the Finnish way (Ä and Ö after Z), Swedish names in Swedish', () => {
		const names = buildMatrix(rows, opts())[0].rows.map((r) => r.name);
		expect(names).toEqual(['Betula', 'Öja', 'Ähtäri', 'ähtäri-b'].sort(new Intl.Collator('fi-FI', { sensitivity: 'base', numeric: true }).compare));
		expect(buildMatrix(rows, opts({ locale: 'sv' }))[0].rows[0].name).toBe('Betula (sv)');
	});

	it('by score: lowest first; programmes without grades and then municipalities without a programme last in either direction; ties by name', () => {
		const asc = buildMatrix(rows, opts({ sort: { key: 'score', descending: false } }))[0].rows.map((r) => r.code);
		expect(asc).toEqual(['005', '001', '004', '003']);
		const desc = buildMatrix(rows, opts({ sort: { key: 'score', descending: true } }))[0].rows.map((r) => r.code);
		expect(desc).toEqual(['005', '001', '004', '003']);
	});

	it('one national list (grouping none): worst first by gaps or score, missing values last', () => {
		const national = buildMatrix(rows, opts({ grouping: 'none', sort: { key: 'gaps', descending: true } }));
		expect(national).toHaveLength(1);
		expect(national[0].rows.map((r) => r.code)).toEqual(['002', '005', '001', '004', '003']);
		const fewest = buildMatrix(rows, opts({ grouping: 'none', sort: { key: 'gaps', descending: false } }));
		expect(fewest[0].rows.map((r) => r.code)).toEqual(['005', '001', '002', '004', '003']);
		const lowest = buildMatrix(rows, opts({ grouping: 'none', sort: { key: 'score', descending: false } }));
		expect(lowest[0].rows.map((r) => r.code)).toEqual(['002', '005', '001', '004', '003']);
		const highest = buildMatrix(rows, opts({ grouping: 'none', sort: { key: 'score', descending: true } }));
		expect(highest[0].rows.map((r) => r.code)).toEqual(['005', '001', '002', '004', '003']);
	});

	it('can leave out municipalities without a programme, and counts per group', () => {
		const groups = buildMatrix(rows, opts({ onlyCovered: true }));
		expect(groups[0].rows.map((r) => r.code)).not.toContain('003');
		const all = buildMatrix(rows, opts());
		expect(all[0].withProgramme).toBe(3);
		expect(all[0].meanScore).toBeCloseTo(0.9, 10);
		const counts = gradeCounts(all);
		expect(counts.noProgramme).toBe(1);
		expect(counts.ungraded).toBe(MATRIX_PARTS.length);
		expect(counts.answered).toBe(MATRIX_PARTS.length * 3);
	});
});

describe('URL values', () => {
	it('parses and writes the sort, the default staying out of the URL', () => {
		expect(parseSort('')).toEqual(DEFAULT_SORT);
		expect(parseSort('-gaps')).toEqual({ key: 'gaps', descending: true });
		expect(parseSort('programmes')).toEqual(DEFAULT_SORT);
		expect(sortValue(DEFAULT_SORT)).toBe('');
		expect(sortValue({ key: 'score', descending: true })).toBe('-score');
		expect(toggleSort({ key: 'score', descending: false }, 'score')).toEqual({ key: 'score', descending: true });
		// The first click on a column sorts worst first: most gaps, lowest score.
		expect(toggleSort({ key: 'score', descending: true }, 'gaps')).toEqual({ key: 'gaps', descending: true });
		expect(toggleSort({ key: 'gaps', descending: true }, 'gaps')).toEqual({ key: 'gaps', descending: false });
		expect(toggleSort({ key: 'name', descending: false }, 'score')).toEqual({ key: 'score', descending: false });
	});

	it('accepts only the three groupings', () => {
		expect(parseGrouping('region')).toBe('region');
		expect(parseGrouping('wellbeing')).toBe('wellbeing');
		expect(parseGrouping(null)).toBe('area');
		expect(parseGrouping('<script>')).toBe('area');
	});
});

describe('CSV', () => {
	it('writes one line per shown row, part columns headed by key with grade codes', () => {
		const rows = [row('001', 'Öja, kunta', { part_grades: MANDATORY_KEYS.map((_, i) => (i === 0 ? 'missing' : 'answered')) }), none('003', 'Ähtäri')];
		const groups = buildMatrix(rows, opts());
		const csv = toCsv(
			matrixCsvColumns({ group: 'G', code: 'C', municipality: 'M', programme: 'P', programmes: 'N', score: 'S', gaps: 'W', thin: 'T', synthetic: 'Y', noProgramme: 'no_programme' }),
			matrixLines(groups)
		);
		const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe(['G', 'C', 'M', 'P', 'N', 'S', 'W', 'T', 'Y', ...MANDATORY_KEYS].join(','));
		expect(lines).toHaveLength(3);
		// Ä before Ö in Finnish order; a name with a comma is quoted.
		expect(lines[1].startsWith('area:41,003,Ähtäri,,0,,,,,no_programme')).toBe(true);
		expect(lines[1].endsWith(MANDATORY_KEYS.map(() => 'no_programme').join(','))).toBe(true);
		expect(lines[2].startsWith('area:41,001,"Öja, kunta",p-001,1,0.5,3,1,true,missing,answered')).toBe(true);
	});
});

describe('keyboard movement', () => {
	const size = { rows: 5, cols: 34 };
	it('moves by one with the arrows and stops at the edges', () => {
		expect(nextPosition({ row: 0, col: 0 }, 'ArrowRight', size)).toEqual({ row: 0, col: 1 });
		expect(nextPosition({ row: 0, col: 0 }, 'ArrowLeft', size)).toEqual({ row: 0, col: 0 });
		expect(nextPosition({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
		expect(nextPosition({ row: 4, col: 33 }, 'ArrowDown', size)).toEqual({ row: 4, col: 33 });
		expect(nextPosition({ row: 4, col: 33 }, 'ArrowRight', size)).toEqual({ row: 4, col: 33 });
	});

	it('Home/End go to the row’s ends, with Ctrl to the grid’s corners; pages move ten rows', () => {
		expect(nextPosition({ row: 2, col: 7 }, 'Home', size)).toEqual({ row: 2, col: 0 });
		expect(nextPosition({ row: 2, col: 7 }, 'End', size)).toEqual({ row: 2, col: 33 });
		expect(nextPosition({ row: 2, col: 7 }, 'Home', size, { ctrl: true })).toEqual({ row: 0, col: 0 });
		expect(nextPosition({ row: 2, col: 7 }, 'End', size, { ctrl: true })).toEqual({ row: 4, col: 33 });
		expect(nextPosition({ row: 2, col: 7 }, 'PageDown', { rows: 40, cols: 34 })).toEqual({ row: 12, col: 7 });
		expect(nextPosition({ row: 2, col: 7 }, 'PageUp', { rows: 40, cols: 34 })).toEqual({ row: 0, col: 7 });
	});

	it('ignores other keys and empty grids', () => {
		expect(nextPosition({ row: 0, col: 0 }, 'Enter', size)).toBeNull();
		expect(nextPosition({ row: 0, col: 0 }, 'a', size)).toBeNull();
		expect(nextPosition({ row: 0, col: 0 }, 'ArrowDown', { rows: 0, cols: 34 })).toBeNull();
	});
});
