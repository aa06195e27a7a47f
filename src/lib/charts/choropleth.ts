/**
 * The choropleth map's pure parts: which labelled class a value falls in, each area's colour, and
 * the whole map (legend included) as one SVG document for the PNG download. ./SvgMap.svelte draws
 * the map in the page as SVG paths that Svelte recolours: a filter change touches only the fills
 * that changed, where a canvas chart library restyles and repaints every area.
 */
import type { MapGeometry } from './finland';
import { escapeHtml, svgNote } from './options';
import { SCREEN as T } from './theme';

/** One class of a choropleth legend: an exact value or a [min, max] range (both ends included), with its label. */
export interface MapPiece {
	value?: number;
	min?: number;
	max?: number;
	label: string;
	color: string;
}

/** What the map colours: an area's id and the value that picks its class. */
export interface MapValue {
	code: string;
	value: number;
}

/** The value is in the piece's class. */
export function inPiece(value: number, p: MapPiece): boolean {
	return p.value !== undefined ? value === p.value : value >= (p.min ?? -Infinity) && value <= (p.max ?? Infinity);
}

/** The first class that holds the value, or -1. */
export function pieceIndex(value: number, pieces: readonly MapPiece[]): number {
	return pieces.findIndex((p) => inPiece(value, p));
}

/**
 * Each area's class by id (areas without a value, or with one no class holds, are absent: the map
 * draws them in the "outside" colour, as it draws areas outside the data).
 */
export function classesByCode(data: readonly MapValue[], pieces: readonly MapPiece[]): Map<string, number> {
	const out = new Map<string, number>();
	for (const d of data) {
		const i = pieceIndex(d.value, pieces);
		if (i >= 0) out.set(d.code, i);
	}
	return out;
}

/** Areas with no class. */
export const NO_CLASS_COLOUR = T.outside;

/** The legend's layout in the PNG, in the drawing's units (about px at the map's usual size). */
const LEGEND = { x: 8, y: 8, swatch: 14, line: 22, font: 13, width: 240 };

/**
 * The map as a standalone SVG document (what the PNG download draws): a white background, the
 * legend (each class's colour and label) at the top left, the areas beside it in their classes'
 * colours, the title on top and `about` under it all (what the file says about itself).
 */
export function mapDocument(
	geometry: MapGeometry,
	data: readonly MapValue[],
	pieces: readonly MapPiece[],
	title: string,
	about: readonly string[] = []
): { svg: string; width: number; height: number } {
	const classes = classesByCode(data, pieces);
	const top = 32;
	const legendHeight = pieces.length * LEGEND.line + LEGEND.y;
	const width = Math.ceil(LEGEND.width + geometry.width + 16);
	const drawing = Math.ceil(top + Math.max(geometry.height, legendHeight) + 8);
	const note = svgNote(about, LEGEND.x, drawing, width - 2 * LEGEND.x);
	const height = Math.ceil(drawing + note.height);
	const font = `font-family="${escapeHtml(T.font)}" fill="${T.ink}"`;
	const legend = pieces
		.map((p, i) => {
			const y = top + LEGEND.y + i * LEGEND.line;
			return `<rect x="${LEGEND.x}" y="${y}" width="${LEGEND.swatch}" height="${LEGEND.swatch}" fill="${p.color}" stroke="${T.ink}" stroke-width="0.5"/><text x="${LEGEND.x + LEGEND.swatch + 6}" y="${y + LEGEND.swatch - 2}" font-size="${LEGEND.font}" ${font}>${escapeHtml(p.label)}</text>`;
		})
		.join('');
	const areas = geometry.paths
		.map((a) => {
			const i = classes.get(a.name);
			return `<path d="${a.d}" fill="${i === undefined ? NO_CLASS_COLOUR : pieces[i].color}"/>`;
		})
		.join('');
	return {
		width,
		height,
		svg:
			`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
			`<rect width="100%" height="100%" fill="${T.background}"/>` +
			`<text x="${LEGEND.x}" y="20" font-size="15" font-weight="600" ${font}>${escapeHtml(title)}</text>` +
			legend +
			`<g transform="translate(${LEGEND.width} ${top})" stroke="${T.separator}" stroke-width="0.4" fill-rule="evenodd">${areas}</g>` +
			note.svg +
			`</svg>`
	};
}
