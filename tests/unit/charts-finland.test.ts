import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finlandGeometry, geoJsonPaths, LONGITUDE_SCALE } from '../../src/lib/charts/finland';

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

const points = (d: string) => d.split(/[MLZ]/).filter(Boolean).map((p) => p.split(' ').map(Number));

describe('the Finland map as SVG paths', () => {
	const geo = {
		features: [
			// A square with a square hole (Espoo around Kauniainen), and a municipality of two islands.
			{ properties: { kunta: '049' }, geometry: { type: 'Polygon' as const, coordinates: [square(20, 60, 2), square(20.5, 60.5, 1, true)] } },
			{ properties: { kunta: '035' }, geometry: { type: 'MultiPolygon' as const, coordinates: [[square(22, 61, 1)], [square(24, 62, 1)]] } },
			{ properties: { kunta: 'a"<b' }, geometry: { type: 'Polygon' as const, coordinates: [square(21, 60, 1)] } }
		]
	};
	const drawing = geoJsonPaths(geo, 'kunta');
	const paths = () => drawing.paths;

	it('draws each feature as one path named by its code, every ring a closed subpath', () => {
		const p = paths();
		// Names as they are: Svelte sets them as attributes (escaped by construction).
		expect(p.map((x) => x.name)).toEqual(['049', '035', 'a"<b']);
		expect(p.map((x) => x.d.match(/M/g)!.length)).toEqual([2, 2, 1]);
		expect(p.every((x) => x.d.split('M').slice(1).every((ring) => ring.endsWith('Z')))).toBe(true);
	});

	it('puts north up and draws a longitude degree LONGITUDE_SCALE times a latitude degree', () => {
		const [espoo] = paths();
		const outer = points(espoo.d.split('Z')[0]);
		// (20, 60) is the south-west corner: the left edge and the bottom of the drawing (y grows downwards).
		const ys = outer.map(([, y]) => y);
		expect(outer[0][0]).toBe(0);
		expect(outer[0][1]).toBe(Math.max(...ys));
		const width = Math.max(...outer.map(([x]) => x)) - Math.min(...outer.map(([x]) => x));
		const height = Math.max(...ys) - Math.min(...ys);
		expect(width / height).toBeCloseTo(LONGITUDE_SCALE, 2);
		// The whole map fits its size from its origin.
		const { width: w, height: h } = drawing;
		const all = paths().flatMap((x) => points(x.d));
		expect(Math.max(...all.map(([x]) => x))).toBe(w);
		expect(Math.max(...all.map(([, y]) => y))).toBe(h);
		expect(Math.min(...all.flat())).toBe(0);
	});

	it('keeps every municipality of the bundled boundaries, by code', () => {
		const real = JSON.parse(readFileSync('data/reference/municipalities.geojson', 'utf8')) as { features: { properties: { kunta: string } }[] };
		const names = finlandGeometry().paths.map((x) => x.name);
		expect(names).toEqual(real.features.map((f) => f.properties.kunta));
		expect(new Set(names).size).toBe(308);
		// Parsed once: the map component asks again on every mount.
		expect(finlandGeometry()).toBe(finlandGeometry());
	});
});
