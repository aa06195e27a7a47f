/**
 * A header printed as a table (label cell | answer cell), as word processors print it: pdf.js
 * gives a row's label and answer as one line when the cells are close ("Päivitetty 3.3.2025"),
 * or as two segments on one baseline; a label that does not fit its cell wraps onto the lines
 * below, beside the answer's next lines. These functions take a row apart by the answer's column.
 */
import type { Segment } from './text-layer-layout';

export interface TableRow {
	/** The label cell's text, its wrapped lines included. */
	label: string;
	/** The part of this line in the answer column, if the label and answer came as one line. */
	cell: Segment | null;
	/** Where the answer column starts. */
	answerX: number;
}

/** A line's runs in the label column (left of `answerX`) and in the answer column. */
export function splitAtColumn(seg: Segment, answerX: number): { label: string; cell: Segment | null } {
	const left = seg.runs.filter((r) => r.x < answerX - 2);
	const right = seg.runs.filter((r) => r.x >= answerX - 2);
	const label = left.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim();
	if (right.length === 0) return { label, cell: null };
	const text = right.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim();
	return { label, cell: text === '' ? null : { ...seg, runs: right, x: right[0].x, right: Math.max(...right.map((r) => r.right)), text } };
}

/** Same baseline, further right: printed beside `seg`. */
export function beside(seg: Segment, next: Segment | null): boolean {
	return next !== null && next.page === seg.page && Math.abs(next.y - seg.y) <= 0.35 * Math.max(next.height, seg.height) && next.x > seg.right;
}

/**
 * The row that begins with segment `n`, if it is laid out as label | answer: the answer beside it
 * on the same baseline, or in the same line after a gap wider than a word space (a cell edge).
 * The label's wrapped lines (below it, at its left edge, left of the answer column) are joined.
 */
export function tableRow(segs: readonly Segment[], n: number): TableRow | null {
	const seg = segs[n];
	const next = segs[n + 1] ?? null;
	let answerX: number;
	if (beside(seg, next)) answerX = next!.x;
	else {
		const at = seg.runs.findIndex((r, i) => i > 0 && i <= 3 && r.x - seg.runs[i - 1].right >= 1.2 * seg.height);
		if (at <= 0) return null;
		answerX = seg.runs[at].x;
	}
	const first = splitAtColumn(seg, answerX);
	const parts = [first.label];
	let last = seg;
	for (let k = n + 1; k < Math.min(segs.length, n + 12); k++) {
		const s = segs[k];
		if (s.page !== seg.page || s.y < last.y - 1.6 * Math.max(s.height, last.height) - 0.5) break;
		if (s.x >= answerX - 2) continue; // the answer's own lines
		if (Math.abs(s.x - seg.x) > 3) break;
		const label = splitAtColumn(s, answerX).label;
		if (label === '') break;
		parts.push(label);
		last = s;
	}
	return { label: parts.join(' '), cell: first.cell, answerX };
}
