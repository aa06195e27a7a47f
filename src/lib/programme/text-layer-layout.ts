/**
 * Text-layer layout: pdf.js text items → lines and segments in reading order, page furniture
 * dropped, word tokens and question following, and the answer text rebuilt from its lines
 * (wrapped lines joined, visible line breaks kept).
 */
import { wordsMatch } from './labels';
import { columnGutter, columnOrder } from './text-layer-columns';

export interface TextItem {
	str: string;
	/** Baseline start in PDF user space. */
	x: number;
	y: number;
	width: number;
	/** Font size (height of the text in user space). */
	height: number;
	hasEOL: boolean;
}

export interface TextPage {
	/** 1-based. */
	page: number;
	width: number;
	height: number;
	items: TextItem[];
}

/* ------------------------------------------------------------------------------------------ */
/* Words                                                                                       */

export interface Token {
	word: string;
	start: number;
	end: number;
}

/** Words with their offsets: letters and digits, hyphenated compounds as one word, lower case. */
export function tokens(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu)) {
		out.push({ word: m[0].toLowerCase().replace(/[-\u2010\u2011]/g, ''), start: m.index!, end: m.index! + m[0].length });
	}
	return out;
}

export const words = (text: string) => tokens(text).map((t) => t.word);

export interface Follow {
	/** Leading words of the text that follow the expected words. */
	count: number;
	/** Position in the expected words after them. */
	pos: number;
	/** Words skipped on either side (small differences between printings). */
	skips: number;
}

/**
 * How far do the text's leading words follow `expected` from `pos`? Exact word by word at the
 * start; once two words agree, a word of difference (an extra or a missing word) is tolerated.
 */
export function follow(text: readonly string[], expected: readonly string[], pos: number): Follow {
	let i = 0;
	let j = pos;
	let skips = 0;
	while (i < text.length && j < expected.length) {
		if (wordsMatch(text[i], expected[j])) {
			i++;
			j++;
			continue;
		}
		if (i >= 2) {
			if (j + 1 < expected.length && wordsMatch(text[i], expected[j + 1])) {
				j += 1;
				skips++;
				continue;
			}
			if (j + 2 < expected.length && wordsMatch(text[i], expected[j + 2])) {
				j += 2;
				skips += 2;
				continue;
			}
			if (i + 1 < text.length && wordsMatch(text[i + 1], expected[j])) {
				i += 1;
				skips++;
				continue;
			}
		}
		break;
	}
	return { count: i, pos: j, skips };
}

/* ------------------------------------------------------------------------------------------ */
/* Lines                                                                                       */

export interface Segment {
	page: number;
	x: number;
	/** Baseline. */
	y: number;
	right: number;
	height: number;
	text: string;
	pageHeight: number;
	/** The text runs it is made of (whitespace-only runs left out), for splitting table rows into cells. */
	runs: { x: number; right: number; text: string }[];
}

/** Items → lines (same baseline) → segments (split at wide horizontal gaps), in reading order. */
export function segments(pages: readonly TextPage[]): Segment[] {
	const out: Segment[] = [];
	for (const p of pages) {
		// Whitespace runs are left out: pdf.js stretches them over gaps, which would join table columns.
		const items = p.items.filter((i) => i.str.trim() !== '' && i.height > 0).sort((a, b) => b.y - a.y || a.x - b.x);
		const byBaseline: TextItem[][] = [];
		for (const item of items) {
			const line = byBaseline.at(-1);
			if (line && Math.abs(line[0].y - item.y) <= 0.35 * Math.max(line[0].height, item.height)) line.push(item);
			else byBaseline.push([item]);
		}
		const gutter = columnGutter(byBaseline, p);
		const lines = gutter === null ? byBaseline : columnOrder(byBaseline, p, gutter);
		for (const line of lines) {
			line.sort((a, b) => a.x - b.x);
			let seg: Segment | null = null;
			for (const item of line) {
				const gap = seg ? item.x - seg.right : 0;
				if (!seg || gap > 3 * Math.max(seg.height, item.height)) {
					if (seg) out.push(seg);
					seg = {
						page: p.page,
						x: item.x,
						y: item.y,
						right: item.x + item.width,
						height: item.height,
						text: item.str,
						pageHeight: p.height,
						runs: [{ x: item.x, right: item.x + item.width, text: item.str }]
					};
					continue;
				}
				const space = gap > 0.15 * item.height && !/\s$/.test(seg.text) && !/^\s/.test(item.str) ? ' ' : '';
				seg.text += space + item.str;
				seg.runs.push({ x: item.x, right: item.x + item.width, text: item.str });
				seg.right = Math.max(seg.right, item.x + item.width);
				seg.height = Math.max(seg.height, item.height);
			}
			if (seg) out.push(seg);
		}
	}
	return out
		.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }))
		.filter((s) => s.text !== '');
}

/**
 * Page headers and footers: a line near the top or bottom edge that recurs (digits aside) at
 * the same height on at least half of the pages, and bare page numbers there.
 */
