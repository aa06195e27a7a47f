/**
 * CSV as RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a byte-order mark so spreadsheet
 * programs read ä and ö right. Lists are joined with `;`. Used by every download: chart data,
 * tables, and the published per-table CSV files.
 */

export interface CsvColumn<R> {
	/** Header text. */
	label: string;
	value: (row: R) => unknown;
}

export const CSV_BOM = '\uFEFF';

export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = Array.isArray(value) ? value.map((v) => (v === null ? '' : String(v))).join(';') : String(value);
	return /[",\r\n;]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
	const lines = [columns.map((c) => csvCell(c.label)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
	return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** CSV of plain records, columns in the order given. */
export function recordsToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
	return toCsv(
		columns.map((c) => ({ label: c, value: (r: Record<string, unknown>) => r[c] })),
		rows
	);
}

/** Offers text or a data URL as a file download (a blob: URL; nothing leaves the browser). */
export function download(filename: string, content: string | Blob, type = 'text/csv;charset=utf-8'): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
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
