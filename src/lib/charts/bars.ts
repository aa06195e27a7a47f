/**
 * Bar charts' pure parts: the value scale, each category's marks (where they start and how long they
 * are, as shares of the scale; the value written on them, or not), the series' patterns, and the
 * whole chart as one SVG document for the PNG download. ./Bars.svelte draws the marks as HTML boxes
 * that Svelte updates in place: a filter change sets only the sizes and labels that changed, where
 * ECharts ran its layout, label placement and decal patterns again for every bar chart on every
 * change (about 30 ms of the overview's redraw on this project's machines).
 */
import { charWidth, escapeHtml, svgNote } from './options';
import { inkOn, patternOf, SCREEN as T } from './theme';

export interface BarSeries {
	name: string;
	values: (number | null)[];
	color?: string;
}

export interface BarInput {
	/** Category labels as shown (already translated). */
	categories: string[];
	series: BarSeries[];
	/** Bars grow to the right, categories top to bottom (long labels read better). */
	horizontal?: boolean;
	stacked?: boolean;
	/** Axis title for the values. */
	valueName?: string;
	/** How a value is written (labels, ticks, tooltip). */
	format?: (n: number) => string;
}

/** A click on a category's bars or label. */
export interface BarClick {
	dataIndex: number;
	/** The category's label. */
	name: string;
	/** The series of the bar clicked (none when the click was on the label or beside the bars). */
	seriesName?: string;
}

/** The value axis: from 0 to `max`, gridlines at `ticks`. */
export interface Scale {
	max: number;
	ticks: number[];
}

/** A round scale over 0…max in about `target` whole-number steps of 1, 2 or 5 × 10^k (the values are counts). */
export function valueScale(max: number, target = 5): Scale {
	if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 1] };
	const raw = max / target;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!);
	const top = Math.ceil(max / step) * step;
	const ticks: number[] = [];
	for (let t = 0; t <= top; t += step) ticks.push(t);
	return { max: top, ticks };
}

/** One bar, or one segment of a stacked bar. */
export interface BarMark {
	series: number;
	value: number | null;
	/** Where it starts and how long it is, as shares of the scale (0–1). */
	start: number;
	size: number;
	/** The value as written on the mark; '' where none is shown (no value, zero, a sliver of a stack). */
	label: string;
}

export interface BarRow {
	index: number;
	category: string;
	marks: BarMark[];
}

export interface BarLegendItem {
	name: string;
	color: string;
	/** Text drawn on this series' marks (stacked labels sit inside them). */
	ink: string;
	/** Path data of the series' pattern on a 6 × 6 tile ('' for none). */
	pattern: string;
}

/** What a bar chart draws, computed once per new data (the component and the PNG document both draw it). */
export interface BarLayout {
	rows: BarRow[];
	series: BarLegendItem[];
	scale: Scale;
	/** The ticks as written. */
	tickLabels: string[];
	horizontal: boolean;
	stacked: boolean;
	valueName?: string;
}

/** Below this share of the longest bar a stacked segment is not labelled: the label would overlap its neighbours. */
const SLIVER = 0.06;

export function barLayout(p: BarInput): BarLayout {
	const fmt = p.format ?? String;
	const stacked = !!p.stacked;
	const positive = (v: number | null | undefined) => Math.max(0, v ?? 0);
	const length = (i: number) =>
		stacked ? p.series.reduce((sum, s) => sum + positive(s.values[i]), 0) : Math.max(0, ...p.series.map((s) => positive(s.values[i])));
	const longest = Math.max(0, ...p.categories.map((_, i) => length(i)));
	const scale = valueScale(longest);
	const rows = p.categories.map((category, index) => {
		let at = 0;
		const marks = p.series.map((s, series): BarMark => {
			const value = s.values[index] ?? null;
			const v = positive(value);
			const start = stacked ? at : 0;
			if (stacked) at += v;
			const shown = value !== null && value !== 0 && !(stacked && v / Math.max(1, longest) < SLIVER);
			return { series, value, start: start / scale.max, size: v / scale.max, label: shown ? fmt(value) : '' };
		});
		return { index, category, marks };
	});
	const series = p.series.map((s, i) => {
		const color = s.color ?? T.palette[i % T.palette.length];
		// Past the palette's end the colours repeat: the patterns shift by one each round, so no two series look alike.
		return { name: s.name, color, ink: inkOn(color), pattern: patternOf(i + Math.floor(i / T.palette.length)) };
	});
	return { rows, series, scale, tickLabels: scale.ticks.map(fmt), horizontal: !!p.horizontal, stacked, valueName: p.valueName };
}