export function dropPageFurniture(segs: Segment[], pageCount: number): Segment[] {
	const inMargin = (s: Segment) => s.y < 0.07 * s.pageHeight || s.y > 0.93 * s.pageHeight;
	// Same text (digits aside) at the same height of the page: a running header or footer.
	const shape = (s: Segment) => `${Math.round(s.y / 4)}|${s.text.replace(/\d+/g, '#')}`;
	const pagesByShape = new Map<string, Set<number>>();
	for (const s of segs) {
		if (!inMargin(s)) continue;
		const set = pagesByShape.get(shape(s)) ?? new Set<number>();
		set.add(s.page);
		pagesByShape.set(shape(s), set);
	}
	const recurring = (s: Segment) => pageCount >= 2 && (pagesByShape.get(shape(s))?.size ?? 0) >= Math.max(2, Math.ceil(pageCount / 2));
	const pageNumber = /^(?:(?:sivu|sida|page|s\.)\s*)?\d{1,3}(?:\s*(?:\(\s*\d{1,3}\s*\)|\/\s*\d{1,3}|(?:of|av|\/)\s*\d{1,3}))?$/i;
	return segs.filter((s) => !(inMargin(s) && (recurring(s) || pageNumber.test(s.text))));
}


/** The end of a line as a line of its own (its left edge estimated from the characters' average width). */
export function tail(seg: Segment, rest: string): Segment {
	const perChar = (seg.right - seg.x) / Math.max(1, seg.text.length);
	return { ...seg, text: rest, x: seg.right - perChar * rest.length };
}

/** Vertical distance between two lines in line heights (Infinity across pages and from one column to the next). */
export function gapLines(a: Segment | null, b: Segment): number {
	if (!a || a.page !== b.page || b.y > a.y + a.height) return Infinity;
	return (a.y - b.y) / Math.max(a.height, b.height);
}

/* ------------------------------------------------------------------------------------------ */
/* Answer text                                                                                 */

/** The usual distance between lines: the most common gap between lines of one size. */
export function typicalLeading(segs: readonly Segment[]): (height: number) => number {
	const counts = new Map<number, Map<number, number>>();
	for (let i = 1; i < segs.length; i++) {
		const a = segs[i - 1];
		const b = segs[i];
		if (a.page !== b.page || Math.abs(a.height - b.height) > 0.1) continue;
		const gap = a.y - b.y;
		if (gap < 0.95 * a.height || gap > 1.9 * a.height) continue;
		const h = Math.round(a.height * 2) / 2;
		const g = Math.round(gap * 4) / 4;
		const byGap = counts.get(h) ?? new Map<number, number>();
		byGap.set(g, (byGap.get(g) ?? 0) + 1);
		counts.set(h, byGap);
	}
	return (height) => {
		const byGap = counts.get(Math.round(height * 2) / 2);
		if (!byGap || byGap.size === 0) return 1.2 * height;
		return [...byGap].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
	};
}

export function answerFromLines(lines: readonly Segment[], leadingOf: (h: number) => number): string {
	if (lines.length === 0) return '';
	const right = maxOf(lines, (l) => l.right);
	let text = lines[0].text;
	for (let i = 1; i < lines.length; i++) {
		const a = lines[i - 1];
		const b = lines[i];
		// The top of the next column: the text goes on as if the line had wrapped (the columns' right edges differ).
		const column = a.page === b.page && b.y > a.y + a.height;
		const breaks = a.page === b.page && !column ? Math.round((a.y - b.y) / leadingOf(a.height)) : 0;
		if (breaks >= 2) text += '\n'.repeat(breaks);
		else if (!column && endedShort(a, b, right)) text += '\n' + b.text;
		// A word hyphenated at the line end continues without a space ("toiminta-" "alueen"), not "terveys-" "tai".
		else if (/\p{L}[-\u2010\u2011]$/u.test(a.text) && /^\p{Ll}/u.test(b.text) && !/^(ja|tai|sekä|eli|och|eller|samt)(?!\p{L})/u.test(b.text)) text += b.text;
		else text += ' ' + b.text;
		if (breaks >= 2) text += b.text;
	}
	return text;
}

/** Did line `a` end before the right edge although `b`'s first word would have fitted? Then it was a line break. */
export function endedShort(a: Segment, b: Segment, right: number): boolean {
	const first = /^\S+/.exec(b.text)?.[0] ?? '';
	const perChar = (b.right - b.x) / Math.max(1, b.text.length);
	return a.right + perChar * (first.length + 1) < right - 1;
}

export function rectOf(lines: readonly Segment[]): [number, number, number, number] | null {
	const first = lines[0];
	if (!first) return null;
	const onPage = lines.filter((l) => l.page === first.page);
	return [minOf(onPage, (l) => l.x), minOf(onPage, (l) => l.y - 0.25 * l.height), maxOf(onPage, (l) => l.right), maxOf(onPage, (l) => l.y + l.height)];
}

/** Math.max over a mapped list, without spreading it into arguments (a long answer has more lines than a call takes). */
function maxOf<T>(items: readonly T[], f: (x: T) => number): number {
	let best = -Infinity;
	for (const x of items) best = Math.max(best, f(x));
	return best;
}

function minOf<T>(items: readonly T[], f: (x: T) => number): number {
	let best = Infinity;
	for (const x of items) best = Math.min(best, f(x));
	return best;
}

