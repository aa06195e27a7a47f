/**
 * The charts' look, declared once: colours, type and spacing shared by every option builder
 * (./options.ts, ./heatmap.ts, ./network.ts, ./map-measures.ts), matching the page's CSS
 * variables (src/lib/components/global.css: --ink, --muted, --rule), and a print variant that
 * the `echart` action merges in while the page is printed.
 */
import type { ChartOption } from './echarts';

export interface ChartTheme {
	/** Text and strong outlines. */
	ink: string;
	/** Secondary lines (network edges). */
	muted: string;
	/** Borders between marks (bars in a stack, map areas, heatmap cells). */
	separator: string;
	/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
	palette: readonly string[];
	/** Ordered classes, light → dark, and the lightest "zero" cell of a heatmap. */
	sequential: readonly string[];
	sequentialZero: string;
	/** The map's classes that are not values: outside the filters, no programme, not graded. */
	outside: string;
	noProgramme: string;
	notGraded: string;
	/** The hovered map area. */
	highlight: string;
	/** Weak grades, worst darkest (the overview's missing-parts chart). */
	grades: { missing: string; empty: string; placeholder: string; thin: string };
	/** Severity of a disagreement between programmes: sharp, then milder. */
	severity: { disjoint: string; partial: string };
	/** "Nothing" as its own class: no provider, no language named; and a single neutral series. */
	nothing: string;
	noneNamed: string;
	neutral: string;
	/** Behind a chart downloaded as PNG. */
	background: string;
	font: string;
	/** Grid margins in px: charts leave room for labels with `containLabel`. */
	spacing: { edge: number };
}

export const SCREEN: ChartTheme = {
	ink: '#1a1a1a',
	muted: '#4f4f4f',
	separator: '#ffffff',
	palette: ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'],
	sequential: ['#c6dbef', '#6baed6', '#2171b5', '#08306b'],
	sequentialZero: '#f7fbff',
	outside: '#e0e0e0',
	noProgramme: '#f4a582',
	notGraded: '#bdbdbd',
	highlight: '#ffd54f',
	grades: { missing: '#7f2704', empty: '#d94801', placeholder: '#fd8d3c', thin: '#6a51a3' },
	severity: { disjoint: '#a4001d', partial: '#E69F00' },
	nothing: '#9e9e9e',
	noneNamed: '#fee391',
	neutral: '#767676',
	background: '#ffffff',
	font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
	spacing: { edge: 8 }
};

/**
 * Patterns that tell series and classes apart without colour, as path data on a 6 × 6 tile: none,
 * diagonal lines, dots, cross-hatch. The bars show them on screen and in print, the map in print
 * (./SvgMap.svelte), both PNG documents as SVG patterns.
 */
export const PATTERNS: readonly string[] = ['', 'M0 6L6 0', 'M2 2h1v1h-1z', 'M0 6L6 0M0 0L6 6'];

/** The pattern of series or class `i` (they repeat after four). */
export const patternOf = (i: number): string => PATTERNS[i % PATTERNS.length];

/** Relative luminance (WCAG 2) of a `#rrggbb` colour. */
function luminance(hex: string): number {
	const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
	return (x + 0.05) / (y + 0.05);
}

/**
 * Text on a filled mark: black or white (the separator), whichever contrasts more. One of the two is
 * always at least 4.58:1 (WCAG AA), whatever the fill.
 */
export function inkOn(background: string): string {
	return contrast(PRINT.ink, background) >= contrast(SCREEN.separator, background) ? PRINT.ink : SCREEN.separator;
}

/** Paper: pure black text, and patterns on every series so a greyscale print still tells them apart (the SVG map patterns its classes itself). */
export const PRINT: Pick<ChartTheme, 'ink'> = { ink: '#000000' };

/**
 * What to merge into a drawn option for printing (ECharts' setOption merges by component):
 * darker text, and decal patterns on.
 */
export function printPatch(option: ChartOption): ChartOption {
	// After printing the action sets the screen option again (notMerge), which undoes this.
	const aria = (option.aria ?? {}) as Record<string, unknown>;
	return {
		textStyle: { color: PRINT.ink },
		aria: { ...aria, enabled: true, decal: { show: true } }
	};
}

