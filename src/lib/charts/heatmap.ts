/**
 * Heatmap option (rows × columns of counts) for the comparison views. Each cell carries its
 * number as a label, so the colour is never the only way to read it; aria on, with a description.
 */
import type { ChartOption } from './echarts';
import { escapeHtml } from './options';
import { SCREEN as T } from './theme';

export interface HeatmapInput {
	/** Column labels (x axis, top). */
	columns: string[];
	/** Row labels (y axis). */
	rows: string[];
	/** values[row][column]; null = no value (blank cell). */
	values: (number | null)[][];
	description: string;
	format?: (n: number) => string;
}

export function heatmapOption(p: HeatmapInput): ChartOption {
	const fmt = p.format ?? ((n: number) => String(n));
	const data: [number, number, number][] = [];
	let max = 0;
	p.values.forEach((row, y) =>
		row.forEach((v, x) => {
			if (v === null || v === undefined) return;
			data.push([x, y, v]);
			max = Math.max(max, v);
		})
	);
	return {
		animation: false,
		textStyle: { fontFamily: T.font, color: T.ink },
		aria: { enabled: true, label: { enabled: true, description: p.description } },
		tooltip: {
			trigger: 'item',
			formatter: (x: { value: [number, number, number] }) =>
				`${escapeHtml(p.rows[x.value[1]] ?? '')} · ${escapeHtml(p.columns[x.value[0]] ?? '')}: ${escapeHtml(fmt(x.value[2]))}`
		},
		grid: { left: T.spacing.edge, right: 16, top: T.spacing.edge, bottom: T.spacing.edge, containLabel: true },
		xAxis: {
			type: 'category',
			position: 'top',
			data: p.columns,
			axisLabel: { color: T.ink, interval: 0, rotate: p.columns.length > 6 ? 30 : 0 },
			splitArea: { show: true }
		},
		yAxis: { type: 'category', data: p.rows, inverse: true, axisLabel: { color: T.ink, interval: 0 }, splitArea: { show: true } },
		visualMap: {
			show: false,
			min: 0,
			max: Math.max(1, max),
			inRange: { color: [T.sequentialZero, ...T.sequential] }
		},
		series: [
			{
				type: 'heatmap',
				data,
				label: {
					show: true,
					formatter: (x: { value: [number, number, number] }) => fmt(x.value[2]),
					color: T.ink,
					textBorderColor: T.separator,
					textBorderWidth: 2
				},
				itemStyle: { borderColor: T.separator, borderWidth: 1 },
				emphasis: { itemStyle: { borderColor: T.ink, borderWidth: 2 } }
			}
		]
	};
}
