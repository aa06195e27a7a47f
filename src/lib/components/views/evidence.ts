/**
 * Evidence as the comparison views show it: the passage of an answer around a derived fact's
 * span, with the span marked. Pure functions: pages render the parts as text (escaped by
 * Svelte), never as HTML, so an answer can never inject markup.
 */

export interface Highlight {
	/** Text before the mark (already cut to the window), with "…" when cut. */
	before: string;
	mark: string;
	after: string;
	/** True when the span did not match the snippet and the snippet was found elsewhere (or not at all). */
	relocated: boolean;
}

const ELLIPSIS = '…';

/** Moves a cut to the nearest word boundary within `slack` characters (never into the mark). */
function boundary(text: string, at: number, dir: -1 | 1, slack = 16): number {
	for (let i = 0; i < slack; i++) {
		const p = at + dir * i;
		if (p <= 0) return 0;
		if (p >= text.length) return text.length;
		if (/\s/.test(text[p])) return dir < 0 ? p + 1 : p;
	}
	return at;
}

/**
 * The window of `text` around [start, end) with the span marked. When the span does not hold
 * the snippet (text changed, offsets from another reading), the snippet is looked up in the
 * text; when the text is missing or lacks it, the snippet alone is the mark.
 * @param radius characters of context on each side
 */
export function highlight(text: string | null | undefined, start: number, end: number, snippet: string, radius = 90): Highlight {
	let s = start;
	let e = end;
	let relocated = false;
	if (!text || text.slice(s, e) !== snippet) {
		const at = text && snippet ? text.indexOf(snippet) : -1;
		if (!text || at < 0) return { before: '', mark: snippet, after: '', relocated: true };
		s = at;
		e = at + snippet.length;
		relocated = true;
	}
	const from = s - radius <= 0 ? 0 : boundary(text, s - radius, -1);
	const to = e + radius >= text.length ? text.length : boundary(text, e + radius, 1);
	return {
		before: (from > 0 ? ELLIPSIS : '') + text.slice(from, s),
		mark: text.slice(s, e),
		after: text.slice(e, to) + (to < text.length ? ELLIPSIS : ''),
		relocated
	};
}

/** The first `max` characters of an answer, cut at a word, for table cells. */
export function excerpt(text: string | null | undefined, max = 160): string {
	if (!text) return '';
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.lastIndexOf(' ', max);
	return `${flat.slice(0, cut > max / 2 ? cut : max)}${ELLIPSIS}`;
}

/** `/municipality/<code>#<key>`: the profile at the answer (the profile gives each answer that id). */
export function profileHref(code: string, key?: string | null): string {
	if (!/^\d{3}$/.test(code)) throw new Error(`bad municipality code "${code}"`);
	return `/municipality/${code}${key ? `#${encodeURIComponent(key)}` : ''}`;
}

/** The search string of `current` with page-owned parameters set (value) or removed (null), in a stable order. */
export function withParams(current: URLSearchParams, patch: Record<string, string | null | undefined>): URLSearchParams {
	const next = new URLSearchParams(current);
	for (const [k, v] of Object.entries(patch)) {
		if (v === null || v === undefined || v === '') next.delete(k);
		else next.set(k, v);
	}
	return next;
}
