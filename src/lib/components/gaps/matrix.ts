/**
 * The gap matrix as data: the rows of `gapMatrix` (src/lib/db/queries.ts) → groups of
 * municipalities, each with one grade per mandatory part, sorted as the user chose; the CSV of
 * it; and keyboard movement in the grid. Pure functions (no Svelte, no DOM) so they are tested
 * in Node and a grouping or sort change never needs a query.
 */
import { MANDATORY_KEYS } from '$lib/programme/form-tem-2024';
import type { GapRow } from '$lib/db/queries';

/** The columns: every mandatory part (KotoL 13 §), in form order. */
export const MATRIX_PARTS: readonly string[] = MANDATORY_KEYS;

/** `none`: the whole country as one list, so a sort ranks every municipality nationally. */
export const GROUPINGS = ['area', 'region', 'wellbeing', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const DEFAULT_GROUPING: Grouping = 'area';
/** The page's own URL parameters (the shared ones, filters and `sort`, are in src/lib/state). */
export const GROUP_PARAM = 'group';
export const COVERED_PARAM = 'covered';

export const SORT_KEYS = ['name', 'score', 'gaps'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface MatrixSort {
	key: SortKey;
	descending: boolean;
}
export const DEFAULT_SORT: MatrixSort = { key: 'name', descending: false };

/** A cell: the part's grade (completeness.grade), or `ungraded` when the programme has no grade for it. */
export const CELL_GRADES = ['answered', 'thin', 'placeholder', 'empty', 'missing', 'ungraded'] as const;
export type CellGrade = (typeof CELL_GRADES)[number];

export function parseGrouping(value: string | null | undefined): Grouping {
	return (GROUPINGS as readonly string[]).includes(value ?? '') ? (value as Grouping) : DEFAULT_GROUPING;
}

/** `sort` URL value (`score`, `-gaps`…) → sort; anything else is the default (by name). */
export function parseSort(value: string | null | undefined): MatrixSort {
	const v = value ?? '';
	const key = v.replace(/^-/, '');
	if (!(SORT_KEYS as readonly string[]).includes(key)) return DEFAULT_SORT;
	return { key: key as SortKey, descending: v.startsWith('-') };
}

/** The URL value of a sort ('' for the default, so it stays out of the URL). */
export function sortValue(sort: MatrixSort): string {
	if (sort.key === DEFAULT_SORT.key && sort.descending === DEFAULT_SORT.descending) return '';
	return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** Clicking a column: first worst first (most gaps, lowest score; names A–Ö), again the other way. */
export function toggleSort(current: MatrixSort, key: SortKey): MatrixSort {
	return current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'gaps' };
}

/** The national worst-first view: one list, most gaps first. */
export const WORST_FIRST: { group: Grouping; sort: MatrixSort } = { group: 'none', sort: { key: 'gaps', descending: true } };

export interface MatrixRow {
	code: string;
	name: string;
	programmeId: string | null;
	/** Current programmes in scope covering the municipality. */
	programmes: number;
	/** Mandatory completeness 0–1; null without a programme or without grades. */
	score: number | null;
	/** Mandatory parts missing, empty or a placeholder; null when unknown. */
	gaps: number | null;
	thin: number | null;
	synthetic: boolean;
	/** The latest plausible date a programme in scope covering it was drawn up or updated (ISO), null when none. */
	lastUpdate: string | null;
	/** One grade per column; null: no programme in scope covers the municipality. */
	grades: CellGrade[] | null;
}

/**
 * Every municipality's profile link from one link `linkTo` builds (the view's carried parameters
 * after the path): the links differ only in the code, so a filter change computes the view's query
 * string once instead of once per row.
 */
export function profileLinker(linkTo: (path: string) => string): (code: string) => string {
	const stub = '/municipality/000';
	const link = linkTo(stub);
	if (!link.startsWith(stub)) return (code) => linkTo(`/municipality/${code}`);
	const suffix = link.slice(stub.length);
	return (code) => `/municipality/${code}${suffix}`;
}

export interface MatrixGroup {
	code: string;
	label: string;
	rows: MatrixRow[];
	withProgramme: number;
	/** Mean completeness of the graded programmes in the group, null if none. */
	meanScore: number | null;
}

export interface BuildOptions {
	grouping: Grouping;
	sort: MatrixSort;
	/** Swedish names when `sv`. */
	locale: string;
	/** The group's name in the UI language (from the filter options); the code when unknown. */
	groupLabel: (grouping: Grouping, code: string) => string;
	/** Leave out municipalities no programme in scope covers. */
	onlyCovered?: boolean;
	columns?: readonly string[];
}

const GRADED = new Set<string>(CELL_GRADES);

/** One row's grades aligned to the columns. */
export function rowGrades(row: Pick<GapRow, 'part_keys' | 'part_grades'>, columns: readonly string[]): CellGrade[] {
	const byKey = new Map<string, string>();
	row.part_keys.forEach((k, i) => byKey.set(k, row.part_grades[i]));
	return columns.map((k) => {
		const g = byKey.get(k);
		return g && GRADED.has(g) ? (g as CellGrade) : 'ungraded';
	});
}

const groupCode = (row: GapRow, grouping: Grouping) =>
	grouping === 'area'
		? row.employment_area_code
		: grouping === 'region'
			? row.region_code
			: grouping === 'wellbeing'
				? row.wellbeing_county_code
				: 'all';

/**
 * Rows without the sorted value come after every row that has one, whichever the direction: a
 * programme without grades, then a municipality without a programme (it has no score or gap
 * count to rank; the matrix and the legend show it as "no programme").
 */
function missingRank(row: MatrixRow, key: 'score' | 'gaps'): number {
	if (row.programmeId === null) return 2;
	return (key === 'score' ? row.score : row.gaps) === null ? 1 : 0;
}

export function compareRows(sort: MatrixSort, collator: Intl.Collator) {
	return (a: MatrixRow, b: MatrixRow): number => {
		const byName = collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
		if (sort.key === 'name') return sort.descending ? -byName : byName;
		const missing = missingRank(a, sort.key) - missingRank(b, sort.key);
		if (missing) return missing;
		const x = (sort.key === 'score' ? a.score : a.gaps) ?? 0;
		const y = (sort.key === 'score' ? b.score : b.gaps) ?? 0;
		return (sort.descending ? y - x : x - y) || byName;
	};
}

/**
 * The display row of each query row, kept while the query rows stay the same: regrouping or
 * resorting then hands the grid the very same row objects, so it moves rows instead of
 * re-rendering ~30 cells each. A new answer (a filter change) brings new query rows, but most of
 * them say the same as before (a region more or less leaves the other municipalities' rows as they
 * were): a row with the same content gets the same display row too, so the grid only adds and
 * removes rows.
 */
const rowCache = new WeakMap<GapRow, { locale: string; columns: readonly string[]; row: MatrixRow }>();
const rowsByContent = new Map<string, { columns: readonly string[]; row: MatrixRow }>();
/** About ten filter states' worth of distinct rows, then the content cache starts again. */
const CONTENT_CACHE_ROWS = 4096;

/** Everything of a query row a display row is made of. */
const contentKey = (r: GapRow, locale: string) =>
	JSON.stringify([locale, r.code, r.name_fi, r.name_sv, r.programme_id, r.programmes, r.score, r.weak_parts, r.thin_parts, r.is_synthetic, r.last_update ?? null, r.part_keys, r.part_grades]);

function matrixRow(r: GapRow, locale: string, columns: readonly string[]): MatrixRow {
	const hit = rowCache.get(r);
	if (hit && hit.locale === locale && hit.columns === columns) return hit.row;
	const key = contentKey(r, locale);
	const same = rowsByContent.get(key);
	const row = same && same.columns === columns ? same.row : newMatrixRow(r, locale, columns);
	if (row !== same?.row) {
		if (rowsByContent.size >= CONTENT_CACHE_ROWS) rowsByContent.clear();
		rowsByContent.set(key, { columns, row });
	}
	rowCache.set(r, { locale, columns, row });
	return row;
}

function newMatrixRow(r: GapRow, locale: string, columns: readonly string[]): MatrixRow {
	return {
		code: r.code,
		name: locale === 'sv' && r.name_sv ? r.name_sv : r.name_fi,
		programmeId: r.programme_id,
		programmes: r.programmes,
		score: r.score,
		gaps: r.weak_parts,
		thin: r.thin_parts,
		synthetic: r.is_synthetic === true,
		lastUpdate: r.last_update ?? null,
		grades: r.programme_id === null ? null : rowGrades(r, columns)
	};
}

export function buildMatrix(rows: readonly GapRow[], opts: BuildOptions): MatrixGroup[] {
	const columns = opts.columns ?? MATRIX_PARTS;
	const collator = new Intl.Collator(opts.locale === 'sv' ? 'sv-FI' : 'fi-FI', { sensitivity: 'base', numeric: true });
	const groups = new Map<string, MatrixGroup>();
	for (const r of rows) {
		if (opts.onlyCovered && r.programme_id === null) continue;
		const code = groupCode(r, opts.grouping);
		let g = groups.get(code);
		if (!g) groups.set(code, (g = { code, label: opts.groupLabel(opts.grouping, code), rows: [], withProgramme: 0, meanScore: null }));
		g.rows.push(matrixRow(r, opts.locale, columns));
	}
	const compare = compareRows(opts.sort, collator);
	for (const g of groups.values()) {
		g.rows.sort(compare);
		g.withProgramme = g.rows.filter((r) => r.programmeId !== null).length;
		const scores = g.rows.map((r) => r.score).filter((s): s is number => s !== null);
		g.meanScore = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
	}
	return [...groups.values()].sort((a, b) => collator.compare(a.label, b.label) || (a.code < b.code ? -1 : 1));
}

/** Counts of each grade over the shown rows (for the legend and the summary line). */
export function gradeCounts(groups: readonly MatrixGroup[]): Record<CellGrade | 'noProgramme', number> {
	const out = { answered: 0, thin: 0, placeholder: 0, empty: 0, missing: 0, ungraded: 0, noProgramme: 0 };
	for (const g of groups)
		for (const r of g.rows) {
			if (!r.grades) out.noProgramme++;
			else for (const grade of r.grades) out[grade]++;
		}
	return out;
}

export interface CsvLabels {
	group: string;
	code: string;
	municipality: string;
	programme: string;
	programmes: string;
	score: string;
	gaps: string;
	thin: string;
	synthetic: string;
	/** Column heading of the last update (optional: omitted, no column). */
	lastUpdate?: string;
	/** Written in every part column of a row without a programme. */
	noProgramme: string;
	/** A part column's header (default: its canonical key). */
	part?: (key: string) => string;
	/** A grade in words (default: its code). */
	grade?: (grade: CellGrade) => string;
}

/**
 * The matrix as download columns (for src/lib/export/csv.ts `toCsv` or the page's downloads):
 * one row per municipality, in the order shown; part columns are headed by `labels.part` and hold
 * `labels.grade` (the page passes the UI language's names; the codes by default), one word per
 * grade, so a spreadsheet can filter on them.
 */
export function matrixCsvColumns(labels: CsvLabels, columns: readonly string[] = MATRIX_PARTS) {
	type Line = { group: MatrixGroup; row: MatrixRow };
	return [
		{ label: labels.group, value: (l: Line) => l.group.label },
		{ label: labels.code, value: (l: Line) => l.row.code },
		{ label: labels.municipality, value: (l: Line) => l.row.name },
		{ label: labels.programme, value: (l: Line) => l.row.programmeId },
		{ label: labels.programmes, value: (l: Line) => l.row.programmes },
		{ label: labels.score, value: (l: Line) => (l.row.score === null ? null : Math.round(l.row.score * 1000) / 1000) },
		{ label: labels.gaps, value: (l: Line) => l.row.gaps },
		{ label: labels.thin, value: (l: Line) => l.row.thin },
		{ label: labels.synthetic, value: (l: Line) => (l.row.programmeId === null ? null : l.row.synthetic) },
		...(labels.lastUpdate ? [{ label: labels.lastUpdate, value: (l: Line) => l.row.lastUpdate }] : []),
		...columns.map((key, i) => ({
			label: labels.part ? labels.part(key) : key,
			value: (l: Line) => (l.row.grades ? (labels.grade ? labels.grade(l.row.grades[i]) : l.row.grades[i]) : labels.noProgramme)
		}))
	];
}

export function matrixLines(groups: readonly MatrixGroup[]) {
	return groups.flatMap((group) => group.rows.map((row) => ({ group, row })));
}

// ————————————————————————————————————————— keyboard

export interface GridPosition {
	row: number;
	col: number;
}

/**
 * Where a key moves the focus in a grid of `rows` × `cols` (rows across all groups): arrows by
 * one, Home/End to the row's ends (with Ctrl: the grid's corners), PageUp/PageDown by `page`
 * rows. Null for keys that do not move. Never leaves the grid.
 */
export function nextPosition(
	at: GridPosition,
	key: string,
	size: { rows: number; cols: number },
	opts: { ctrl?: boolean; page?: number } = {}
): GridPosition | null {
	if (size.rows < 1 || size.cols < 1) return null;
	const page = opts.page ?? 10;
	const clampRow = (r: number) => Math.max(0, Math.min(size.rows - 1, r));
	const clampCol = (c: number) => Math.max(0, Math.min(size.cols - 1, c));
	const { row, col } = { row: clampRow(at.row), col: clampCol(at.col) };
	switch (key) {
		case 'ArrowUp':
			return { row: clampRow(row - 1), col };
		case 'ArrowDown':
			return { row: clampRow(row + 1), col };
		case 'ArrowLeft':
			return { row, col: clampCol(col - 1) };
		case 'ArrowRight':
			return { row, col: clampCol(col + 1) };
		case 'Home':
			return opts.ctrl ? { row: 0, col: 0 } : { row, col: 0 };
		case 'End':
			return opts.ctrl ? { row: size.rows - 1, col: size.cols - 1 } : { row, col: size.cols - 1 };
		case 'PageUp':
			return { row: clampRow(row - page), col };
		case 'PageDown':
			return { row: clampRow(row + page), col };
		default:
			return null;
	}
}

/** What the gap matrix grid is given; GapMatrix hands all of it to its phone cards (GapCards). */
export interface GapViewProps {
	groups: MatrixGroup[];
	/** Part keys, one column each. */
	columns: readonly string[];
	sort: MatrixSort;
	onsort: (key: SortKey) => void;
	/** A part cell was activated (click, Enter, Space). */
	onopen: (row: MatrixRow, key: string, cell: HTMLElement) => void;
	/** Link to a municipality's profile. */
	profileHref: (code: string) => string;
	/** Id of the element that names the grid. */
	labelledby: string;
	busy?: boolean;
}
