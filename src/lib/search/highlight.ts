/**
 * Highlighting as data: text + ranges → segments. A page renders each segment as escaped text,
 * wrapping hits in <mark>. Answers are untrusted (they come from PDFs anyone can write), so this
 * never produces markup and pages must never use {@html} on answer text.
 */

export interface Segment {
	text: string;
	hit: boolean;
}

/** A range [start, end) of UTF-16 units. */
export type Range = [number, number];

function isHigh(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Sorts, clamps and merges ranges. Ranges that overlap, touch, or are separated only by
 * whitespace become one (so "Loimaan maahanmuuttokoordinaattori" is one highlight, not two).
 * Range ends never split a surrogate pair.
 */
export function normalizeRanges(text: string, ranges: readonly Range[]): Range[] {
	const clean: Range[] = [];
	for (const [a, b] of ranges) {
		let start = Math.max(0, Math.min(text.length, Math.floor(a)));
		let end = Math.max(0, Math.min(text.length, Math.floor(b)));
		if (!(end > start)) continue;
		if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
		if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
		clean.push([start, end]);
	}
	clean.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
	const merged: Range[] = [];
	for (const r of clean) {
		const last = merged[merged.length - 1];
		if (last && (r[0] <= last[1] || /^[ \t\u00a0]+$/.test(text.slice(last[1], r[0])))) {
			last[1] = Math.max(last[1], r[1]);
		} else {
			merged.push([r[0], r[1]]);
		}
	}
	return merged;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Widens each range of at least `minLength` units to the whole words it touches, so a fuzzy
 * match shows as "[TE-palvelupiste]" rather than "[TE-palvelup]iste". Shorter ranges (a two-letter
 * query inside a long word) stay as they are: widening them would claim more than matched.
 */
export function expandToWords(text: string, ranges: readonly Range[], minLength = 4): Range[] {
	return ranges.map(([start, end]) => {
		if (end - start < minLength) return [start, end];
		let s = start;
		let e = end;
		while (s > 0 && (WORD_CHAR.test(text[s - 1]) || (text[s - 1] === '-' && s > 1 && WORD_CHAR.test(text[s - 2])))) s--;
		while (e < text.length && (WORD_CHAR.test(text[e]) || (text[e] === '-' && WORD_CHAR.test(text[e + 1] ?? '')))) e++;
		return [s, e];
	});
}

/** Splits text into plain and hit segments; concatenating the segments gives back the text. */
export function highlightSegments(text: string, ranges: readonly Range[]): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	for (const [start, end] of normalizeRanges(text, ranges)) {
		if (start > at) segments.push({ text: text.slice(at, start), hit: false });
		segments.push({ text: text.slice(start, end), hit: true });
		at = end;
	}
	if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), hit: false });
	return segments;
}
