/**
 * The export writers (src/lib/export): CSV in both dialects read back as a spreadsheet would,
 * XLSX opened with exceljs, and file names that differ for every different view.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { csvCell, csvNumber, EXCEL_FI, parseCsvRecords, recordsToCsv, RFC4180, rowsToCsv } from '../../src/lib/export/csv';
import { exportFileName, fingerprint, parseCsvFormat, tableToCsv, type ExportTable } from '../../src/lib/export/table';
import { sheetName, tableToXlsx } from '../../src/lib/export/xlsx';

const table: ExportTable = {
	title: 'Puutteet kunnittain',
	about: [
		['Rajaukset', 'Maakunta: Varsinais-Suomi'],
		['Aineiston versio', 'v-0123456789abcdef (6.12.2026)'],
		['Synteettinen aineisto', 'Mukana 22 synteettistä ohjelmaa 23:sta']
	],
	header: ['Kunta', 'Koodi', 'Täydellisyys', 'Puutteita', 'Huomio'],
	rows: [
		['Aura', '019', 0.875, 2, 'Vastaus; "lainaus"'],
		['Loimaa', '430', null, 0, '=HYPERLINK("http://evil.example")'],
		['Pöytyä', '608', -0.5, 1, '-1+1']
	]
};

describe('CSV writer', () => {
	it('writes numbers in the dialect: decimal comma for Finnish Excel, never exponent notation', () => {
		expect(csvNumber(0.875, EXCEL_FI)).toBe('0,875');
		expect(csvNumber(-0.5, EXCEL_FI)).toBe('-0,5');
		expect(csvNumber(1e-7, RFC4180)).toBe('0.0000001');
		expect(csvNumber(12345, EXCEL_FI)).toBe('12345');
		expect(csvNumber(Number.NaN)).toBe('');
	});

	it('quotes either separator in both dialects', () => {
		for (const dialect of [EXCEL_FI, RFC4180]) {
			expect(csvCell('a,b', { dialect })).toBe('"a,b"');
			expect(csvCell('a;b', { dialect })).toBe('"a;b"');
			expect(csvCell('a b', { dialect })).toBe('a b');
		}
	});

	it('Finnish Excel form: BOM, semicolons, decimal comma, the about lines first, formulas defused', () => {
		const csv = tableToCsv(table, 'excel');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).not.toContain('\n\n');
		const records = parseCsvRecords(csv, EXCEL_FI);
		// Every record has the same number of fields, preamble included.
		expect(new Set(records.map((r) => r.length))).toEqual(new Set([5]));
		expect(records[0][0]).toBe('Puutteet kunnittain');
		expect(records.slice(1, 4).map((r) => r.slice(0, 2))).toEqual(table.about.map((a) => [...a]));
		expect(records[4].every((c) => c === '')).toBe(true);
		expect(records[5]).toEqual(table.header);
		expect(records[6]).toEqual(['Aura', '019', '0,875', '2', 'Vastaus; "lainaus"']);
		expect(records[7]).toEqual(['Loimaa', '430', '', '0', `'=HYPERLINK("http://evil.example")`]);
		expect(records[8]).toEqual(['Pöytyä', '608', '-0,5', '1', "'-1+1"]);
		// What Finnish Excel does with a field: a decimal-comma number parses, a guarded formula stays text.
		expect(Number(records[6][2].replace(',', '.'))).toBe(0.875);
	});

	it('RFC 4180 form: commas and decimal points, the same content', () => {
		const records = parseCsvRecords(tableToCsv(table, 'rfc4180'), RFC4180);
		expect(records[5]).toEqual(table.header);
		expect(records[6]).toEqual(['Aura', '019', '0.875', '2', 'Vastaus; "lainaus"']);
		expect(records[8][2]).toBe('-0.5');
	});

	it('keeps the plain RFC 4180 output of the published tables (no preamble, comma, lists joined by ;)', () => {
		expect(recordsToCsv(['a', 'b'], [{ a: 1.5, b: ['x', 'y'] }], { bom: false })).toBe('a,b\r\n1.5,"x;y"\r\n');
		expect(rowsToCsv(['=x'], [['@SUM(A1)']], { bom: false })).toBe("'=x\r\n'@SUM(A1)\r\n");
	});

	it('unknown format choices fall back to the Excel form', () => {
		expect(parseCsvFormat('rfc4180')).toBe('rfc4180');
		expect(parseCsvFormat('tsv')).toBe('excel');
		expect(parseCsvFormat(null)).toBe('excel');
	});
});

describe('XLSX writer', () => {
	it('opens with exceljs: about lines, then a header and typed cells; formulas stay text', async () => {
		const bytes = await tableToXlsx(table);
		expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		expect(wb.worksheets).toHaveLength(1);
		const ws = wb.worksheets[0];
		expect(ws.name).toBe('Puutteet kunnittain');
		expect(ws.getCell('A1').value).toBe('Puutteet kunnittain');
		expect([ws.getCell('A4').value, ws.getCell('B4').value]).toEqual(['Synteettinen aineisto', 'Mukana 22 synteettistä ohjelmaa 23:sta']);
		expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(table.header);
		expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual(['Aura', '019', 0.875, 2, 'Vastaus; "lainaus"']);
		const formula = ws.getCell('E8');
		expect(formula.type).toBe(ExcelJS.ValueType.String);
		expect(formula.value).toBe('=HYPERLINK("http://evil.example")');
		expect(ws.getCell('C8').value).toBeNull();
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
	});

	it('makes legal sheet names', () => {
		expect(sheetName('Vastuut: palvelu/asiakasryhmä [2025] ja muuta pitkää tekstiä')).toHaveLength(31);
		expect(sheetName('a:b/c')).toBe('a b c');
		expect(sheetName('???')).toBe('Kotokartta');
	});
});

describe('file names', () => {
	const name = (path: string, id: string, params = '', ext: 'csv' | 'xlsx' | 'png' = 'csv', extra?: string) =>
		exportFileName({ path, id, params, ext, extra });

	it('the national default view has a plain name', () => {
		expect(name('/gaps', 'matrix')).toBe('kotokartta-gaps-matrix.csv');
		expect(name('/', 'coverage-map', '', 'png')).toBe('kotokartta-overview-coverage-map.png');
		expect(name('/municipality/019', 'peers', '', 'xlsx')).toBe('kotokartta-municipality-019-peers.xlsx');
	});

	it('names the choices and fingerprints the exact view', () => {
		const f = name('/gaps', 'matrix', 'region=02&synthetic=real');
		expect(f).toMatch(/^kotokartta-gaps-matrix-region-02-synthetic-real-[0-9a-f]{8}\.csv$/);
		expect(f).toContain(fingerprint('/gaps\nmatrix\nregion=02&synthetic=real\n'));
	});

	it('gives different views different names, also when the readable part reads alike or is cut', () => {
		const views = [
			['/gaps', 'matrix', ''],
			['/gaps', 'matrix', 'region=02'],
			['/gaps', 'matrix', 'region=01,02'],
			['/gaps', 'matrix', 'region=01-02'],
			['/gaps', 'matrix', 'region=01&lang=sv'],
			['/gaps', 'matrix', 'group=region'],
			['/languages', 'matrix', 'region=02'],
			['/gaps', 'other', 'region=02'],
			['/gaps', 'matrix', `region=${Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')).join(',')}`],
			['/gaps', 'matrix', `region=${Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')).join(',')}`]
		];
		const names = views.map(([p, id, q]) => name(p, id, q));
		expect(new Set(names).size).toBe(views.length);
		expect(name('/data', 'log', '', 'csv', 'sort -code')).not.toBe(name('/data', 'log', '', 'csv', 'sort code'));
		for (const n of names) expect(n.length).toBeLessThan(120);
	});
});
