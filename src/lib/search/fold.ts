/**
 * Folding text for search: lower case, diacritics removed ("ä" → "a", "Å" → "a", "ł" → "l").
 *
 * Fuse.js folds the same way on its own (`ignoreDiacritics`), but its folding can change a
 * string's length ("ß" → "ss", a decomposed "a" + U+0308 → "a"), and then the match positions it
 * reports no longer point into the answer text. So we fold first, keep a map from folded
 * positions back to the original ones where the length changed, and hand Fuse text it leaves as
 * it is.
 */

/** Letters that Unicode does not decompose but that readers treat as a letter with a mark. */
const NON_DECOMPOSABLE: Readonly<Record<string, string>> = {
	ł: 'l',
	đ: 'd',
	ø: 'o',
	ħ: 'h',
	ŧ: 't',
	ı: 'i',
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	þ: 'th'
};

const MARKS = /\p{M}/gu;

const cache = new Map<string, string>();

/** Folds one code point (given as a string of 1–2 UTF-16 units). */
function foldCodePoint(ch: string): string {
	const ascii = ch.charCodeAt(0);
	if (ch.length === 1 && ascii < 0x80) {
		return ascii >= 65 && ascii <= 90 ? String.fromCharCode(ascii + 32) : ch;
	}
	let folded = cache.get(ch);
	if (folded === undefined) {
		folded = ch.toLowerCase().normalize('NFD').replace(MARKS, '');
		folded = [...folded].map((c) => NON_DECOMPOSABLE[c] ?? c).join('');
		if (cache.size < 4096) cache.set(ch, folded);
	}
	return folded;
}

export interface FoldedText {
	/** The folded text. */
	text: string;
	/**
	 * Present only when folding changed the length: for each folded UTF-16 unit, the original
	 * position of the code point it came from (`starts`) and the end of that code point (`ends`).
	 */
	starts?: Uint32Array;
	ends?: Uint32Array;
}

/** Fold of one UTF-16 unit when it is exactly one unit, else -1 (cached per unit). */
const unitFolds = new Map<number, number>();
function unitFold(code: number): number {
	let f = unitFolds.get(code);
	if (f === undefined) {
		if (code >= 0xd800 && code <= 0xdfff) f = -1;
		else {
			const folded = foldCodePoint(String.fromCharCode(code));
			f = folded.length === 1 ? folded.charCodeAt(0) : -1;
		}
		unitFolds.set(code, f);
	}
	return f;
}

// ignoreBOM keeps a leading U+FEFF in the output: dropping it would shift every position.
const utf16 = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

/**
 * The common case, fast: every unit folds to exactly one unit (Finnish and Swedish text), so
 * positions do not move. Null when some character needs the general path.
 */
function foldSameLength(text: string): string | null {
	const n = text.length;
	const out = new Uint16Array(n);
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) {
			out[i] = c >= 65 && c <= 90 ? c + 32 : c;
			continue;
		}
		const f = unitFold(c);
		if (f < 0) return null;
		out[i] = f;
	}
	if (utf16) return utf16.decode(out);
	let s = '';
	for (let i = 0; i < n; i += 4096) s += String.fromCharCode(...out.subarray(i, i + 4096));
	return s;
}

/** Folds text for searching and remembers how to map positions back. */
export function foldText(text: string): FoldedText {
	const fast = foldSameLength(text);
	if (fast !== null) return { text: fast };
	let out = '';
	let sameLength = true;
	for (let i = 0; i < text.length; ) {
		const cp = text.codePointAt(i)!;
		const width = cp > 0xffff ? 2 : 1;
		const f = foldCodePoint(text.slice(i, i + width));
		if (f.length !== width) sameLength = false;
		out += f;
		i += width;
	}
	if (sameLength) return { text: out };
	const starts = new Uint32Array(out.length);
	const ends = new Uint32Array(out.length);
	let j = 0;
	for (let i = 0; i < text.length; ) {
		const cp = text.codePointAt(i)!;
		const width = cp > 0xffff ? 2 : 1;
		const f = foldCodePoint(text.slice(i, i + width));
		// A combining mark folds to nothing: it belongs to the letter before it.
		if (f.length === 0 && j > 0) ends[j - 1] = i + width;
		for (let k = 0; k < f.length; k++, j++) {
			starts[j] = i;
			ends[j] = i + width;
		}
		i += width;
	}
	return { text: out, starts, ends };
}

/** Folds a query the same way as the indexed text. */
export function foldQuery(query: string): string {
	return foldText(query).text;
}

/**
 * Maps a range [start, end) of folded text back to the original text. A range that starts or
 * ends inside a multi-unit fold ("ss" from "ß") widens to the whole original character.
 */
export function unfoldRange(folded: FoldedText, start: number, end: number): [number, number] {
	if (!folded.starts || !folded.ends) return [start, end];
	if (end <= start) {
		const at = start < folded.starts.length ? folded.starts[start] : (folded.ends[folded.ends.length - 1] ?? 0);
		return [at, at];
	}
	return [folded.starts[start], folded.ends[end - 1]];
}
