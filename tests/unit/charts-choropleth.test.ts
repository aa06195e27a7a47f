/** The SVG map's pure parts (src/lib/charts/choropleth.ts): classes, colours, the PNG's document. */
import { describe, expect, it } from 'vitest';
import { classesByCode, inPiece, mapDocument, NO_CLASS_COLOUR, pieceIndex, type MapPiece } from '../../src/lib/charts/choropleth';
import { finlandGeometry } from '../../src/lib/charts/finland';
import { measureMap } from '../../src/lib/charts/map-measures';
import { translator } from '../../src/lib/i18n/index';
import { MAP_MEASURES } from '../../src/lib/state/filters';
import type { MunicipalityMeasures } from '../../src/lib/db/queries';

const pieces: MapPiece[] = [
	{ value: -1, label: 'none', color: '#f4a582' },
	{ min: 0, max: 49, label: '0–49', color: '#c6dbef' },
	{ min: 50, max: 100, label: '50–100', color: '#08306b' }
];

describe('map classes', () => {
	it('an exact class holds only its value; a range holds both ends', () => {
		expect(inPiece(-1, pieces[0])).toBe(true);
		expect(inPiece(0, pieces[0])).toBe(false);
		expect([0, 49].map((v) => inPiece(v, pieces[1]))).toEqual([true, true]);
		expect([50, 100].map((v) => pieceIndex(v, pieces))).toEqual([2, 2]);
		expect(pieceIndex(101, pieces)).toBe(-1);
		expect(pieceIndex(-1, pieces)).toBe(0);
	});

	it('areas whose value no class holds have no class (drawn in the no-class colour)', () => {
		const classes = classesByCode([{ code: '001', value: 20 }, { code: '002', value: 500 }, { code: '003', value: -1 }], pieces);
		expect([...classes]).toEqual([['001', 1], ['003', 0]]);
	});

	it("every municipality of every measure has a class (what the page's legend promises)", () => {
		const fi = translator('fi');
		const rows: MunicipalityMeasures[] = finlandGeometry().paths.map((p, i) => ({
			code: p.name,
			in_scope: i % 7 !== 0,
			programmes: i % 5,
			completeness: i % 3 ? (i % 101) / 100 : null,
			missing_parts: i % 13,
			orientation_languages: i % 9,
			all_programmes: i % 5,
			last_update: i % 4 ? `2025-0${1 + (i % 9)}-01` : null
		}));
		for (const measure of MAP_MEASURES) {
			const m = measureMap(rows, measure, fi, {});
			expect(classesByCode(m.data, m.pieces).size, measure).toBe(rows.length);
		}
	});
});

describe("the map's PNG document", () => {
	const geometry = { width: 100, height: 200, paths: [{ name: '001', d: 'M0 0L10 0L10 10Z' }, { name: '002', d: 'M20 20L30 20L30 30Z' }] };

	it('draws every area in its class colour, the rest in the no-class colour, and a legend entry per class', () => {
		const { svg } = mapDocument(geometry, [{ code: '001', value: 70 }], pieces, 'Kartta');
		expect(svg).toContain('<path d="M0 0L10 0L10 10Z" fill="#08306b"/>');
		expect(svg).toContain(`<path d="M20 20L30 20L30 30Z" fill="${NO_CLASS_COLOUR}"/>`);
		for (const p of pieces) expect(svg).toContain(`>${p.label}</text>`);
		expect(svg.match(/<rect x=/g)).toHaveLength(pieces.length);
	});

	it('escapes the title and the labels, and is big enough for the map and the legend', () => {
		const many = Array.from({ length: 12 }, (_, i) => ({ value: i, label: `<b>&"${i}`, color: '#c6dbef' }));
		const doc = mapDocument(geometry, [], many, '<script>x</script>');
		expect(doc.svg).not.toContain('<script>');
		expect(doc.svg).not.toContain('<b>');
		expect(doc.svg).toContain('&lt;script&gt;x&lt;/script&gt;');
		expect(doc.svg).toContain('&lt;b&gt;&amp;&quot;11');
		expect(doc.width).toBeGreaterThan(geometry.width);
		expect(doc.height).toBeGreaterThanOrEqual(geometry.height);
		expect(doc.height).toBeGreaterThanOrEqual(12 * 22);
		// Well-formed: a browser refuses to draw a broken SVG image.
		expect(new DOMParserLike(doc.svg).balanced()).toBe(true);
	});

	it('says what it shows under the map, escaped, and grows by it', () => {
		const plain = mapDocument(geometry, [], pieces, 'Kartta');
		const noted = mapDocument(geometry, [], pieces, 'Kartta', ['Rajaukset: <b>Uusimaa</b>', 'Synteettinen aineisto: 240/241']);
		expect(noted.svg).toContain('>Rajaukset: &lt;b&gt;Uusimaa&lt;/b&gt;</text>');
		expect(noted.svg).toContain('>Synteettinen aineisto: 240/241</text>');
		expect(noted.height).toBeGreaterThanOrEqual(plain.height + 2 * 15);
		expect(noted.width).toBe(plain.width);
		expect(new DOMParserLike(noted.svg).balanced()).toBe(true);
	});
});

/** Tag balance, enough to catch an unescaped `<` or a tag left open. */
class DOMParserLike {
	constructor(private readonly text: string) {}
	balanced(): boolean {
		const stack: string[] = [];
		for (const m of this.text.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
			if (m[3]) continue;
			if (m[1]) {
				if (stack.pop() !== m[2]) return false;
			} else stack.push(m[2]);
		}
		return stack.length === 0;
	}
}
