/**
 * What the chart builders share: the theme's colours under the names the views use, and escaping
 * for text that goes into markup (ECharts' HTML tooltips, the SVG documents of the PNG downloads).
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
