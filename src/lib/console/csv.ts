/**
 * Console results → CSV: the shared writer (src/lib/export/csv.ts), formula guard on, so an
 * answer holding "=HYPERLINK(…)" stays text in a spreadsheet.
 */
import { csvCell, rowsToCsv, type CsvOptions } from '../export/csv';
import type { ConsoleCell } from './values';

export type { CsvOptions } from '../export/csv';

export const csvField = (value: ConsoleCell): string => csvCell(value);

/** A header row and the data rows, each line ending in CRLF. */
export const toCsv = (header: readonly string[], rows: readonly (readonly ConsoleCell[])[], options: CsvOptions = {}): string =>
	rowsToCsv(header, rows, options);
