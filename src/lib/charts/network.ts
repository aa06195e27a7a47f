/**
 * Network graph option: municipalities as nodes grouped (category, colour) by employment area,
 * directed links from host to member. Circular layout with the nodes ordered by area, so each
 * area sits together on the circle and the picture is the same on every draw.
 */
import type { ChartOption } from './echarts';
import { escapeHtml, PALETTE } from './options';
import { SCREEN as T } from './theme';

export interface NetworkNode {
	id: string;
	/** Display name. */
	name: string;
	/** Index into `categories`. */
	category: number;
}

export interface NetworkEdge {
	source: string;
	target: string;
	/** Weight (e.g. programmes describing the link); drawn as line width and in the tooltip. */
	value: number;
}

export interface NetworkInput {
	nodes: NetworkNode[];
	edges: NetworkEdge[];
	categories: string[];
	description: string;
	/** Tooltip text of a link, e.g. "Loimaa → Aura: 1 programme". */
	edgeLabel: (edge: NetworkEdge) => string;
}

/** HSL (degrees, 0–1, 0–1) → #rrggbb. */
function hsl(h: number, sat: number, light: number): string {
	const a = sat * Math.min(light, 1 - light);
	const f = (n: number) => {
		const k = (n + h / 30) % 12;
		const c = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		return Math.round(c * 255)
			.toString(16)
			.padStart(2, '0');
	};
	return `#${f(0)}${f(8)}${f(4)}`;
}

/**
 * Enough distinct colours for 45 employment areas: the colour-blind-safe palette first, then hues
 * spaced by the golden angle in three lightness steps (neighbours differ in hue and lightness).
 */
export function areaColour(i: number): string {
	if (i < PALETTE.length) return PALETTE[i];
	const n = i - PALETTE.length;
	return hsl((n * 137.508) % 360, 0.65, [0.35, 0.5, 0.65][n % 3]);
}

export function networkOption(p: NetworkInput): ChartOption {
	const ordered = [...p.nodes].sort((a, b) => a.category - b.category || a.name.localeCompare(b.name, 'fi'));
	const degree = new Map<string, number>();
	for (const e of p.edges) {
		degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
		degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
	}
	return {
		animation: false,
		textStyle: { fontFamily: T.font, color: T.ink },
		aria: { enabled: true, label: { enabled: true, description: p.description } },
		color: p.categories.map((_c, i) => areaColour(i)),
		legend: { type: 'scroll', top: 0, data: p.categories, textStyle: { color: T.ink } },
		tooltip: {
			trigger: 'item',
			formatter: (x: { dataType: string; data: { id?: string; name?: string; source?: string; target?: string; value?: number } }) => {
				if (x.dataType === 'edge') {
					const e = x.data as NetworkEdge;
					return escapeHtml(p.edgeLabel(e));
				}
				return escapeHtml(x.data.name ?? '');
			}
		},
		series: [
			{
				type: 'graph',
				layout: 'circular',
				circular: { rotateLabel: true },
				top: 90,
				bottom: 70,
				left: 110,
				right: 110,
				roam: false,
				categories: p.categories.map((name) => ({ name })),
				data: ordered.map((n) => ({
					id: n.id,
					name: n.name,
					category: n.category,
					symbolSize: 8 + 4 * Math.min(6, degree.get(n.id) ?? 0),
					symbol: (degree.get(n.id) ?? 0) > 1 ? 'circle' : 'diamond'
				})),
				links: p.edges.map((e) => ({
					source: e.source,
					target: e.target,
					value: e.value,
					lineStyle: { width: 1 + Math.min(4, e.value), color: T.muted, opacity: 0.8, curveness: 0.15 }
				})),
				edgeSymbol: ['none', 'arrow'],
				edgeSymbolSize: 9,
				label: { show: true, position: 'right', color: T.ink, formatter: (x: { data: { name: string } }) => x.data.name },
				emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
				lineStyle: { color: T.muted }
			}
		]
	};
}
