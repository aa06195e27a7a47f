/**
 * Evidence highlighting as data: an answer's text + the spans of the facts read from it →
 * segments, each knowing which facts it is evidence for. The profile renders every segment as
 * escaped text (a hit inside `<mark>`), so answer text, however hostile, never becomes markup.
 *
 * Unlike search highlighting (src/lib/search/highlight.ts, which merges ranges), spans of
 * different facts may overlap ("Loimaan kaupungin maahanmuuttokoordinaattori" can be evidence of
 * a provider and of a 54 § host): overlapping spans split into pieces, each piece listing every
 * fact that covers it, so a reader can tell which words support which fact.
 */

/** A fact's evidence in one answer: [start, end) in UTF-16 code units, as the dataset stores it. */
export interface EvidenceSpan {
	/** Id of the fact (unique on the page), e.g. `l3`. */
	fact: string;
	start: number;
	end: number;
	/** The snippet the dataset stored for the span (answers.text[start, end)), used to check it. */
	snippet?: string | null;
}

export interface EvidenceSegment {
	text: string;
	/** Position of the segment in the answer text. */
	start: number;
	end: number;
	/** Facts this piece of text is evidence for, in the order given; empty for plain text. */
	facts: string[];
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Where a span really is: as stored when its snippet matches; else the nearest copy of the snippet; else nowhere. */
export type SpanCheck = { ok: true; start: number; end: number; moved: boolean } | { ok: false; reason: 'outside' | 'mismatch' };

/**
 * Checks a span against the text: the stored offsets are used when they select the stored
 * snippet (or when there is no snippet to compare); a snippet found elsewhere in the text is
 * used at its nearest occurrence (`moved`); otherwise the span is refused rather than drawn
 * on the wrong words.
 */
export function checkSpan(text: string, span: EvidenceSpan): SpanCheck {
	const { start, end } = span;
	const inside = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
	const snippet = span.snippet ?? null;
	if (inside && (snippet === null || snippet === '' || text.slice(start, end) === snippet)) {
		return { ok: true, start, end, moved: false };
	}
	if (snippet) {
		let best = -1;
		for (let at = text.indexOf(snippet); at !== -1; at = text.indexOf(snippet, at + 1)) {
			if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
		}
		if (best !== -1) return { ok: true, start: best, end: best + snippet.length, moved: true };
		return { ok: false, reason: 'mismatch' };
	}
	return { ok: false, reason: 'outside' };
}

/**
 * Splits `text` into plain and evidence segments. Concatenating the segments' text gives back
 * `text` exactly. Spans that do not check out (see checkSpan) are left out; span ends never
 * split a surrogate pair.
 */
export function evidenceSegments(text: string, spans: readonly EvidenceSpan[]): EvidenceSegment[] {
	const placed: { fact: string; start: number; end: number }[] = [];
	for (const span of spans) {
		const c = checkSpan(text, span);
		if (!c.ok) continue;
		let { start, end } = c;
		if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
		if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
		placed.push({ fact: span.fact, start, end });
	}
	const cuts = new Set<number>([0, text.length]);
	for (const p of placed) cuts.add(p.start).add(p.end);
	const points = [...cuts].sort((a, b) => a - b);

	const segments: EvidenceSegment[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const start = points[i];
		const end = points[i + 1];
		const facts = [...new Set(placed.filter((p) => p.start <= start && p.end >= end).map((p) => p.fact))];
		const last = segments[segments.length - 1];
		// Neighbours evidencing the same facts stay one segment (one <mark>, not two).
		if (last && last.facts.length === facts.length && last.facts.every((f, j) => f === facts[j])) {
			last.text += text.slice(start, end);
			last.end = end;
		} else {
			segments.push({ text: text.slice(start, end), start, end, facts });
		}
	}
	if (segments.length === 0) segments.push({ text, start: 0, end: text.length, facts: [] });
	return segments;
}
