/**
 * One theme for every chart (src/lib/charts/theme.ts): the option builders take their colours,
 * type and spacing from it, no chart code or page script names a colour of its own, and the print
 * variant darkens the text and turns patterns on (also on the map, which shows none on screen).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barLayout, barsDocument } from '../../src/lib/charts/bars';
import { mapDocument } from '../../src/lib/charts/choropleth';
import { heatmapOption } from '../../src/lib/charts/heatmap';
import { networkOption } from '../../src/lib/charts/network';
import { printPatch, PRINT, SCREEN } from '../../src/lib/charts/theme';

const ROOT = join(__dirname, '../..');

/** Every string value in an option that looks like a colour. */
function colours(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value)) out.push(value.toLowerCase());
	else if (Array.isArray(value)) value.forEach((v) => colours(v, out));
	else if (value && typeof value === 'object') Object.values(value).forEach((v) => colours(v, out));
	return out;
}

function themeColours(): Set<string> {
	return new Set(colours(SCREEN));
}

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((n) => {
		const p = `${dir}/${n}`;
		return statSync(join(ROOT, p)).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
	});
}

describe('chart theme', () => {
	it('every colour the option builders use comes from the theme', () => {
		const options = [
			heatmapOption({ columns: ['x'], rows: ['y'], values: [[1]], description: 'd' }),
			networkOption({
				nodes: [{ id: 'a', name: 'A', category: 0 }, { id: 'b', name: 'B', category: 1 }],
				edges: [{ source: 'a', target: 'b', value: 1 }],
				categories: ['host', 'member'],
				description: 'd',
				edgeLabel: () => ''
			} as Parameters<typeof networkOption>[0])
		];
		const used = options.flatMap((o) => colours(o));
		expect(used.length).toBeGreaterThan(10);
		const theme = themeColours();
		expect(used.filter((c) => !theme.has(c))).toEqual([]);
		expect(options.every((o) => (o.textStyle as { fontFamily?: string } | undefined)?.fontFamily === SCREEN.font)).toBe(true);
	});

	it('no chart module or page script names a colour of its own (CSS in <style> may use its variables)', () => {
		const sources = [...files('src/lib/charts', /\.(ts|svelte)$/), ...files('src/routes', /\.svelte$/), ...files('src/lib/components', /\.(ts|svelte)$/)].filter(
			(p) => !p.endsWith('charts/theme.ts')
		);
		const offenders = sources.flatMap((p) => {
			const text = readFileSync(join(ROOT, p), 'utf8').replace(/<style[\s\S]*?<\/style>/g, '');
			return [...text.matchAll(/['"]#[0-9a-fA-F]{3,8}['"]/g)].map((m) => `${p}: ${m[0]}`);
		});
		expect(offenders).toEqual([]);
	});

	it('the print variant darkens the text and shows patterns', () => {
		const heat = heatmapOption({ columns: ['x'], rows: ['y'], values: [[1]], description: 'Kaavio' });
		const aria = structuredClone(heat.aria);
		const patch = printPatch(heat);
		expect(patch).toEqual({ textStyle: { color: PRINT.ink }, aria: { ...(aria as object), enabled: true, decal: { show: true } } });
		expect(PRINT.ink).not.toBe(SCREEN.ink);
		// The patch is merged: it leaves the option itself as it was (the screen option is set again after printing).
		expect(heat.aria).toEqual(aria);
	});

	it("the bars take the theme's colours, and their PNG uses only those", () => {
		const layout = barLayout({ categories: ['a', 'b'], series: [{ name: 'n', values: [1, 2] }, { name: 'm', values: [3, 4], color: SCREEN.grades.thin }], stacked: true, horizontal: true });
		expect(colours(layout.series).filter((c) => !themeColours().has(c))).toEqual([]);
		const { svg } = barsDocument(layout, 'Kaavio');
		const used = [...svg.matchAll(/"(#[0-9a-f]{3,8})"/gi)].map((m) => m[1].toLowerCase());
		expect(used.length).toBeGreaterThan(4);
		expect(used.filter((c) => !themeColours().has(c))).toEqual([]);
		expect(svg).toContain(`font-family="${SCREEN.font.replaceAll('"', '&quot;')}"`);
	});

	it("the map's PNG uses the theme's colours and its classes' own", () => {
		const pieces = [
			{ value: 1, label: 'one', color: SCREEN.sequential[0] },
			{ min: 2, max: 5, label: 'more', color: SCREEN.sequential[3] }
		];
		const geometry = { width: 10, height: 10, paths: [{ name: '001', d: 'M0 0L1 0L1 1Z' }, { name: '002', d: 'M2 2L3 2L3 3Z' }, { name: '003', d: 'M4 4L5 4L5 5Z' }] };
		const { svg } = mapDocument(geometry, [{ code: '001', value: 1 }, { code: '002', value: 4 }], pieces, 'Kartta');
		const used = [...svg.matchAll(/"(#[0-9a-f]{3,8})"/gi)].map((m) => m[1].toLowerCase());
		expect(used.length).toBeGreaterThan(4);
		expect(used.filter((c) => !themeColours().has(c))).toEqual([]);
	});
});
