/**
 * Text primitives for enrichment: word tokens and sentences with their UTF-16 offsets into the
 * answer text, so every fact can point back at exactly the characters it was read from.
 */

export interface Token {
	/** The word as written (inner hyphens and colons kept: `TE-palvelut`, `Ii:ssä`, `S:t`). */
	text: string;
	/** Lower-cased text. */
	lower: string;
	start: number;
	end: number;
	/** First character is an upper-case letter. */
	capitalised: boolean;
	/** Every letter is upper case (and there are at least two): headings, acronyms. */
	allCaps: boolean;
	/** Index of the sentence the token is in (see `splitSentences`). */
	sentence: number;
	/** First word of its sentence (capitalisation says nothing there). */
	sentenceInitial: boolean;
	/** Index in the token array. */
	index: number;
}

export interface Sentence {
	start: number;
	end: number;
	index: number;
}

/**
 * Words: letters and digits, joined by inner `-`, `:`, `'` or `’` (`ELY-keskuksen`, `Ii:ssä`, `§:n`),
 * with a trailing hyphen kept (`arabian-` in "arabian- ja darinkielisille"). Combining marks stay inside
 * their word (the text is never normalised: spans must index the text as written).
 */
const WORD = /[\p{L}\p{M}\p{N}§]+(?:[-:'’][\p{L}\p{M}\p{N}§]+)*-?/gu;

/** Abbreviations after which a full stop does not end a sentence (Finnish and Swedish admin prose). */
const ABBREVIATIONS = new Set([
	'esim', 'em', 'mm', 'ks', 'kts', 'vrt', 'n', 'ns', 't', 'klo', 'ao', 'ko', 'ed', 's',
	'ca', 'puh', 'p', 'nro', 'nr', 'os', 'ts', 'eli', 'prof', 'tri', 'lk', 'ma', 'ti', 'ke', 'to', 'pe', 'la', 'su',
	'bl', 'a', 'ex', 'dvs', 'resp', 'st', 'fr', 'o', 'kl', 'tfn', 'jfr', 'ang', 'inkl', 'exkl', 'tel', 'e'
]);
// "ym.", "jne.", "yms.", "tms.", "osv.", "etc." close lists, so they often end a sentence: they do
// when a capitalised word follows (the regex below only looks at such places).

/** Sentence boundaries: `.`, `!`, `?` before white space and a capital/digit, blank lines, bullet lines. */
export function splitSentences(text: string): Sentence[] {
	const cuts: number[] = [0];
	const re = /[.!?]+(?=\s+["'”’(]?[\p{Lu}\p{N}])|\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-•*–—]|\d+[.)])\s)/gu;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		if (m[0][0] === '.' && m[0].length === 1) {
			const before = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index));
			const word = before ? before[1] : '';
			// An abbreviation, a single letter (initial) or a number (date, ordinal) does not end a sentence.
			if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || /^\d+$/.test(word)) continue;
		}
		cuts.push(m.index + m[0].length);
	}
	cuts.push(text.length);
	const out: Sentence[] = [];
	for (let i = 0; i + 1 < cuts.length; i++) {
		let start = cuts[i];
		let end = cuts[i + 1];
		while (start < end && /\s/.test(text[start])) start++;
		while (end > start && /\s/.test(text[end - 1])) end--;
		if (end > start) out.push({ start, end, index: out.length });
	}
	return out;
}

export function tokenize(text: string, sentences: Sentence[] = splitSentences(text)): Token[] {
	const tokens: Token[] = [];
	let s = 0;
	let lastSentence = -1;
	for (const m of text.matchAll(WORD)) {
		const start = m.index ?? 0;
		while (s + 1 < sentences.length && sentences[s].end <= start) s++;
		const word = m[0];
		const letters = word.replace(/[^\p{L}]/gu, '');
		tokens.push({
			text: word,
			lower: word.toLowerCase(),
			start,
			end: start + word.length,
			capitalised: /^\p{Lu}/u.test(word),
			allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
			sentence: s,
			sentenceInitial: s !== lastSentence,
			index: tokens.length
		});
		lastSentence = s;
	}
	return tokens;
}

/** A text analysed once and shared by the extractors. */
export interface AnalysedText {
	text: string;
	sentences: Sentence[];
	tokens: Token[];
}

export function analyse(text: string): AnalysedText {
	const sentences = splitSentences(text);
	return { text, sentences, tokens: tokenize(text, sentences) };
}

/** The text between two tokens (exclusive), e.g. to see whether they are joined by ", " or " ja ". */
export function between(a: AnalysedText, left: Token, right: Token): string {
	return a.text.slice(left.end, right.start);
}

/** Tokens of one sentence (tokens are in sentence order, so two binary searches). */
export function sentenceTokens(a: AnalysedText, sentence: number): Token[] {
	const { tokens } = a;
	const first = (s: number) => {
		let lo = 0;
		let hi = tokens.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (tokens[mid].sentence < s) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	return tokens.slice(first(sentence), first(sentence + 1));
}

/** The sentence containing `offset` (binary search; sentences are sorted and disjoint), if any. */
export function sentenceAt(a: AnalysedText, offset: number): Sentence | undefined {
	const { sentences } = a;
	let lo = 0;
	let hi = sentences.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sentences[mid].end <= offset) lo = mid + 1;
		else hi = mid;
	}
	const s = sentences[lo];
	return s && s.start <= offset ? s : undefined;
}

const lineMemo = new WeakMap<AnalysedText, number[]>();

/** Where the line holding `offset` starts (`text.lastIndexOf('\n', offset - 1) + 1`, by binary search over the line breaks found once). */
export function lineStart(a: AnalysedText, offset: number): number {
	let breaks = lineMemo.get(a);
	if (!breaks) {
		breaks = [];
		for (let i = a.text.indexOf('\n'); i >= 0; i = a.text.indexOf('\n', i + 1)) breaks.push(i);
		lineMemo.set(a, breaks);
	}
	// The last break at or before offset - 1.
	let lo = 0;
	let hi = breaks.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (breaks[mid] <= offset - 1) lo = mid + 1;
		else hi = mid;
	}
	return lo > 0 ? breaks[lo - 1] + 1 : 0;
}

const sentenceMemo = new WeakMap<AnalysedText, Map<(sentence: string) => unknown, unknown[]>>();

/**
 * `fn(text of sentence index)`, computed once per sentence of `a` and function. Many mentions can
 * share one sentence; a regex over the sentence per mention is quadratic in a long sentence.
 * `fn` must depend on the sentence text only, and be one function object (module level).
 */
export function perSentence<T>(a: AnalysedText, index: number, fn: (sentence: string) => T): T {
	let byFn = sentenceMemo.get(a);
	if (!byFn) sentenceMemo.set(a, (byFn = new Map()));
	let values = byFn.get(fn);
	if (!values) byFn.set(fn, (values = []));
	if (!(index in values)) {
		const s = a.sentences[index];
		values[index] = fn(s ? a.text.slice(s.start, s.end) : '');
	}
	return values[index] as T;
}

/** Fold to lower-case ASCII-ish for e-mail domains and loose comparison (ä→a, ö→o, å→a). */
export function fold(s: string): string {
	return s
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]/g, '');
}

/** Words that join the items of a list. */
export const LIST_JOINERS = /^\s*(?:,|;|\/|&|\+|ja|sekä|tai|och|samt|eller|sekä\s+myös|ja\s+myös)?\s*$/i;
