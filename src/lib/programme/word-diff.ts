/**
 * The word diff of two texts (the check page's draft comparison and the dataset's change
 * records use this one). The diff is a longest common subsequence over words, each carrying the
 * whitespace after it (so an inserted word never "matches" a space of the other text, and a
 * change reads as whole words); O(n·m) memory is bounded: texts whose changed middle is longer
 * than MAX_TOKENS words fall back to "all of it removed, all of it added". Isomorphic, pure.
 */

export type DiffOp = { op: 'same' | 'added' | 'removed'; text: string };

export interface WordDiffOptions {
	/**
	 * `ignore`: any run of whitespace equals any other (a rewrapped line is no change); a kept run
	 * is written as the later text has it. Default `exact`.
	 */
	whitespace?: 'exact' | 'ignore';
}

const MAX_TOKENS = 4000;

/** Words and runs of whitespace, in order (joining them gives the text back). */
export function tokenize(text: string): string[] {
	return text.match(/\s+|[^\s]+/gu) ?? [];
}

/** Leading whitespace (if any), then each word with the whitespace after it: joined, the text. */
function units(text: string): string[] {
	return text.match(/^\s+|[^\s]+\s*/gu) ?? [];
}

export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): DiffOp[] {
	const a = units(before);
	const b = units(after);
	const ignore = options.whitespace === 'ignore';
	const eq = (x: string, y: string) => x === y || (ignore && x.trimEnd() === y.trimEnd());
	// Common prefix and suffix first: drafts usually change a little in the middle.
	let p = 0;
	while (p < a.length && p < b.length && eq(a[p], b[p])) p++;
	let s = 0;
	while (s < a.length - p && s < b.length - p && eq(a[a.length - 1 - s], b[b.length - 1 - s])) s++;
	const midA = a.slice(p, a.length - s);
	const midB = b.slice(p, b.length - s);
	const ops: DiffOp[] = [];
	const push = (op: DiffOp['op'], text: string) => {
		if (text === '') return;
		const last = ops[ops.length - 1];
		if (last && last.op === op) last.text += text;
		else ops.push({ op, text });
	};
	push('same', b.slice(0, p).join(''));
	if (midA.length * midB.length > (MAX_TOKENS * MAX_TOKENS) / 4 || midA.length > MAX_TOKENS || midB.length > MAX_TOKENS) {
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
				lcs[i * w + j] = eq(midA[i], midB[j]) ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
			}
		}
		let i = 0;
		let j = 0;
		while (i < n && j < m) {
			if (eq(midA[i], midB[j])) {
				push('same', midB[j]);
				i++;
				j++;
			} else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) push('removed', midA[i++]);
			else push('added', midB[j++]);
		}
		while (i < n) push('removed', midA[i++]);
		while (j < m) push('added', midB[j++]);
	}
	push('same', b.slice(b.length - s).join(''));
	return ops;
}

/** Words (not whitespace) in the ops of one kind. */
export function countWords(ops: readonly DiffOp[], op: DiffOp['op']): number {
	return ops.filter((o) => o.op === op).reduce((n, o) => n + (o.text.match(/\S+/gu)?.length ?? 0), 0);
}

/**
 * Where two texts differ, whitespace runs counted equal: [start, end) in each text (UTF-16 units)
 * from the first to the last token that differs, trimmed of whitespace; null when they do not
 * differ. A pure insertion gives an empty span in `before` at the place of the insertion.
 */
export function changedSpans(before: string, after: string): { before: [number, number]; after: [number, number] } | null {
	const a = units(before);
	const b = units(after);
	const eq = (x: string, y: string) => x.trimEnd() === y.trimEnd();
	let p = 0;
	while (p < a.length && p < b.length && eq(a[p], b[p])) p++;
	if (p === a.length && p === b.length) return null;
	let s = 0;
	while (s < a.length - p && s < b.length - p && eq(a[a.length - 1 - s], b[b.length - 1 - s])) s++;
	const span = (tokens: string[]): [number, number] => {
		let start = tokens.slice(0, p).join('').length;
		let end = tokens.slice(0, tokens.length - s).join('').length;
		const text = tokens.join('');
		while (start < end && /\s/u.test(text[start])) start++;
		while (end > start && /\s/u.test(text[end - 1])) end--;
		return [start, end];
	};
	const x = span(a);
	const y = span(b);
	if (x[0] === x[1] && y[0] === y[1]) return null; // only whitespace differed
	return { before: x, after: y };
}
