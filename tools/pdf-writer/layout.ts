/**
 * A small flowing-layout engine on top of pdf-lib: A4 pages, a cursor that moves down, wrapped
 * text that continues on the next page, page footers written once the page count is known.
 * Both renderers (the form and a municipality's own template) use it, so the two look alike
 * and behave alike (same wrapping, same page breaks, same synthetic marker).
 */
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb, type RGB } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN_LEFT = 56.7;
export const MARGIN_RIGHT = 56.7;
export const MARGIN_TOP = 56.7;
export const MARGIN_BOTTOM = 62;
export const CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
export const RULE = rgb(0.55, 0.58, 0.62);
export const ACCENT = rgb(0.05, 0.22, 0.45);
export const SYNTHETIC_RED = rgb(0.72, 0.05, 0.05);

/** The visible marker on every page of a synthetic document (issue 4: impossible to mistake for real data). */
export const SYNTHETIC_LINE = 'SYNTEETTINEN DEMOAINEISTO – ei todellinen kunnan asiakirja / synthetic demo data';

/** Fixed default date (the form's version date) so the same input always gives the same bytes. */
export const DEFAULT_DATE = new Date('2024-09-03T00:00:00Z');

export interface Fonts {
	regular: PDFFont;
	bold: PDFFont;
	/** Standard Helvetica, only for the default appearance of empty fields (what a viewer uses when a person types). */
	helvetica?: PDFFont;
}

interface GlyphMapper {
	glyphsForString(text: string): unknown[];
	layout(text: string, features?: unknown): { glyphs: unknown[] };
}

/**
 * Map characters to glyphs one by one instead of running fontkit's OpenType shaping. Finnish,
 * Swedish and Cyrillic text needs no shaping, and shaping every measured word and every drawn
 * line was most of the render time (≈1.5 s → ≈0.2 s per form). Measured widths and drawn glyphs
 * stay consistent because both go through the same mapping. Relies on pdf-lib's custom-font
 * embedder exposing its fontkit font; if that ever changes we simply keep pdf-lib's shaping.
 */
function withoutShaping(font: PDFFont): PDFFont {
	const embedded = (font as unknown as { embedder?: { font?: Partial<GlyphMapper> } }).embedder?.font;
	if (embedded && typeof embedded.glyphsForString === 'function' && typeof embedded.layout === 'function') {
		const mapper = embedded as GlyphMapper;
		mapper.layout = (text: string) => ({ glyphs: mapper.glyphsForString(text) });
	}
	return font;
}

export async function embedFonts(
	doc: PDFDocument,
	bytes: { regular: Uint8Array; bold: Uint8Array },
	opts: { helvetica: boolean }
): Promise<Fonts> {
	if (!(bytes.regular instanceof Uint8Array) || bytes.regular.length === 0) throw new Error('form: fonts.regular must be the bytes of a TTF font');
	if (!(bytes.bold instanceof Uint8Array) || bytes.bold.length === 0) throw new Error('form: fonts.bold must be the bytes of a TTF font');
	doc.registerFontkit(fontkit);
	// customName keeps the font resource names stable and readable (pdf-lib would add a suffix).
	const regular = withoutShaping(await doc.embedFont(bytes.regular, { subset: true, customName: 'DejaVuSans' }));
	const bold = withoutShaping(await doc.embedFont(bytes.bold, { subset: true, customName: 'DejaVuSans-Bold' }));
	const helvetica = opts.helvetica ? await doc.embedFont(StandardFonts.Helvetica, { customName: 'Helv' }) : undefined;
	return { regular, bold, helvetica };
}

/** Replace what the embedded font cannot draw as text (tabs, control characters) without changing the words. */
export function printable(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/\t/g, '    ')
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029]/g, ' ');
}

class WidthCache {
	private cache = new Map<string, number>();
	constructor(
		private font: PDFFont,
		private size: number
	) {}
	width(s: string): number {
		let w = this.cache.get(s);
		if (w === undefined) {
			w = this.font.widthOfTextAtSize(s, this.size);
			this.cache.set(s, w);
		}
		return w;
	}
}