/** A series' pattern stroked in its ink, on a 6 × 6 tile ('' for none): the page's background image and the PNG's SVG pattern draw the same. */
function patternStroke(s: BarLegendItem): string {
	return s.pattern ? `<path d="${s.pattern}" stroke="${s.ink}" stroke-opacity="0.45" stroke-width="0.8" fill="none"/>` : '';
}

/** A series' pattern as a CSS background image over its colour ('none' for the first series). */
export function patternImage(s: BarLegendItem): string {
	if (!s.pattern) return 'none';
	const tile = `<svg xmlns="http://www.w3.org/2000/svg" width="6" height="6">${patternStroke(s)}</svg>`;
	return `url("data:image/svg+xml,${encodeURIComponent(tile)}")`;
}

/** The tooltip of a category: its name, then each series' value (– for none). */
export function barTip(layout: BarLayout, row: BarRow, format: (n: number) => string = String): string[] {
	return [row.category, ...row.marks.map((m) => `${layout.series[m.series].name}: ${m.value === null ? '–' : format(m.value)}`)];
}

/** The document's measures, in px: text is not measured, so labels are cut by an estimated width per character. */
const DOC = { width: 720, font: 12, charWidth: charWidth(12), top: 34, legendLine: 22, row: 28, groupBar: 12, plotHeight: 220, valueRoom: 56 };

