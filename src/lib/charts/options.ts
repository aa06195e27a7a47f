/**
 * ECharts options as pure functions of plain data, so charts are thin and the options testable.
 *
 * Every option: `aria` on with a description in the UI language and decal patterns (series are
 * told apart by pattern as well as colour), value labels on the marks, no animation (it only
 * delays reading, and honours reduced motion).
 */
import type { ChartOption } from './echarts';
import { SCREEN as T } from './theme';

/** The theme's colours under the names the views use (./theme.ts declares them). */
export const PALETTE = T.palette;
export const SEQUENTIAL = T.sequential;
export const NO_PROGRAMME = T.noProgramme;
export const OUTSIDE = T.outside;

/** Escapes text for ECharts' HTML tooltips (names could one day come from data). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function base(description: string): ChartOption {
	return {
		animation: false,
		textStyle: { fontFamily: T.font, color: T.ink },
		aria: { enabled: true, label: { enabled: true, description }, decal: { show: true } },
		color: [...PALETTE]
	};
}

export interface BarSeries {
	name: string;
	values: (number | null)[];
	color?: string;
}

export interface BarOptionInput {
	categories: string[];
	series: BarSeries[];
	/** Bars grow to the right, categories top to bottom (long labels read better). */
	horizontal?: boolean;
	stacked?: boolean;
	/** Axis title for the values. */
	valueName?: string;
	/** Axis title for the categories. */
	categoryName?: string;
	format?: (n: number) => string;
	/** What the chart shows, in words (read by screen readers). */
	description: string;
}

export function barOption(p: BarOptionInput): ChartOption {
	const fmt = p.format ?? ((n: number) => String(n));
	// Inside stacked bars, a label on a sliver would overlap its neighbours: label segments of at
	// least 6 % of the longest bar (every value is in the table and the tooltip anyway).
	const longest = Math.max(
		1,
		...p.categories.map((_, i) => p.series.reduce((sum, s) => sum + (p.stacked ? (s.values[i] ?? 0) : 0), 0))
	);
	const tooSmall = (v: number) => p.stacked && v / longest < 0.06;
	const manyCategories = !p.horizontal && p.categories.length > 6;
	const categoryAxis = {
		type: 'category',
		data: p.categories,
		name: p.categoryName,
		nameLocation: 'middle',
		nameGap: p.horizontal ? 0 : 28,
		inverse: !!p.horizontal,
		axisLabel: {
			color: T.ink,
			// Long part names are cut with an ellipsis (the full name is in the tooltip and the table).
			width: p.horizontal ? 210 : undefined,
			overflow: 'truncate',
			ellipsis: '…',
			interval: 0,
			rotate: manyCategories ? 35 : 0
		},
		axisTick: { alignWithLabel: true }
	};
	const valueAxis = {
		type: 'value',
		name: p.valueName,
		nameLocation: 'middle',
		nameGap: T.spacing.axisName,
		minInterval: 1,
		axisLabel: { color: T.ink, formatter: (v: number) => fmt(v) }
	};
	const multi = p.series.length > 1;
	return {
		...base(p.description),
		grid: { left: T.spacing.edge, right: 48, top: multi ? T.spacing.legend : 16, bottom: p.horizontal ? 36 : manyCategories ? 64 : 44, containLabel: true },
		legend: multi ? { top: 0, textStyle: { color: T.ink } } : undefined,
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : escapeHtml(fmt(v)))
		},
		xAxis: p.horizontal ? valueAxis : categoryAxis,
		yAxis: p.horizontal ? categoryAxis : valueAxis,
		series: p.series.map((s, i) => ({
			type: 'bar',
			name: s.name,
			data: s.values,
			stack: p.stacked ? 'total' : undefined,
			itemStyle: { color: s.color ?? PALETTE[i % PALETTE.length], borderColor: T.separator, borderWidth: p.stacked ? 1 : 0 },
			label: {
				show: true,
				position: p.stacked ? 'inside' : p.horizontal ? 'right' : 'top',
				color: p.stacked ? T.separator : T.ink,
				textBorderColor: p.stacked ? T.ink : undefined,
				textBorderWidth: p.stacked ? 2 : 0,
				formatter: (x: { value: number | null }) => (x.value && !tooSmall(x.value) ? fmt(x.value) : '')
			},
			barMaxWidth: 48
		}))
	};
}