const widthCaches = new WeakMap<PDFFont, Map<number, WidthCache>>();
function widthCache(font: PDFFont, size: number): WidthCache {
	let bySize = widthCaches.get(font);
	if (!bySize) widthCaches.set(font, (bySize = new Map()));
	let c = bySize.get(size);
	if (!c) bySize.set(size, (c = new WidthCache(font, size)));
	return c;
}

/**
 * Greedy word wrap. Line breaks in the text are kept (an empty line stays an empty line);
 * a word wider than the line is cut by characters (long URLs). Widths are summed per word
 * (measuring whole candidate lines would shape the same text again and again).
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number, firstLineIndent = 0): string[] {
	const wc = widthCache(font, size);
	const space = wc.width(' ');
	const out: string[] = [];
	const limit = () => (out.length === 0 ? maxWidth - firstLineIndent : maxWidth);
	for (const paragraph of printable(text).split('\n')) {
		let line = '';
		let lineWidth = 0;
		for (let word of paragraph.split(' ')) {
			let w = wc.width(word);
			if (line !== '' && lineWidth + space + w > limit()) {
				out.push(line.trimEnd());
				line = '';
				lineWidth = 0;
			}
			// A word longer than a whole line: cut it by characters.
			while (line === '' && w > limit() && word.length > 1) {
				let cut = word.length - 1;
				while (cut > 1 && wc.width(word.slice(0, cut)) > limit()) cut--;
				// Prefer to cut after a slash or hyphen (URLs, compounds) in the second half of the piece.
				const soft = Math.max(word.lastIndexOf('/', cut - 1), word.lastIndexOf('-', cut - 1));
				if (soft >= cut / 2) cut = soft + 1;
				out.push(word.slice(0, cut));
				word = word.slice(cut);
				w = wc.width(word);
			}
			if (line === '' && lineWidth === 0) {
				line = word;
				lineWidth = w;
			} else {
				line += ' ' + word;
				lineWidth += space + w;
			}
		}
		out.push(line.trimEnd());
	}
	return out;
}

export interface TextStyle {
	font: PDFFont;
	size: number;
	/** Distance between baselines. */
	leading: number;
	color?: RGB;
}

export interface FlowOptions {
	doc: PDFDocument;
	fonts: Fonts;
	synthetic: boolean;
	/** Left footer text, e.g. "TEM 3.9.2024". */
	footerLeft: string;
}

/** Pages and a cursor. `y` is the baseline-free top of the free space on the current page. */
export class Flow {
	readonly doc: PDFDocument;
	readonly fonts: Fonts;
	readonly pages: PDFPage[] = [];
	page!: PDFPage;
	y = 0;
	private synthetic: boolean;
	private footerLeft: string;

	constructor(opts: FlowOptions) {
		this.doc = opts.doc;
		this.fonts = opts.fonts;
		this.synthetic = opts.synthetic;
		this.footerLeft = opts.footerLeft;
		this.newPage();
	}

	get top(): number {
		return PAGE_HEIGHT - MARGIN_TOP;
	}
	get bottom(): number {
		return MARGIN_BOTTOM;
	}
	/** Free height left on the current page. */
	get remaining(): number {
		return this.y - this.bottom;
	}
	/** Usable height of an empty page. */
	get pageSpace(): number {
		return this.top - this.bottom;
	}
	get pageIndex(): number {
		return this.pages.length - 1;
	}

	newPage(): void {
		this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
		this.pages.push(this.page);
		this.y = this.top;
		if (this.synthetic) {
			// Drawn first, so it is also the first line of the page's text layer.
			const size = 8.5;
			const w = this.fonts.bold.widthOfTextAtSize(SYNTHETIC_LINE, size);
			this.page.drawRectangle({ x: MARGIN_LEFT - 4, y: PAGE_HEIGHT - 34, width: CONTENT_WIDTH + 8, height: 16, color: rgb(1, 0.93, 0.93) });
			this.page.drawText(SYNTHETIC_LINE, {
				x: MARGIN_LEFT + Math.max(0, (CONTENT_WIDTH - w) / 2),
				y: PAGE_HEIGHT - 29,
				size,
				font: this.fonts.bold,
				color: SYNTHETIC_RED
			});
		}
	}

