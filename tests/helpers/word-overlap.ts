/** Word overlap of two texts, for comparing what a reader read with what the document says. */

export const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Dice overlap of two word multisets (exact words): 1 when both are empty. */
export function wordOverlap(a: string, b: string): number {
	const wa = wordsOf(a);
	const wb = wordsOf(b);
	if (wa.length + wb.length === 0) return 1;
	const counts = new Map<string, number>();
	for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
	let common = 0;
	for (const w of wa) {
		const n = counts.get(w) ?? 0;
		if (n > 0) {
			common++;
			counts.set(w, n - 1);
		}
	}
	return (2 * common) / (wa.length + wb.length);
}
