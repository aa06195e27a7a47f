/**
 * Downloads as a user gets them: the CSV read as Finnish Excel reads it (UTF-8 BOM, semicolons,
 * decimal comma), the XLSX opened with exceljs, both saying inside what they show (filters, data
 * version, synthetic share); file names that follow the view; the CSV form choice remembered.
 * Expected rows and counts come from the same Parquet files queried in Node with the pages' SQL.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { MATRIX_PARTS } from '$lib/components/gaps/matrix';
import { gapMatrix, scopeSummary, type GapRow, type ScopeSummary } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { EXCEL_FI, parseCsvRecords, RFC4180, type CsvDialect } from '$lib/export/csv';
import { translator } from '$lib/i18n';
import { EMPTY_FILTERS, type Filters } from '$lib/state/filters';
import { axeViolations, launch, open, session, siteDatabase, waitChartsDrawn, waitLive } from './harness';

let browser: Browser;
let db: NodeDatabase;
const fi = translator('fi');
const REGION = '02'; // Varsinais-Suomi: Aura, the real programme, and synthetic ones
const filters: Filters = { ...EMPTY_FILTERS, region: [REGION] };
let rows: GapRow[];
let scope: ScopeSummary;
let version: string;
/** The scripts the first XLSX request fetched (exceljs): no page may load them before. */
let xlsxScripts: string[] = [];

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	rows = await db.run<GapRow>(gapMatrix(filters));
	[scope] = await db.run<ScopeSummary>(scopeSummary(filters));
	const dir = process.env.KOTOKARTTA_DATA_DIR ?? 'static/data';
	version = `v-${createHash('sha256').update(readFileSync(join(dir, 'manifest.json'))).digest('hex').slice(0, 16)}`;
	expect(scope.programmes).toBeGreaterThan(0);
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

