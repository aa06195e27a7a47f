/**
 * Label normalisation and word similarity, shared by the field-name mapping (fillable forms)
 * and the text-layer reader (flattened forms, own templates).
 *
 * Printings of the form differ in whitespace, line breaks, trailing colons, hyphenation and
 * case; these functions make such variants compare equal without touching the words.
 */

/** Whitespace runs (incl. newlines and tabs) → one space, trimmed, trailing colons removed. */
export function normaliseLabel(name: string): string {
	return name
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\s:]+$/, '');
}

/**
 * A looser form for comparison: lower case, words joined across hyphens ("yhteistyö-kumppanit",
 * "hyväksymis- prosessi" → one word), punctuation dropped. Two labels with the same loose form
 * differ only in spacing, case, punctuation or hyphenation.
 */
export function looseLabel(name: string): string {
	return normaliseLabel(name)
		.normalize('NFC')
		.toLowerCase()
		// "yhteistyö-kumppanit", "hyväksymis- prosessi" are one word; "käsittely- ja hyväksymis…" are two.
		.replace(/(\p{L})[-\u2010\u2011\u00ad]\s*(?!(?:ja|tai|sekä|och|eller|samt)\b)(\p{L})/gu, '$1$2')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Words of a label for similarity: loose words of two or more characters. */
export function labelWords(name: string): string[] {
	return looseLabel(name)
		.split(' ')
		.filter((w) => w.length > 1);
}

/**
 * Do two words match? Equal, one a prefix of the other (labels cut at 100 characters end in a
 * partial word: "kunna", "hyvi"), or sharing a long common stem (Finnish inflection:
 * "kotoutumissuunnitelman" / "kotoutumissuunnitelmien").
 */
export function wordsMatch(a: string, b: string): boolean {
	if (a === b) return true;
	const short = a.length <= b.length ? a : b;
	const long = short === a ? b : a;
	if (short.length >= 4 && long.startsWith(short)) return true;
	let common = 0;
	while (common < short.length && short[common] === long[common]) common++;
	return common >= 6 && common >= short.length * 0.75;
}

/** Dice coefficient over word lists, with `wordsMatch` as equality; 0 when either is empty. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) return 0;
	const used = new Set<number>();
	let matches = 0;
	for (const w of a) {
		const j = b.findIndex((v, i) => !used.has(i) && wordsMatch(w, v));
		if (j >= 0) {
			used.add(j);
			matches++;
		}
	}
	return (2 * matches) / (a.length + b.length);
}
