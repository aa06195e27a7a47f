/**
 * What changed between two versions of a programme, part by part, word by word. Words and the
 * whitespace between them are tokens; the diff is a longest common subsequence over tokens
 * (O(n·m) memory is bounded: parts longer than MAX_TOKENS fall back to "whole part changed").
 */
import { ALL_FIELDS } from '../programme/form-tem-2024';
import type { Programme } from '../programme/types';

export type DiffOp = { op: 'same' | 'added' | 'removed'; text: string };

export interface PartChange {
	key: string;
	status: 'unchanged' | 'changed' | 'added' | 'removed';
	ops: DiffOp[];
	/** Words added and removed. */
	added: number;
	removed: number;
}

const MAX_TOKENS = 4000;

/** Words and runs of whitespace, in order (joining them gives the text back). */
export function tokenize(text: string): string[] {
	return text.match(/\s+|[^\s]+/gu) ?? [];
}

export function wordDiff(before: string, after: string): DiffOp[] {
	const a = tokenize(before);
	const b = tokenize(after);
	// Common prefix and suffix first: drafts usually change a little in the middle.
	let p = 0;
	while (p < a.length && p < b.length && a[p] === b[p]) p++;
	let s = 0;
	while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
	const midA = a.slice(p, a.length - s);
	const midB = b.slice(p, b.length - s);
	const ops: DiffOp[] = [];
	const push = (op: DiffOp['op'], text: string) => {
		if (text === '') return;
		const last = ops[ops.length - 1];
		if (last && last.op === op) last.text += text;
		else ops.push({ op, text });
	};
	push('same', a.slice(0, p).join(''));
	if (midA.length * midB.length > MAX_TOKENS * MAX_TOKENS / 4 || midA.length > MAX_TOKENS || midB.length > MAX_TOKENS) {
		push('removed', midA.join(''));
		push('added', midB.join(''));
	} else {
		const n = midA.length;
		const m = midB.length;
		// lcs[i][j] = LCS length of midA[i..] and midB[j..], one flat array.
		const w = m + 1;
		const lcs = new Uint32Array((n + 1) * w);
		for (let i = n - 1; i >= 0; i--) {
			for (let j = m - 1; j >= 0; j--) {
				lcs[i * w + j] = midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
			}
		}
		let i = 0;
		let j = 0;
		while (i < n && j < m) {
			if (midA[i] === midB[j]) {
				push('same', midA[i]);
				i++;
				j++;
			} else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) push('removed', midA[i++]);
			else push('added', midB[j++]);
		}
		while (i < n) push('removed', midA[i++]);
		while (j < m) push('added', midB[j++]);
	}
	push('same', a.slice(a.length - s).join(''));
	return ops;
}

const countWords = (ops: DiffOp[], op: DiffOp['op']) =>
	ops.filter((o) => o.op === op).reduce((n, o) => n + (o.text.match(/\S+/g)?.length ?? 0), 0);

/** Every part of the form either version has, in form order, with its word diff. */
export function programmeDiff(before: Pick<Programme, 'answers'>, after: Pick<Programme, 'answers'>): PartChange[] {
	const a = new Map(before.answers.map((x) => [x.key, x.text]));
	const b = new Map(after.answers.map((x) => [x.key, x.text]));
	const out: PartChange[] = [];
	for (const { key } of ALL_FIELDS) {
		const x = a.get(key);
		const y = b.get(key);
		const xs = x?.trim() ? x : undefined;
		const ys = y?.trim() ? y : undefined;
		if (xs === undefined && ys === undefined) continue;
		const ops = wordDiff(xs ?? '', ys ?? '');
		const added = countWords(ops, 'added');
		const removed = countWords(ops, 'removed');
		const status = xs === undefined ? 'added' : ys === undefined ? 'removed' : added + removed === 0 && xs === ys ? 'unchanged' : 'changed';
		out.push({ key, status: status === 'unchanged' && xs !== ys ? 'changed' : status, ops, added, removed });
	}
	return out;
}
