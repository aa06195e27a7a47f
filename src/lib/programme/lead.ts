/**
 * The lead of a document: the first lines printed on page 1 (its title and first headings), in
 * reading order. A municipality's own document often names the municipality only there
 * ("Kotoutumisohjelma – Jämsän kaupunki"), so enrichment reads it when "Kunta tai kunnat" is
 * missing. Isomorphic: works on the text items the extractor already has.
 */
import type { TextPage } from './text-layer';

/** How many lines of page 1 count as its lead. */
export const LEAD_LINES = 6;

export function leadTextOf(pages: readonly TextPage[], maxLines = LEAD_LINES): string | null {
	const first = pages.find((p) => p.page === 1) ?? pages[0];
	if (!first) return null;
	// Group items into lines by baseline (PDF y grows upwards), then read top to bottom, left to right.
	const lines: { y: number; items: { x: number; str: string }[] }[] = [];
	for (const it of first.items) {
		if (it.str.trim() === '') continue;
		const tolerance = Math.max(2, it.height * 0.4);
		const line = lines.find((l) => Math.abs(l.y - it.y) <= tolerance);
		if (line) line.items.push({ x: it.x, str: it.str });
		else lines.push({ y: it.y, items: [{ x: it.x, str: it.str }] });
	}
	lines.sort((a, b) => b.y - a.y);
	const text = lines
		.slice(0, maxLines)
		.map((l) =>
			l.items
				.sort((a, b) => a.x - b.x)
				.map((i) => i.str)
				.join(' ')
				.replace(/\s+/g, ' ')
				.trim()
		)
		.filter((s) => s !== '')
		.join('\n');
	return text === '' ? null : text;
}
