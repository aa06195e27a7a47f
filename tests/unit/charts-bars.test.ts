/**
 * The bar charts' pure parts (src/lib/charts/bars.ts): the scale, the marks' sizes and labels, the
 * tooltip, and the PNG's SVG document, drawn here by a real SVG renderer (@napi-rs/canvas, Skia) and
 * checked pixel by pixel where the bars must be.
 */
import { createCanvas, Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { barLayout, barsDocument, barTip, patternImage, valueScale, type BarInput } from '../../src/lib/charts/bars';
import { svgNote } from '../../src/lib/charts/options';
import { contrast, inkOn, SCREEN } from '../../src/lib/charts/theme';

describe('value scale', () => {
	it('is round, starts at 0, covers the largest value and steps in whole 1, 2 or 5 × 10^k', () => {
		expect(valueScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
		expect(valueScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
		expect(valueScale(260)).toEqual({ max: 300, ticks: [0, 100, 200, 300] });
		expect(valueScale(1234)).toEqual({ max: 1500, ticks: [0, 500, 1000, 1500] });
		for (const max of [1, 2, 9, 10, 11, 49, 51, 99, 101, 999, 2600, 31_415]) {
			const s = valueScale(max);
			const step = s.ticks[1] - s.ticks[0];
			expect(s.max, `max ${max}`).toBeGreaterThanOrEqual(max);
			expect(s.ticks[0]).toBe(0);
			expect(s.ticks.at(-1)).toBe(s.max);
			expect(Number.isInteger(step) && step >= 1, `step ${step}`).toBe(true);
			expect(String(step / 10 ** Math.floor(Math.log10(step)))).toMatch(/^(1|2|5)$/);
			expect(s.ticks.length).toBeGreaterThanOrEqual(2);
			expect(s.ticks.length).toBeLessThanOrEqual(11);
		}
	});

	it('an empty or zero chart still has an axis (0–1)', () => {
		expect(valueScale(0)).toEqual({ max: 1, ticks: [0, 1] });
		expect(valueScale(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
	});
});

/** Missing parts by grade: a stacked horizontal chart. */
const stacked: BarInput = {
	categories: ['Osa 1', 'Osa 2'],
	series: [
		{ name: 'puuttuu', values: [6, 1], color: SCREEN.grades.missing },
		{ name: 'tyhjä', values: [3, 0], color: SCREEN.grades.empty },
		{ name: 'ohut', values: [1, null], color: SCREEN.grades.thin }
	],
	horizontal: true,
	stacked: true,
	format: (n) => `${n} kpl`
};

describe('bar layout', () => {

	it('stacks segments end to end, as shares of the scale, in series order', () => {
		const l = barLayout(stacked);
		expect(l.scale.max).toBe(10);
		expect(l.rows[0].marks.map((m) => [m.start, m.size])).toEqual([
			[0, 0.6],
			[0.6, 0.3],
			[0.9, 0.1]
		]);
		expect(l.rows[1].marks.map((m) => [m.start, m.size])).toEqual([
			[0, 0.1],
			[0.1, 0],
			[0.1, 0]
		]);
	});

	it('labels values in the given format, but not zeros, missing values or slivers of a stack', () => {
		const l = barLayout({ ...stacked, series: [...stacked.series, { name: 'sliver', values: [0.5, 0] }] });
		expect(l.rows[0].marks.map((m) => m.label)).toEqual(['6 kpl', '3 kpl', '1 kpl', '']);
		expect(l.rows[1].marks.map((m) => m.label)).toEqual(['1 kpl', '', '', '']);
		expect(l.tickLabels[1]).toMatch(/ kpl$/);
	});

	it('grouped bars each start at 0 and the scale covers the longest single bar', () => {
		const l = barLayout({ categories: ['fi', 'sv'], series: [{ name: 'a', values: [4, 9] }, { name: 'b', values: [2, 3] }] });
		expect(l.scale.max).toBe(10);
		expect(l.rows[1].marks.map((m) => [m.start, m.size, m.label])).toEqual([
			[0, 0.9, '9'],
			[0, 0.3, '3']
		]);
	});

	it('series without a colour take the palette in order; each gets its pattern and a readable ink', () => {
		const l = barLayout({ categories: ['x'], series: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, values: [1] })) });
		expect(l.series.map((s) => s.color)).toEqual(SCREEN.palette.slice(0, 5));
		expect(l.series[0].pattern).toBe('');
		expect(new Set(l.series.slice(1, 4).map((s) => s.pattern)).size).toBe(3);
		expect(l.series[4].pattern).toBe(l.series[0].pattern);
		// Nine or more series: the colours repeat, the pair of colour and pattern does not.
		const many = barLayout({ categories: ['x'], series: Array.from({ length: 20 }, (_, i) => ({ name: `s${i}`, values: [1] })) });
		expect(new Set(many.series.map((s) => `${s.color} ${s.pattern}`)).size).toBe(20);
		expect(patternImage(l.series[0])).toBe('none');
		expect(patternImage(l.series[1])).toMatch(/^url\("data:image\/svg\+xml,/);
	});

	it('text on a filled mark is black or white, whichever reads better, and always meets 4.5:1', () => {
		const fills = [...SCREEN.palette, ...Object.values(SCREEN.grades), ...Object.values(SCREEN.severity), SCREEN.neutral, '#777777', '#808080'];
		for (const fill of fills) expect(contrast(inkOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
		expect(inkOn('#ffffff')).not.toBe(inkOn('#000000'));
	});

	it('the tooltip names the category and every series, – for no value', () => {
		const l = barLayout(stacked);
		expect(barTip(l, l.rows[1], (n) => `${n} kpl`)).toEqual(['Osa 2', 'puuttuu: 1 kpl', 'tyhjä: 0 kpl', 'ohut: –']);
	});
});

/** Draws an SVG document as the browser's PNG download does (at its own size here). */
async function draw(svg: string, width: number, height: number) {
	const image = new Image();
	await new Promise<void>((resolve, reject) => {
		image.onload = () => resolve();
		image.onerror = reject;
		image.src = Buffer.from(svg);
	});
	const canvas = createCanvas(width, height);
	const context = canvas.getContext('2d');
	context.drawImage(image, 0, 0);
	return (x: number, y: number) => {
		const [r, g, b] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
		return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
	};
}

/** Every `<rect>` that draws a series (fill="url(#sN)"), with its series and box. */
const seriesRects = (svg: string) =>
	[...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="url\(#s(\d+)\)"\/>/g)].map((m) => ({
		x: Number(m[1]),
		y: Number(m[2]),
		width: Number(m[3]),
		height: Number(m[4]),
		series: Number(m[5])
	}));

describe('the PNG document', () => {
	it('is a valid SVG a renderer draws, with each bar in its series colour and sizes in proportion', async () => {
		const l = barLayout({ ...stacked, format: undefined, valueName: 'ohjelmia' });
		const doc = barsDocument(l, 'Puuttuvat osat');
		const at = await draw(doc.svg, doc.width, doc.height);
		const bars = seriesRects(doc.svg).filter((r) => r.y > 40);
		expect(bars.length).toBe(4);
		// The first series has no pattern: its bar's middle is its colour.
		const first = bars.find((b) => b.series === 0)!;
		expect(at(first.x + first.width / 2, first.y + 2)).toBe(SCREEN.grades.missing.toLowerCase());
		// The first category's segments: 6, 3 and 1 of the same scale.
		const row = bars.filter((b) => b.y === first.y);
		expect(row.map((b) => b.width / row[0].width)).toEqual([1, expect.closeTo(0.5, 2), expect.closeTo(1 / 6, 2)]);
		expect(at(row[1].x + 1, row[1].y + 1)).not.toBe(SCREEN.background);
		// Outside the plot: the background.
		expect(at(doc.width - 2, doc.height - 2)).toBe(SCREEN.background);
	});

	it('draws vertical bars from a common baseline, heights in proportion', async () => {
		const l = barLayout({ categories: ['0–9 %', '10–19 %', '90–100 %'], series: [{ name: 'ohjelmia', values: [2, 8, 4], color: SCREEN.palette[0] }] });
		const doc = barsDocument(l, 'Jakauma');
		const at = await draw(doc.svg, doc.width, doc.height);
		const bars = seriesRects(doc.svg);
		expect(bars.map((b) => b.height / bars[1].height)).toEqual([0.25, 1, 0.5]);
		expect(new Set(bars.map((b) => b.y + b.height)).size).toBe(1);
		for (const b of bars) expect(at(b.x + b.width / 2, b.y + b.height / 2)).toBe(SCREEN.palette[0].toLowerCase());
		for (const label of ['0–9 %', '90–100 %', '>8<', '>2<']) expect(doc.svg).toContain(label.startsWith('>') ? label : `>${label}<`);
	});

	it('escapes every text, and a renderer still draws it', async () => {
		const l = barLayout({ categories: ['<script>x</script>', 'a & b'], series: [{ name: '"quoted" <b>', values: [1, 2] }, { name: "it's", values: [3, 4] }], horizontal: true });
		const doc = barsDocument(l, '<img src=x onerror=alert(1)>');
		expect(doc.svg).not.toMatch(/<script|<b>|<img/);
		expect(doc.svg).toContain('&lt;script&gt;');
		expect(doc.svg).toContain('a &amp; b');
		await expect(draw(doc.svg, doc.width, doc.height)).resolves.toBeTypeOf('function');
	});

	it('grows with the rows and cuts long labels with an ellipsis', () => {
		const long = 'Kotoutumista edistävien palvelujen ja toimenpiteiden järjestäminen kunnassa';
		const few = barsDocument(barLayout({ categories: ['a'], series: [{ name: 's', values: [1] }], horizontal: true }), 't');
		const many = barsDocument(barLayout({ categories: Array.from({ length: 20 }, (_, i) => `${long} ${i}`), series: [{ name: 's', values: Array(20).fill(1) }], horizontal: true }), 't');
		expect(many.height).toBeGreaterThan(few.height + 19 * 20);
		expect(many.svg).not.toContain(long);
		expect(many.svg).toContain('…');
	});

	it('says what it shows under the chart (filters, the synthetic share), escaped and wrapped, and grows by it', async () => {
		const l = barLayout({ categories: ['a'], series: [{ name: 's', values: [1] }], horizontal: true });
		const plain = barsDocument(l, 't');
		const about = ['Rajaukset: Maakunta: Uusimaa <Pirkanmaa>', `Synteettinen aineisto: ${'240/241 ohjelmasta on synteettisiä esimerkkejä. '.repeat(4)}`];
		const noted = barsDocument(l, 't', about);
		expect(noted.svg).toContain('Rajaukset: Maakunta: Uusimaa &lt;Pirkanmaa&gt;');
		expect(noted.svg).toContain('Synteettinen aineisto: 240/241');
		// The long line is wrapped: more text lines than about lines, each within the width.
		const lines = [...noted.svg.matchAll(new RegExp(`fill="${SCREEN.muted}">([^<]*)<`, 'g'))].map((m) => m[1]);
		expect(lines.length).toBeGreaterThan(about.length);
		expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(about.join(' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\s+/g, ' ').trim());
		expect(noted.height).toBeGreaterThanOrEqual(plain.height + lines.length * 15);
		// Drawn below the chart: the note's area is not the background any more.
		const at = await draw(noted.svg, noted.width, noted.height);
		let inked = 0;
		for (let x = 8; x < 300; x++) for (let y = plain.height; y < noted.height; y += 2) if (at(x, y) !== SCREEN.background) inked++;
		expect(inked).toBeGreaterThan(20);
	});

	it('a note of no lines adds nothing', () => {
		expect(svgNote([], 0, 0, 500)).toEqual({ svg: '', height: 0 });
	});
});

