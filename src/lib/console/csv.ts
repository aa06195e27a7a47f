/**
 * Console results → CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break in double quotes, quotes doubled), safe to open in a spreadsheet: a text cell that
 * starts with = + - @ (or a tab or carriage return) would be read as a formula, so it gets a
 * leading apostrophe. Answers are untrusted text; "=HYPERLINK(…)" must stay text.
 */
import type { ConsoleCell } from './values';

/** Starts a spreadsheet formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: ConsoleCell): string {
	if (value === null) return '';
	let text = String(value);
	// Numbers and booleans are data; only text can smuggle a formula ("-1" typed as a number is fine).
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
	return text;
}

export interface CsvOptions {
	/** Start with a UTF-8 byte order mark, so spreadsheet programs read "ä" as "ä". Default true. */
	bom?: boolean;
}

/** A header row and the data rows, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly ConsoleCell[])[], options: CsvOptions = {}): string {
	const lines = [header.map((h) => csvField(h)).join(',')];
	for (const row of rows) lines.push(row.map(csvField).join(','));
	return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
