import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoJsonToSvg, LONGITUDE_SCALE } from '../../src/lib/charts/finland';

const square = (x0: number, y0: number, s: number, clockwise = false): [number, number][] => {
	const ring: [number, number][] = [
		[x0, y0],
		[x0 + s, y0],
		[x0 + s, y0 + s],
		[x0, y0 + s],
		[x0, y0]
	];
	return clockwise ? ring.reverse() : ring;
};

const paths = (svg: string) => [...svg.matchAll(/<path name="([^"]*)" d="([^"]*)"\/>/g)].map((m) => ({ name: m[1], d: m[2] }));
const points = (d: string) => d.split(/[MLZ]/).filter(Boolean).map((p) => p.split(' ').map(Number));

describe('the Finland map as an SVG (ECharts restyles an SVG map instead of rebuilding it)', () => {
	const geo = {
		features: [
			// A square with a square hole (Espoo around Kauniainen), and a municipality of two islands.
			{ properties: { kunta: '049' }, geometry: { type: 'Polygon' as const, coordinates: [square(20, 60, 2), square(20.5, 60.5, 1, true)] } },
			{ properties: { kunta: '035' }, geometry: { type: 'MultiPolygon' as const, coordinates: [[square(22, 61, 1)], [square(24, 62, 1)]] } },
			{ properties: { kunta: 'a"<b' }, geometry: { type: 'Polygon' as const, coordinates: [square(21, 60, 1)] } }
		]
	};
	const svg = geoJsonToSvg(geo, 'kunta');

	it('draws each feature as one path named by its code, every ring a closed subpath', () => {
		const p = paths(svg);
		expect(p.map((x) => x.name)).toEqual(['049', '035', 'a&quot;&lt;b']);
		expect(p.map((x) => x.d.match(/M/g)!.length)).toEqual([2, 2, 1]);
		expect(p.every((x) => x.d.split('M').slice(1).every((ring) => ring.endsWith('Z')))).toBe(true);
	});

	it('puts north up and draws a longitude degree LONGITUDE_SCALE times a latitude degree', () => {
		const [espoo] = paths(svg);
		const outer = points(espoo.d.split('Z')[0]);
		// (20, 60) is the south-west corner: the left edge and the bottom of the drawing (y grows downwards).
		const ys = outer.map(([, y]) => y);
		expect(outer[0][0]).toBe(0);
		expect(outer[0][1]).toBe(Math.max(...ys));
		const width = Math.max(...outer.map(([x]) => x)) - Math.min(...outer.map(([x]) => x));
		const height = Math.max(...ys) - Math.min(...ys);
		expect(width / height).toBeCloseTo(LONGITUDE_SCALE, 2);
		// The whole map fits the viewBox from its origin.
		const [w, h] = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/)!.slice(1).map(Number);
		const all = paths(svg).flatMap((x) => points(x.d));
		expect(Math.max(...all.map(([x]) => x))).toBe(w);
		expect(Math.max(...all.map(([, y]) => y))).toBe(h);
		expect(Math.min(...all.flat())).toBe(0);
	});

	it('keeps every municipality of the bundled boundaries, by code', () => {
		const real = JSON.parse(readFileSync('data/reference/municipalities.geojson', 'utf8')) as { features: { properties: { kunta: string } }[] };
		const names = paths(geoJsonToSvg(real as never, 'kunta')).map((x) => x.name);
		expect(names).toEqual(real.features.map((f) => f.properties.kunta));
		expect(new Set(names).size).toBe(308);
	});
});