/** Clicks a download button and returns the suggested name and the bytes. */
async function grab(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
	const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
	return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** The CSV as a spreadsheet reads it: about lines (label → value) and the table after the empty line. */
function readCsv(bytes: Buffer, dialect: CsvDialect) {
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const records = parseCsvRecords(bytes.toString('utf8'), dialect);
	const blank = records.findIndex((r) => r.every((c) => c === ''));
	expect(blank).toBeGreaterThan(0);
	const about = new Map(records.slice(1, blank).map((r) => [r[0], r[1]]));
	const [header, ...body] = records.slice(blank + 1);
	return { title: records[0][0], about, header, body, widths: new Set(records.map((r) => r.length)) };
}

describe('downloads', () => {
	it('gaps CSV opens in Finnish Excel: semicolons, decimal comma, words not codes, and says what it shows', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `/gaps?region=${REGION}`);
			await waitLive(s.page);
			const { name, bytes } = await grab(s.page, '.controls [data-download="csv"]');
			expect(name).toMatch(new RegExp(`^kotokartta-gaps-matrix-region-${REGION}-[0-9a-f]{8}\\.csv$`));
			const csv = readCsv(bytes, EXCEL_FI);
			// One column count for every record: Excel shows a grid, not one column.
			expect(csv.widths.size).toBe(1);
			expect(csv.header.length).toBeGreaterThan(MATRIX_PARTS.length);
			expect(csv.title).toBe(fi.t('gaps.title'));
			expect(csv.about.get(fi.t('filter.title'))).toBe(`${fi.t('filter.region')}: Varsinais-Suomi`);
			expect(csv.about.get(fi.t('export.about.version'))).toContain(version);
			expect(csv.about.get(fi.t('export.about.synthetic'))).toBe(
				scope.synthetic_programmes > 0
					? fi.t('export.about.syntheticSome', { synthetic: scope.synthetic_programmes, total: scope.programmes })
					: fi.t('export.about.syntheticNone', { total: scope.programmes })
			);
			expect(csv.about.get(fi.t('export.about.link'))).toMatch(new RegExp(`/gaps\\?region=${REGION}$`));
			expect(csv.body).toHaveLength(rows.length);
			// Scores with a decimal comma, equal to the data; no raw codes in the part columns.
			const scoreCol = csv.header.indexOf(fi.t('gaps.score'));
			const graded = rows.find((r) => r.score !== null && !Number.isInteger(r.score * 100))!;
			const line = csv.body.find((r) => r[1] === graded.code)!;
			expect(line[scoreCol]).toMatch(/^\d+,\d+$/);
			expect(Number(line[scoreCol].replace(',', '.'))).toBeCloseTo(graded.score!, 3);
			const words = new Set(['answered', 'thin', 'placeholder', 'empty', 'missing', 'ungraded', 'no_programme']);
			for (const r of csv.body) for (const cell of r.slice(-MATRIX_PARTS.length)) expect(words.has(cell), cell).toBe(false);
			// Another view, another name.
			await open(s.page, '/gaps');
			const national = await grab(s.page, '.controls [data-download="csv"]');
			expect(national.name).toBe('kotokartta-gaps-matrix.csv');
			expect(readCsv(national.bytes, EXCEL_FI).about.get(fi.t('filter.title'))).toBe(fi.t('filter.none'));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('gaps XLSX opens with exceljs: the same about lines and rows, numbers as numbers', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `/gaps?region=${REGION}`);
			await waitLive(s.page);
			const before = new Set(s.requests);
			const { name, bytes } = await grab(s.page, '.controls [data-download="xlsx"]');
			xlsxScripts = s.requests.filter((u) => !before.has(u) && /\.js(\?|$)/.test(u));
			expect(name).toMatch(new RegExp(`^kotokartta-gaps-matrix-region-${REGION}-[0-9a-f]{8}\\.xlsx$`));
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
			const ws = wb.worksheets[0];
			const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
			expect(ws.getCell('A1').value).toBe(fi.t('gaps.title'));
			let headerRow = 0;
			const about = new Map<string, unknown>();
			for (let n = 2; n <= ws.rowCount; n++) {
				if (values(n).length === 0) {
					headerRow = n + 1;
					break;
				}
				about.set(String(ws.getCell(n, 1).value), ws.getCell(n, 2).value);
			}
			expect(about.get(fi.t('filter.title'))).toBe(`${fi.t('filter.region')}: Varsinais-Suomi`);
			expect(String(about.get(fi.t('export.about.version')))).toContain(version);
			expect(about.has(fi.t('export.about.synthetic'))).toBe(true);
			expect(values(headerRow).slice(-MATRIX_PARTS.length)).toEqual(MATRIX_PARTS.map((k) => fi.part(k)));
			expect(ws.rowCount - headerRow).toBe(rows.length);
			const scoreCol = values(headerRow).indexOf(fi.t('gaps.score')) + 1;
			const graded = rows.find((r) => r.score !== null)!;
			for (let n = headerRow + 1; n <= ws.rowCount; n++) {
				if (ws.getCell(n, 2).value !== graded.code) continue;
				expect(typeof ws.getCell(n, scoreCol).value).toBe('number');
				expect(ws.getCell(n, scoreCol).value as number).toBeCloseTo(graded.score!, 3);
			}
			// exceljs is fetched only now, on the first XLSX request.
			expect(xlsxScripts.length).toBeGreaterThan(0);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('exceljs is not loaded until someone asks for XLSX', async () => {
		const s = await session(browser);
		try {
			expect(xlsxScripts.length).toBeGreaterThan(0);
			for (const path of ['/', '/gaps']) {
				await open(s.page, path);
				await waitChartsDrawn(s.page);
			}
			expect(s.requests.filter((u) => xlsxScripts.includes(u))).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('the CSV form can be switched to RFC 4180, and the choice is remembered', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await waitChartsDrawn(s.page);
			const chart = s.page.locator('[data-chart]').first();
			const id = await chart.getAttribute('data-chart');
			await chart.locator('select[data-csv-format]').selectOption('rfc4180');
			const { name, bytes } = await grab(s.page, `[data-chart="${id}"] [data-download="csv"]`);
			expect(name).toBe(`kotokartta-overview-${id}.csv`);
			const csv = readCsv(bytes, RFC4180);
			expect(csv.widths.size).toBe(1);
			expect(csv.header.length).toBeGreaterThan(1);
			// No raw column names in the table view: headers are words.
			const headers = await chart.locator('table thead th').allTextContents();
			expect(headers.map((h) => h.replace(/[▲▼↕]/g, '').trim())).not.toContain('code');
			await s.page.reload();
			await s.page.waitForSelector('body[data-hydrated="true"]');
			expect(await s.page.locator('select[data-csv-format]').first().inputValue()).toBe('rfc4180');
			// Filters change the chart's file name.
			await open(s.page, '/?synthetic=real');
			await waitChartsDrawn(s.page);
			const real = await grab(s.page, `[data-chart="${id}"] [data-download="csv"]`);
			expect(real.name).toMatch(new RegExp(`^kotokartta-overview-${id}-synthetic-real-[0-9a-f]{8}\\.csv$`));
			expect(readCsv(real.bytes, RFC4180).about.get(fi.t('filter.title'))).toBe(fi.label('synthetic', 'real'));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	// The gaps, overview, profile, search and SQL pages are checked by their own tests (with these
	// controls on them); these pages have tables with downloads and no axe check of their own.
	it('pages with download controls have no axe violations', async () => {
		const s = await session(browser);
		try {
			for (const path of ['/data', '/area', '/cooperation?lang=sv']) {
				await open(s.page, path);
				await waitChartsDrawn(s.page);
				expect(await axeViolations(s.page), path).toEqual([]);
			}
		} finally {
			await s.close();
		}
	}, 600_000);
});
