/**
 * How many typos a word needs to occur in a text: the least edit distance (substitution,
 * insertion, deletion of one character each) between the word and any substring of the text.
 * Myers' bit-parallel algorithm (J. ACM 46(3), 1999; Hyyrö's formulation): one pass over the
 * text with a few integer operations per character, for words of up to 32 characters.
 *
 * This is the quantity Fuse's bitap computes for a word (engine.ts says where the engine relies
 * on that, and the tests compare the two over many queries).
 */

/** Longest word this handles (one 32-bit word of state); Fuse also cuts patterns at 32. */
export const MAX_PATTERN = 32;

export interface ApproxPattern {
	word: string;
	/** For each UTF-16 code unit of the word, the bit mask of its positions… */
	masks: Map<number, number>;
	/** …and the same for code units below 128 (most of folded text), as an array. */
	ascii: Int32Array;
}

export function approxPattern(word: string): ApproxPattern {
	if (word.length === 0 || word.length > MAX_PATTERN) throw new Error(`approxPattern: a word of 1–${MAX_PATTERN} characters, not ${word.length}`);
	const masks = new Map<number, number>();
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i);
		masks.set(c, (masks.get(c) ?? 0) | (1 << i));
	}
	const ascii = new Int32Array(128);
	for (const [c, mask] of masks) if (c < 128) ascii[c] = mask;
	return { word, masks, ascii };
}

/**
 * The least edit distance between the pattern and any substring of `text` (same code units:
 * fold both first) when it is at most `k`; -1 when it is more.
 */
export function substringDistance(text: string, pattern: ApproxPattern, k: number): number {
	if (text.includes(pattern.word)) return 0;
	if (k === 0) return -1;
	const best = leastDistance(text, pattern, 0, text.length);
	return best <= k ? best : -1;
}

/** A piece of a word (engine.ts, requiredPieces) and where it starts in the word. */
export interface Piece {
	text: string;
	offset: number;
}

/** Window starts, reused between calls (the worker answers one query at a time). */
let starts = new Int32Array(64);

/**
 * substringDistance for a word cut into `pieces`, one more than `k` (so a match with at most `k`
 * typos holds one of them verbatim: pigeonhole): the typos are counted only in the windows of
 * text around the pieces' occurrences, not along the whole text. Same answer as
 * substringDistance(text, pattern, k). Why: each edit of an alignment touches at most one piece,
 * so some piece is untouched and occurs at `at`, and the aligned substring, whose start is within
 * `k` of at − offset (the typos before the piece shift it at most that far) and whose end within
 * `k` of at − offset + length, lies in [at − offset − k, at − offset + length + k). The least
 * distance over windows that contain the best alignment, and are substrings of the text, is the
 * least over the text.
 */
export function nearPiecesDistance(text: string, pattern: ApproxPattern, pieces: readonly Piece[], k: number): number {
	if (text.includes(pattern.word)) return 0;
	if (k === 0) return -1;
	const m = pattern.word.length;
	let n = 0;
	for (const { text: piece, offset } of pieces) {
		for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
			if (n === starts.length) {
				const more = new Int32Array(n * 2);
				more.set(starts);
				starts = more;
			}
			starts[n++] = at - offset - k;
		}
	}
	if (n === 0) return -1;
	// Every window is m + 2k wide: in order of start, overlapping ones are counted as one.
	const sorted = starts.subarray(0, n).sort();
	const width = m + 2 * k;
	let best = m;
	for (let w = 0; w < n && best > 1; ) {
		const from = Math.max(0, sorted[w]);
		let to = sorted[w] + width;
		for (w++; w < n && sorted[w] <= to; w++) to = sorted[w] + width;
		best = Math.min(best, leastDistance(text, pattern, from, Math.min(to, text.length)));
	}
	return best <= k ? best : -1;
}

/**
 * The least edit distance between the pattern and a substring of text[from, to), for text that
 * does not hold the word verbatim (so 1 is the least there can be: it stops there).
 */
function leastDistance(text: string, pattern: ApproxPattern, from: number, to: number): number {
	const { word, masks, ascii } = pattern;
	const m = word.length;
	let best = m;
	const high = 1 << (m - 1);
	// pv/mv: the vertical deltas (+1 / −1) of the current column of the DP table, one bit per word
	// position; score: the distance of the whole word to the best substring ending here.
	let pv = -1;
	let mv = 0;
	let score = m;
	for (let j = from; j < to; j++) {
		const c = text.charCodeAt(j);
		const eq = c < 128 ? ascii[c] : (masks.get(c) ?? 0);
		const xv = eq | mv;
		// The sum may carry past bit 31: the xor brings it back to 32 bits (ToInt32).
		const xh = (((eq & pv) + pv) ^ pv) | eq;
		let ph = mv | ~(xh | pv);
		let mh = pv & xh;
		if (ph & high) score++;
		else if (mh & high) {
			score--;
			if (score < best) {
				best = score;
				if (best <= 1) break;
			}
		}
		// A substring may start anywhere: row 0 is all zeros, so nothing shifts in at the bottom.
		ph <<= 1;
		mh <<= 1;
		pv = mh | ~(xv | ph);
		mv = ph & xv;
	}
	return best;
}