	/** Start a new page unless `height` still fits on this one. */
	ensure(height: number): void {
		if (height > this.remaining && this.y < this.top) this.newPage();
	}

	gap(h: number): void {
		this.y -= h;
	}

	/** Draw one already-wrapped line at the cursor (baseline = y - ascent) and move down by the leading. */
	line(text: string, style: TextStyle, x = MARGIN_LEFT): void {
		if (this.remaining < style.leading) this.newPage();
		const baseline = this.y - style.size;
		if (text !== '') this.page.drawText(text, { x, y: baseline, size: style.size, font: style.font, color: style.color ?? BLACK });
		this.y -= style.leading;
	}

	/** Wrap and draw a paragraph; it continues on the next page when needed. */
	paragraph(text: string, style: TextStyle, opts: { indent?: number; width?: number; keepLines?: number } = {}): void {
		const indent = opts.indent ?? 0;
		const lines = wrapText(text, style.font, style.size, (opts.width ?? CONTENT_WIDTH) - indent);
		// Keep the first few lines together (no lonely heading line at the foot of a page).
		this.ensure(Math.min(lines.length, opts.keepLines ?? 2) * style.leading);
		for (const l of lines) this.line(l, style, MARGIN_LEFT + indent);
	}

	/**
	 * A paragraph that starts with a label in another style on the same line ("a. Kuvaus palvelusta: Miten …").
	 * The label is drawn with its trailing space, so the text layer reads "label text".
	 */
	labelled(label: string, text: string, labelStyle: TextStyle, style: TextStyle, opts: { indent?: number } = {}): void {
		const indent = opts.indent ?? 0;
		const head = `${label} `;
		const headWidth = labelStyle.font.widthOfTextAtSize(head, labelStyle.size);
		const lines = text.trim() === '' ? [''] : wrapText(text, style.font, style.size, CONTENT_WIDTH - indent, headWidth);
		const leading = Math.max(labelStyle.leading, style.leading);
		this.ensure(Math.min(lines.length, 2) * leading);
		if (this.remaining < leading) this.newPage();
		const baseline = this.y - labelStyle.size;
		const x = MARGIN_LEFT + indent;
		this.page.drawText(head, { x, y: baseline, size: labelStyle.size, font: labelStyle.font, color: labelStyle.color ?? BLACK });
		if (lines[0] !== '')
			this.page.drawText(lines[0], { x: x + headWidth, y: baseline, size: style.size, font: style.font, color: style.color ?? BLACK });
		this.y -= leading;
		for (const l of lines.slice(1)) this.line(l, style, x);
	}

	/** Height a paragraph would take. */
	measure(text: string, style: TextStyle, width = CONTENT_WIDTH): number {
		return wrapText(text, style.font, style.size, width).length * style.leading;
	}

	/** Footers on every page once the page count is known: left text and "n (N)". */
	finish(): void {
		const n = this.pages.length;
		const size = 8;
		const f = this.fonts.regular;
		this.pages.forEach((page, i) => {
			page.drawLine({
				start: { x: MARGIN_LEFT, y: 40 },
				end: { x: PAGE_WIDTH - MARGIN_RIGHT, y: 40 },
				thickness: 0.5,
				color: RULE
			});
			page.drawText(this.footerLeft, { x: MARGIN_LEFT, y: 28, size, font: f, color: GREY });
			const num = `${i + 1} (${n})`;
			page.drawText(num, { x: PAGE_WIDTH - MARGIN_RIGHT - f.widthOfTextAtSize(num, size), y: 28, size, font: f, color: GREY });
		});
	}
}
