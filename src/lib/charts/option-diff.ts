/**
 * What an option change needs (the `echart` action asks before every setOption): nothing, when the
 * new option draws the same as the one on screen (pages rebuild options when only a busy flag or the
 * SQL shown changed); a merge, when only its values differ (ECharts then updates the drawn elements
 * and keeps its components — a whole-option replace rebuilds them all, and the tooltip's rebuild
 * forces a layout); a replace otherwise.
 *
 * Option builders (./options.ts, ./heatmap.ts, ./network.ts) keep their functions (formatters) pure
 * functions of the option's own data and the UI language, so an option's text — its JSON with each
 * function's source — and the language tell what it draws.
 */
import type { ChartOption } from './echarts';

/** The option as text: equal text and language, equal drawing. */
export function optionSignature(option: ChartOption): string {
	return JSON.stringify(option, (_key, v: unknown) => {
		if (typeof v === 'function') return `ƒ${v.toString()}`;
		if (v === undefined) return '∅';
		if (typeof v === 'number' && !Number.isFinite(v)) return `№${v}`;
		return v;
	});
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectShape(o: Record<string, unknown>): string {
	const keys = Object.keys(o)
		.filter((k) => o[k] !== undefined)
		.sort();
	// Arrays below the top level (data, pieces, axis categories) are leaves: a merge replaces them whole.
	return `{${keys.map((k) => (isPlain(o[k]) ? `${k}:${objectShape(o[k] as Record<string, unknown>)}` : k)).join(',')}}`;
}

/**
 * The option's skeleton: which keys are set at every level, and per component (series, axes…) its
 * position, type, id and name. ECharts' merge overwrites every value the new option sets and keeps
 * what it leaves out, and it matches components by id, then name, then position; so when two
 * options have the same shape, merging the second into the first draws exactly the second.
 */
export function optionShape(option: ChartOption): string {
	return Object.keys(option)
		.filter((k) => option[k] !== undefined)
		.sort()
		.map((k) => {
			const v = option[k];
			if (Array.isArray(v) && v.some(isPlain))
				return `${k}:[${v.map((c) => (isPlain(c) ? `${String(c.type)}|${String(c.id)}|${String(c.name)}${objectShape(c)}` : '·')).join(';')}]`;
			return isPlain(v) ? `${k}:${objectShape(v)}` : k;
		})
		.join(' ');
}