/** `text` cut to about `width` px with an ellipsis. */
function fit(text: string, width: number): string {
	const chars = Math.max(1, Math.floor(width / DOC.charWidth));
	return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/**
 * The chart as a standalone SVG document (what the PNG download draws): a white background, the
 * title, the legend with each series' colour and pattern, gridlines with their values, the bars
 * with their value labels and the category labels, and under them `about` (what the file says about
 * itself: filters, data version, the synthetic share). Fixed width; the height follows the rows.
 */
export function barsDocument(layout: BarLayout, title: string, about: readonly string[] = []): { svg: string; width: number; height: number } {
	const { rows, series, scale, tickLabels } = layout;
	const width = DOC.width;
	const family = `font-family="${escapeHtml(T.font)}"`;
	const text = (x: number, y: number, s: string, anchor: 'start' | 'middle' | 'end' = 'start', fill = T.ink) =>
		`<text x="${x}" y="${y}" ${family} font-size="${DOC.font}" text-anchor="${anchor}" fill="${fill}">${escapeHtml(s)}</text>`;
	const parts: string[] = [];
	const fill = (i: number) => `url(#s${i})`;
	// Legend: swatches and names on lines of their own width.
	let x = 8;
	let y = DOC.top;
	if (series.length > 1) {
		for (const [i, s] of series.entries()) {
			const w = 14 + 6 + s.name.length * DOC.charWidth + 16;
			if (x + w > width && x > 8) {
				x = 8;
				y += DOC.legendLine;
			}
			parts.push(`<rect x="${x}" y="${y}" width="14" height="14" fill="${fill(i)}" stroke="${T.ink}" stroke-width="0.5"/>`, text(x + 20, y + 12, s.name));
			x += w;
		}
		y += DOC.legendLine + 4;
	}
	const grouped = !layout.stacked && series.length > 1;
	const round = (n: number) => Math.round(n * 10) / 10;
	let height: number;
	if (layout.horizontal) {
		const longestLabel = Math.max(1, ...rows.map((r) => r.category.length));
		const labelWidth = Math.min(220, 12 + longestLabel * DOC.charWidth);
		const plotX = labelWidth + 8;
		const plotWidth = width - plotX - DOC.valueRoom;
		const rowHeight = grouped ? 8 + series.length * (DOC.groupBar + 2) : DOC.row;
		const top = y;
		const bottom = top + rows.length * rowHeight;
		scale.ticks.forEach((t, i) => {
			const tx = round(plotX + (t / scale.max) * plotWidth);
			parts.push(`<line x1="${tx}" y1="${top}" x2="${tx}" y2="${bottom}" stroke="${T.outside}"/>`, text(tx, bottom + 14, tickLabels[i], 'middle'));
		});
		for (const [r, row] of rows.entries()) {
			const ry = top + r * rowHeight;
			parts.push(text(labelWidth, ry + rowHeight / 2 + 4, fit(row.category, labelWidth - 12), 'end'));
			for (const m of row.marks) {
				const bx = round(plotX + m.start * plotWidth);
				const bw = round(m.size * plotWidth);
				const by = grouped ? ry + 4 + m.series * (DOC.groupBar + 2) : ry + 5;
				const bh = grouped ? DOC.groupBar : rowHeight - 10;
				if (bw > 0) parts.push(`<rect x="${bx}" y="${by}" width="${bw}" height="${bh}" fill="${fill(m.series)}"/>`);
				if (!m.label) continue;
				parts.push(
					layout.stacked
						? text(round(bx + bw / 2), by + bh / 2 + 4, m.label, 'middle', series[m.series].ink)
						: text(round(bx + bw + 4), by + bh / 2 + 4, m.label)
				);
			}
		}
		if (layout.valueName) parts.push(text(round(plotX + plotWidth / 2), bottom + 32, layout.valueName, 'middle'));
		height = bottom + (layout.valueName ? 42 : 24);
	} else {
		const plotX = 48;
		const plotWidth = width - plotX - 8;
		if (layout.valueName) {
			parts.push(text(8, y + 10, layout.valueName));
			y += 18;
		}
		const top = y + 16;
		const bottom = top + DOC.plotHeight;
		const column = plotWidth / Math.max(1, rows.length);
		scale.ticks.forEach((t, i) => {
			const ty = round(bottom - (t / scale.max) * DOC.plotHeight);
			parts.push(`<line x1="${plotX}" y1="${ty}" x2="${width - 8}" y2="${ty}" stroke="${T.outside}"/>`, text(plotX - 6, ty + 4, tickLabels[i], 'end'));
		});
		for (const [c, row] of rows.entries()) {
			const cx = plotX + c * column;
			const barWidth = (column * 0.6) / (grouped ? series.length : 1);
			for (const m of row.marks) {
				const bx = round(cx + column * 0.2 + (grouped ? m.series * barWidth : 0));
				const bh = round(m.size * DOC.plotHeight);
				const by = round(bottom - (m.start + m.size) * DOC.plotHeight);
				if (bh > 0) parts.push(`<rect x="${bx}" y="${by}" width="${round(barWidth)}" height="${bh}" fill="${fill(m.series)}"/>`);
				if (!m.label) continue;
				parts.push(
					layout.stacked
						? text(round(bx + barWidth / 2), round(by + bh / 2 + 4), m.label, 'middle', series[m.series].ink)
						: text(round(bx + barWidth / 2), by - 4, m.label, 'middle')
				);
			}
			parts.push(text(round(cx + column / 2), bottom + 16, fit(row.category, column - 4), 'middle'));
		}
		height = bottom + 28;
	}
	const patterns = series
		.map(
			(s, i) =>
				`<pattern id="s${i}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${s.color}"/>${patternStroke(s)}</pattern>`
		)
		.join('');
	const note = svgNote(about, 8, height, width - 16);
	parts.push(note.svg);
	height = Math.ceil(height + note.height);
	return {
		width,
		height,
		svg:
			`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
			`<defs>${patterns}</defs><rect width="100%" height="100%" fill="${T.background}"/>` +
			`<text x="8" y="20" ${family} font-size="15" font-weight="600" fill="${T.ink}">${escapeHtml(title)}</text>` +
			parts.join('') +
			`</svg>`
	};
}
