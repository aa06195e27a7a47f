/**
 * Two-column pages (newspaper style: the text runs down the left column, then down the right).
 * pdf.js gives the items of both columns on one baseline as one line, so without this the
 * reader would see "left line + right line" pairs. A page has columns when the text splits at a
 * vertical gutter into two similar, densely filled columns of wrapped prose; that tells them from
 * tables and from labels printed beside their answers (a narrow or sparse column), whose lines
 * must keep being read across.
 *
 * Reading order then goes band by band: a line that crosses the gutter (a title or paragraph
 * printed across the page) ends a band; within a band the left column is read before the right.
 */
import type { TextItem, TextPage } from './text-layer-layout';

interface Chunk {
	x: number;
	right: number;
	y: number;
	height: number;
}

/** The page's top and bottom margins (running headers and footers are not column text). */
const inMargin = (y: number, p: TextPage) => y < 0.07 * p.height || y > 0.93 * p.height;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

/** A line's text as chunks: items joined across word spaces, split where the gap is wide. */
function chunksOf(line: readonly TextItem[]): Chunk[] {
	const out: Chunk[] = [];
	for (const item of [...line].sort((a, b) => a.x - b.x)) {
		const last = out.at(-1);
		if (last && item.x - last.right <= 1.2 * Math.max(last.height, item.height)) {
			last.right = Math.max(last.right, item.x + item.width);
			last.height = Math.max(last.height, item.height);
		} else out.push({ x: item.x, right: item.x + item.width, y: item.y, height: item.height });
	}
	return out;
}

/** Median vertical step between consecutive lines of a column, in line heights. */
function density(chunks: readonly Chunk[], height: number): number {
	const ys = [...new Set(chunks.map((c) => Math.round(c.y)))].sort((a, b) => b - a);
	const steps = ys.slice(1).map((y, i) => ys[i] - y);
	return steps.length === 0 ? Infinity : median(steps) / height;
}

/**
 * The x where the right column starts, or null when the page is not set in two columns.
 * Lines are the page's items grouped by baseline, top to bottom.
 */
export function columnGutter(lines: readonly TextItem[][], p: TextPage): number | null {
	const chunks = lines.filter((l) => !inMargin(l[0].y, p)).flatMap(chunksOf);
	if (chunks.length < 8) return null;
	const height = median(chunks.map((c) => c.height));
	const left = Math.min(...chunks.map((c) => c.x));
	const width = Math.max(...chunks.map((c) => c.right)) - left;
	if (width <= 0) return null;

	// The right column's edge: the x where most chunks in the middle of the text block start.
	const middle = chunks.filter((c) => c.x > left + 0.3 * width && c.x < left + 0.7 * width);
	let edge: number | null = null;
	let best = 0;
	for (const c of middle) {
		const n = middle.filter((d) => Math.abs(d.x - c.x) <= 2).length;
		if (n > best || (n === best && edge !== null && c.x < edge)) {
			best = n;
			edge = c.x;
		}
	}
	if (edge === null || best < 4) return null;
	const gap = 0.8 * height;
	const rightCol = chunks.filter((c) => c.x >= edge! - 2);
	if (rightCol.length < 4) return null;
	// Judge the columns where both run: from the top of the right column to its bottom (text above
	// it, across the page, is not column text; the left column may run on a little below it).
	const top = Math.max(...rightCol.map((c) => c.y)) + 2 * height;
	const bottom = Math.min(...rightCol.map((c) => c.y)) - 2 * height;
	const leftCol = chunks.filter((c) => c.right <= edge! - gap && c.y <= top && c.y >= bottom);
	if (leftCol.length < 4) return null;

	// Two similar columns of wrapped prose: similar widths, many lines filled, lines close together.
	const leftWidth = Math.max(...leftCol.map((c) => c.right)) - left;
	const rightWidth = Math.max(...rightCol.map((c) => c.right)) - edge;
	if (leftWidth / rightWidth < 0.6 || leftWidth / rightWidth > 1.67) return null;
	const filled = (col: Chunk[], from: number, w: number) => col.filter((c) => c.right >= from + 0.75 * w).length / col.length;
	if (filled(leftCol, left, leftWidth) < 0.3 || filled(rightCol, edge, rightWidth) < 0.3) return null;
	// Prose runs on line after line (headings and paragraph spacing aside); labels beside their
	// answers leave most lines of the answer column empty.
	if (density(leftCol, height) > 2.2 || density(rightCol, height) > 2.2) return null;
	return edge - gap;
}

/**
 * The page's lines in reading order for a two-column page: each line split at the gutter, the
 * left column of a band before its right column; lines across the gutter and the margins (running
 * headers and footers) stay where they are and end a band.
 */
export function columnOrder(lines: readonly TextItem[][], p: TextPage, gutter: number): TextItem[][] {
	const out: TextItem[][] = [];
	let leftBand: TextItem[][] = [];
	let rightBand: TextItem[][] = [];
	const flush = () => {
		out.push(...leftBand, ...rightBand);
		leftBand = [];
		rightBand = [];
	};
	for (const line of lines) {
		const across = line.some((i) => i.x < gutter && i.x + i.width > gutter);
		if (inMargin(line[0].y, p) || across) {
			flush();
			out.push(line);
			continue;
		}
		const l = line.filter((i) => i.x < gutter);
		const r = line.filter((i) => i.x >= gutter);
		if (l.length > 0) leftBand.push(l);
		if (r.length > 0) rightBand.push(r);
	}
	flush();
	return out;
}
