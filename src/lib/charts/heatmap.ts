/**
 * Heatmap option (rows × columns of counts) for the comparison views. Each cell carries its
 * number as a label, so the colour is never the only way to read it; aria and decals on as in
 * ./options.ts.
 */
import type { ChartOption } from './echarts';
import { escapeHtml, SEQUENTIAL } from './options';

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
		textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1a1a1a' },
		aria: { enabled: true, label: { enabled: true, description: p.description } },
		tooltip: {
			trigger: 'item',
			formatter: (x: { value: [number, number, number] }) =>
				`${escapeHtml(p.rows[x.value[1]] ?? '')} · ${escapeHtml(p.columns[x.value[0]] ?? '')}: ${escapeHtml(fmt(x.value[2]))}`
		},
		grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
		xAxis: {
			type: 'category',
			position: 'top',
			data: p.columns,
			axisLabel: { color: '#1a1a1a', interval: 0, rotate: p.columns.length > 6 ? 30 : 0 },
			splitArea: { show: true }
		},
		yAxis: { type: 'category', data: p.rows, inverse: true, axisLabel: { color: '#1a1a1a', interval: 0 }, splitArea: { show: true } },
		visualMap: {
			show: false,
			min: 0,
			max: Math.max(1, max),
			inRange: { color: ['#f7fbff', ...SEQUENTIAL] }
		},
		series: [
			{
				type: 'heatmap',
				data,
				label: {
					show: true,
					formatter: (x: { value: [number, number, number] }) => fmt(x.value[2]),
					color: '#1a1a1a',
					textBorderColor: '#fff',
					textBorderWidth: 2
				},
				itemStyle: { borderColor: '#fff', borderWidth: 1 },
				emphasis: { itemStyle: { borderColor: '#1a1a1a', borderWidth: 2 } }
			}
		]
	};
}
