/**
 * What the chart builders share: the theme's colours under the names the views use, escaping for
 * text that goes into markup (ECharts' HTML tooltips, the SVG documents of the PNG downloads), and
 * the note under a chart in its PNG.
 */
import { SCREEN as T } from './theme';

/** The theme's colours under the names the views use (./theme.ts declares them). */
export const PALETTE = T.palette;
export const SEQUENTIAL = T.sequential;
export const NO_PROGRAMME = T.noProgramme;
export const OUTSIDE = T.outside;

/** Escapes text for HTML and SVG markup (names could one day come from data). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An estimate of a character's width in px at `size` (SVG documents do not measure their text). */
export const charWidth = (size: number) => size * 0.55;

/**
 * Lines under a chart in its PNG (what the file says about itself, as a CSV does: view, link,
 * filters, data version, the synthetic share), wrapped to `width` px at about 11 px type: SVG text
 * at `y`, and the height it takes. None: nothing.
 */
export function svgNote(lines: readonly string[], x: number, y: number, width: number): { svg: string; height: number } {
	const size = 11;
	const line = 15;
	const chars = Math.max(20, Math.floor(width / charWidth(size)));
	const wrapped = lines.flatMap((text) => {
		const out: string[] = [];
		let rest = text.trim();
		while (rest.length > chars) {
			const cut = rest.lastIndexOf(' ', chars);
			const at = cut > chars / 2 ? cut : chars;
			out.push(rest.slice(0, at));
			rest = rest.slice(at).trimStart();
		}
		if (rest) out.push(rest);
		return out;
	});
	if (!wrapped.length) return { svg: '', height: 0 };
	const svg = wrapped
		.map((t, i) => `<text x="${x}" y="${y + 12 + i * line}" font-family="${escapeHtml(T.font)}" font-size="${size}" fill="${T.muted}">${escapeHtml(t)}</text>`)
		.join('');
	return { svg, height: wrapped.length * line + 8 };
}
