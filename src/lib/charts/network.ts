/**
 * Network graph option: municipalities as nodes grouped (category, colour) by employment area,
 * directed links from host to member. Circular layout with the nodes ordered by area, so each
 * area sits together on the circle and the picture is the same on every draw.
 */
import type { ChartOption } from './echarts';
import { escapeHtml, PALETTE } from './options';

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

/** Enough colours for 45 employment areas without neighbours repeating: the palette, then shades. */
function colour(i: number): string {
	const base = PALETTE[i % PALETTE.length];
	const round = Math.floor(i / PALETTE.length);
	if (round === 0) return base;
	// Darken/lighten in rounds so repeated hues stay distinguishable by lightness.
	const n = parseInt(base.slice(1), 16);
	const f = round % 2 ? 0.65 : 1.25;
	const ch = (shift: number) => Math.max(0, Math.min(255, Math.round(((n >> shift) & 255) * f)));
	return `#${[16, 8, 0].map((s) => ch(s).toString(16).padStart(2, '0')).join('')}`;
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
		textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1a1a1a' },
		aria: { enabled: true, label: { enabled: true, description: p.description } },
		color: p.categories.map((_c, i) => colour(i)),
		legend: { type: 'scroll', top: 0, data: p.categories, textStyle: { color: '#1a1a1a' } },
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
					lineStyle: { width: 1 + Math.min(4, e.value), color: '#4f4f4f', opacity: 0.8, curveness: 0.15 }
				})),
				edgeSymbol: ['none', 'arrow'],
				edgeSymbolSize: 9,
				label: { show: true, position: 'right', color: '#1a1a1a', formatter: (x: { data: { name: string } }) => x.data.name },
				emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
				lineStyle: { color: '#4f4f4f' }
			}
		]
	};
}
