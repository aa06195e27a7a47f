/**
 * The one CSV writer, used by every export (chart data, tables, the gap matrix, the published
 * per-table files `/data/*.csv`, the SQL console). Pure: no DOM, no I/O (the browser download is
 * src/lib/components/download.ts).
 *
 * Two dialects:
 * - `RFC4180` (the default here): comma-separated, decimal point. For programs; `/data/*.csv`
 *   and the SQL console use it.
 * - `EXCEL_FI`: semicolon-separated, decimal comma, which is what Excel with Finnish or Swedish
 *   (Finland) regional settings expects when it opens a .csv by double-click; with commas it
 *   shows every line in one column.
 * Both: CRLF line ends; a field with a comma, semicolon, quote, line break or edge spaces in
 * double quotes, quotes doubled; UTF-8 with a byte-order mark so spreadsheets read ä and ö right.
 * Lists are joined with `;` (or `listSeparator`).
 *
 * Formula guard, on by default: answers are untrusted PDF text, and a spreadsheet reads a text
 * cell that starts with = + - @ (or a tab or carriage return) as a formula ("=HYPERLINK(…)"), so
 * such a cell gets a leading apostrophe. Numbers and booleans are data and stay as they are.
 */

export interface CsvDialect {
	separator: ',' | ';';
	decimal: '.' | ',';
}

export const RFC4180: CsvDialect = Object.freeze({ separator: ',', decimal: '.' });
export const EXCEL_FI: CsvDialect = Object.freeze({ separator: ';', decimal: ',' });

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
	/** Separator and decimal mark. Default RFC 4180 (comma, decimal point). */
	dialect?: CsvDialect;
	/** Rows written before the header (e.g. what the file shows: filters, data version), then an empty line. */
	preamble?: readonly (readonly unknown[])[];
	/** Joins an array value. Default `;`. */
	listSeparator?: string;
}

export const CSV_BOM = '\uFEFF';

/** Starts a spreadsheet formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

// Plain decimal notation (never 1e-7), no grouping, as many digits as the number has.
const PLAIN_NUMBER = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/** A number in the dialect's notation: `-0.5` → `-0,5` with a decimal comma. */
export function csvNumber(n: number, dialect: CsvDialect = RFC4180): string {
	if (!Number.isFinite(n)) return '';
	const text = Number.isInteger(n) && Math.abs(n) < 1e21 ? String(n) : PLAIN_NUMBER.format(n);
	return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
}

export function csvCell(value: unknown, options: CsvOptions = {}): string {
	if (value === null || value === undefined) return '';
	const dialect = options.dialect ?? RFC4180;
	let text: string;
	if (typeof value === 'number') text = csvNumber(value, dialect);
	else if (typeof value === 'bigint') text = String(value);
	else if (Array.isArray(value)) text = value.map((v) => (v === null || v === undefined ? '' : String(v))).join(options.listSeparator ?? ';');
	else text = String(value);
	const isText = typeof value === 'string' || Array.isArray(value);
	if (options.formulaGuard !== false && isText && FORMULA_START.test(text)) text = `'${text}`;
	// Either separator is quoted in both dialects: a file opened with the other dialect's reader still keeps its fields.
	const needsQuotes = /[",;\r\n]/.test(text) || /^\s|\s$/.test(text);
	return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and the data rows, each line ending in CRLF (after the preamble, if any). */
export function rowsToCsv(header: readonly string[], rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
	const separator = (options.dialect ?? RFC4180).separator;
	const cell = (v: unknown) => csvCell(v, options);
	const lines: string[] = [];
	if (options.preamble?.length) {
		// Padded to the table's width so every record has the same number of fields (RFC 4180 §2.4).
		const width = Math.max(header.length, ...options.preamble.map((r) => r.length));
		for (const row of options.preamble) lines.push(Array.from({ length: width }, (_, i) => cell(row[i])).join(separator));
		lines.push(Array.from({ length: width }, () => '').join(separator));
	}
	lines.push(header.map(cell).join(separator));
	for (const row of rows) lines.push(row.map(cell).join(separator));
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

/**
 * Reads CSV as a spreadsheet would: strips the byte-order mark, splits on the dialect's
 * separator, honours quotes. Returns every record (preamble included) as arrays of text; used by
 * tests and by anything that needs to read our own exports back.
 */
export function parseCsvRecords(text: string, dialect: CsvDialect = RFC4180): string[][] {
	const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === dialect.separator) {
			row.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

/** A file name part from a title: lower case, ASCII letters, digits and dashes. */
export function slug(text: string, max = 60): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/, '');
}
