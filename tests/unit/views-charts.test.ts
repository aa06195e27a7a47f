/** The comparison views' chart options: pure functions of plain data. */
import { describe, expect, it } from 'vitest';
import { heatmapOption } from '../../src/lib/charts/heatmap';
import { networkOption } from '../../src/lib/charts/network';

type Series = { type: string; data: { id: string; name: string; category: number }[]; links: { source: string; target: string; value: number }[]; edgeSymbol: string[]; categories: { name: string }[] };

describe('network graph', () => {
	const input = {
		nodes: [
			{ id: '019', name: 'Aura', category: 1 },
			{ id: '430', name: 'Loimaa', category: 1 },
			{ id: '091', name: 'Helsinki', category: 0 },
			{ id: '092', name: 'Vantaa', category: 2 }
		],
		edges: [
			{ source: '430', target: '019', value: 2 },
			{ source: '091', target: '092', value: 1 }
		],
		categories: ['Helsinki', 'Turku', 'Vantaa'],
		description: 'Verkosto',
		edgeLabel: (e: { source: string; target: string }) => `${e.source} → ${e.target}`
	};

	it('draws host → member arrows, employment areas as categories, nodes grouped by area, aria on', () => {
		const o = networkOption(input) as { series: Series[]; aria: { enabled: boolean }; legend: { data: string[] }; color: string[] };
		const s = o.series[0];
		expect(s.type).toBe('graph');
		expect(s.edgeSymbol).toEqual(['none', 'arrow']);
		expect(s.links.map((l) => `${l.source}>${l.target}:${l.value}`)).toEqual(['430>019:2', '091>092:1']);
		expect(s.categories.map((c) => c.name)).toEqual(input.categories);
		expect(o.legend.data).toEqual(input.categories);
		// Ordered by area, then name: each area sits together on the circle.
		expect(s.data.map((n) => n.id)).toEqual(['091', '019', '430', '092']);
		expect(o.aria.enabled).toBe(true);
		// Every area gets its own colour, also past the palette's length.
		const many = networkOption({ ...input, categories: Array.from({ length: 45 }, (_, i) => `alue ${i}`) }) as { color: string[] };
		expect(new Set(many.color).size).toBe(45);
	});

	it('is the same for the same input (no random layout)', () => {
		expect(JSON.stringify(networkOption(input))).toBe(JSON.stringify(networkOption(input)));
	});
});

describe('heatmap', () => {
	it('puts every count in a labelled cell at [column, row] and leaves null cells out', () => {
		const o = heatmapOption({ columns: ['uk', 'ar'], rows: ['Uusimaa', 'Lappi'], values: [[3, null], [0, 5]], description: 'Kielet' }) as {
			series: { data: [number, number, number][]; label: { show: boolean } }[];
			visualMap: { max: number };
			aria: { enabled: boolean };
		};
		expect(o.series[0].data).toEqual([
			[0, 0, 3],
			[0, 1, 0],
			[1, 1, 5]
		]);
		expect(o.series[0].label.show).toBe(true);
		expect(o.visualMap.max).toBe(5);
		expect(o.aria.enabled).toBe(true);
	});
});
