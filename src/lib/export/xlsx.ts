/**
 * An ExportTable as an .xlsx workbook, with exceljs (imported only when called, so the ~1 MB
 * library is fetched only when someone asks for XLSX). One sheet, laid out as the CSV: the
 * title and the about lines, an empty row, then the table with a bold, frozen header row and
 * an autofilter. Numbers are numbers; text is text (codes like `005` keep their zeros), and
 * text a spreadsheet could read as a formula stays a plain string cell (exceljs writes it as a
 * shared string, never as a formula).
 */
import type { ExportTable } from './table';

/** Excel's limit is 31 characters and no []:*?/\ in a sheet name. */
export function sheetName(title: string): string {
	return title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || 'Kotokartta';
}

export async function tableToXlsx(table: ExportTable): Promise<Uint8Array> {
	const mod = await import('exceljs');
	const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Kotokartta';
	wb.title = table.title;
	// Fixed, so the same table gives the same workbook contents.
	wb.created = wb.modified = new Date(0);
	const ws = wb.addWorksheet(sheetName(table.title));

	const title = ws.addRow([table.title]);
	title.font = { bold: true, size: 13 };
	for (const [label, value] of table.about) {
		const row = ws.addRow([label, value]);
		row.getCell(1).font = { bold: true };
	}
	ws.addRow([]);
	const header = ws.addRow([...table.header]);
	header.font = { bold: true };
	const headerRow = header.number;
	for (const r of table.rows) ws.addRow(r.map((v) => (v === null ? null : v)));

	const width = table.header.length;
	if (width > 0) {
		ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
		ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + table.rows.length, column: width } };
	}
	for (let c = 1; c <= Math.max(width, 2); c++) {
		let longest = 8;
		for (const row of [table.header, ...table.rows.slice(0, 500)]) {
			const v = row[c - 1];
			if (v !== null && v !== undefined) longest = Math.max(longest, String(v).length);
		}
		ws.getColumn(c).width = Math.min(60, longest + 2);
	}
	const buffer = await wb.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
