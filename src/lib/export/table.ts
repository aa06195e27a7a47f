/**
 * What a download holds, whatever its format: a title, "about" lines (what the file shows: the
 * view, its filters, the data version, whether synthetic programmes are in it), the column
 * headers and the rows, every text already in the UI language. The CSV and XLSX writers lay it
 * out the same way: the about lines, an empty line, then the table. Pure (no DOM, no I/O).
 */
import { EXCEL_FI, rowsToCsv, RFC4180, slug, type CsvDialect } from './csv';

export type ExportCell = string | number | null;

export interface ExportTable {
	/** The table's title (also the XLSX sheet name, shortened). */
	title: string;
	/** Label → value lines written above the table. */
	about: readonly (readonly [string, string])[];
	header: readonly string[];
	rows: readonly (readonly ExportCell[])[];
}

/** The CSV forms a user can choose between; `excel` is the default (Finnish/Swedish Excel opens it by double-click). */
export const CSV_FORMATS = ['excel', 'rfc4180'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];
export const DEFAULT_CSV_FORMAT: CsvFormat = 'excel';
export const CSV_DIALECT: Record<CsvFormat, CsvDialect> = { excel: EXCEL_FI, rfc4180: RFC4180 };

export function parseCsvFormat(value: string | null | undefined): CsvFormat {
	return (CSV_FORMATS as readonly string[]).includes(value ?? '') ? (value as CsvFormat) : DEFAULT_CSV_FORMAT;
}

export function tableToCsv(table: ExportTable, format: CsvFormat = DEFAULT_CSV_FORMAT): string {
	return rowsToCsv(table.header, table.rows, {
		dialect: CSV_DIALECT[format],
		preamble: [[table.title], ...table.about]
	});
}

// ————————————————————————————————————————— file names

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of a view. */
export function fingerprint(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

export interface FileNameParts {
	/** The page's path, e.g. `/gaps` or `/municipality/019`. */
	path: string;
	/** Which download on the page (a chart's or table's id). */
	id: string;
	/** The view's URL parameters (filters, language, page choices), canonical order. */
	params: URLSearchParams | string;
	/** Choices not in the URL that change the file (e.g. a table's local sort). */
	extra?: string;
	ext: 'csv' | 'xlsx' | 'png';
}

/**
 * `kotokartta-<page>-<id>[-<choices>-<fingerprint>].<ext>`: readable, and different for every
 * different view. The readable part names the choices (shortened when long); the fingerprint
 * covers the exact path, id, parameters and extra choices, so two views that read alike (or
 * whose readable part was cut) still get different names. The default national view has no
 * fingerprint: `kotokartta-gaps-matrix.csv`.
 */
export function exportFileName(parts: FileNameParts): string {
	const params = typeof parts.params === 'string' ? new URLSearchParams(parts.params) : parts.params;
	const query = params.toString();
	const page = slug(parts.path) || 'overview';
	const id = slug(parts.id);
	const name = ['kotokartta', page];
	if (id && id !== page && !page.endsWith(`-${id}`)) name.push(id);
	if (query || parts.extra) {
		const choices = slug([...params].map(([k, v]) => `${k} ${v}`).concat(parts.extra ? [parts.extra] : []).join(' '), 48);
		if (choices) name.push(choices);
		name.push(fingerprint(`${parts.path}\n${parts.id}\n${query}\n${parts.extra ?? ''}`));
	}
	return `${name.join('-')}.${parts.ext}`;
}
