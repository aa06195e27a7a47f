/**
 * The one CSV writer, used by every export (chart data, tables, the published per-table files, the
 * SQL console). RFC 4180: comma-separated, CRLF line ends, a field with a separator, quote or line
 * break in double quotes, quotes doubled; UTF-8 with a byte-order mark so spreadsheet programs read
 * ä and ö right. Lists are joined with `;`.
 *
 * Formula guard, on by default: answers are untrusted PDF text, and a spreadsheet reads a text cell
 * that starts with = + - @ (or a tab or carriage return) as a formula ("=HYPERLINK(…)"), so such a
 * cell gets a leading apostrophe. Numbers and booleans are data and stay as they are ("-1" is fine).
 * Pure: no DOM, no I/O (see src/lib/components/download.ts for the browser download).
 */

export interface CsvColumn<R> {
	/** Header text. */
	label: string;
	value: (row: R) => unknown;
}

export interface CsvOptions {
	/** Start with a UTF-8 byte order mark. Default true. */
	bom?: boolean;
	/** Neutralise text cells that a spreadsheet would run as a formula. Default true. */
	formulaGuard?: boolean;
}

export const CSV_BOM = '\uFEFF';

/** Starts a spreadsheet formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, options: CsvOptions = {}): string {
	if (value === null || value === undefined) return '';
	let text = Array.isArray(value) ? value.map((v) => (v === null || v === undefined ? '' : String(v))).join(';') : String(value);
	const isText = typeof value === 'string' || Array.isArray(value);
	if (options.formulaGuard !== false && isText && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n;]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and the data rows, each line ending in CRLF. */
export function rowsToCsv(header: readonly string[], rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
	const cell = (v: unknown) => csvCell(v, options);
	const lines = [header.map(cell).join(',')];
	for (const row of rows) lines.push(row.map(cell).join(','));
	return `${options.bom === false ? '' : CSV_BOM}${lines.join('\r\n')}\r\n`;
}

export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[], options: CsvOptions = {}): string {
	return rowsToCsv(
		columns.map((c) => c.label),
		rows.map((row) => columns.map((c) => c.value(row))),
		options
	);
}

/** CSV of plain records, columns in the order given. */
export function recordsToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], options: CsvOptions = {}): string {
	return rowsToCsv(
		columns,
		rows.map((r) => columns.map((c) => r[c])),
		options
	);
}

/** A file name from a title: lower case, ASCII letters, digits and dashes. */
export function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'kotokartta'
	);
}
