/**
 * The SQL console in Debian Chromium against the built site: a SELECT gives the rows Node's
 * DuckDB gives for the same SQL over the same Parquet; COPY, ATTACH and file/URL reads are
 * refused in plain words before they reach DuckDB; the CSV download is RFC 4180 and formula-safe;
 * the time limit stops a runaway query and the console keeps working; the query is a URL;
 * accessibility; no request off the origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { EXCEL_FI, parseCsvRecords, RFC4180 } from '$lib/export/csv';
import ExcelJS from 'exceljs';
import { axeViolations, BASE, launch, offOrigin, open, session, siteDatabase } from './harness';

const fi = translator('fi');
let browser: Browser;
let db: NodeDatabase;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

/** Types a query, runs it with the button, and waits for its outcome. */
async function run(page: Page, sql: string): Promise<{ state: string; text: string }> {
	await page.locator('#sql').fill(sql);
	await page.locator('form button[type="submit"]').click();
	await page.waitForFunction(
		() => {
			const state = document.querySelector('p.status')?.getAttribute('data-state');
			return state === 'done' || state === 'error';
		},
		undefined,
		{ timeout: 120_000 }
	);
	const status = page.locator('p.status');
	return { state: (await status.getAttribute('data-state')) ?? '', text: ((await status.textContent()) ?? '').trim() };
}

async function resultCells(page: Page): Promise<string[][]> {
	return page
		.locator('[data-testid="sql-result"] tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

describe('SQL console', () => {
	it('runs a SELECT and shows the rows Node’s DuckDB gives for the same SQL', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/sql');
			const sql = `SELECT key, count(*) AS answers, count(*) FILTER (WHERE status = 'filled') AS filled
FROM answers GROUP BY key ORDER BY key`;
			const outcome = await run(s.page, sql);
			expect(outcome.state).toBe('done');
			const expected = await db.run<{ key: string; answers: number; filled: number }>({ id: 'test.sql', sql, params: [] });
			expect(expected.length).toBeGreaterThan(10);
			expect(await resultCells(s.page)).toEqual(expected.map((r) => [r.key, String(r.answers), String(r.filled)]));
			// "N riviä, M ms."
			expect(outcome.text.startsWith(fi.t('sql.rows', { rows: expected.length, ms: 0 }).split(',')[0] + ',')).toBe(true);
			expect(await s.page.locator('[data-testid="sql-result"] thead th').allTextContents()).toEqual([
				expect.stringMatching(/^key/),
				expect.stringMatching(/^answers/),
				expect.stringMatching(/^filled/)
			]);
			// The query is a link: opening it runs it again.
			expect(new URL(s.page.url()).searchParams.get('q')).toBe(sql);
			const again = await session(browser);
			try {
				await open(again.page, `/sql?q=${encodeURIComponent(sql)}`);
				await again.page.waitForSelector('p.status[data-state="done"]', { timeout: 120_000 });
				expect(await resultCells(again.page)).toEqual(expected.map((r) => [r.key, String(r.answers), String(r.filled)]));
				expect(again.errors).toEqual([]);
			} finally {
				await again.close();
			}
			expect(await axeViolations(s.page)).toEqual([]);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('refuses COPY, ATTACH, file and URL reads and second statements, in plain words', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/sql');
			const cases: [string, string][] = [
				["COPY answers TO '/tmp/answers.csv'", fi.t('sql.guard.not-a-query')],
				["ATTACH 'https://example.invalid/evil.db' AS evil", fi.t('sql.guard.not-a-query')],
				["SELECT * FROM 'https://example.invalid/x.csv'", fi.t('sql.guard.file-access', { detail: "'https://example.invalid/x.csv'" })],
				["SELECT * FROM read_csv('https://example.invalid/x.csv')", fi.t('sql.guard.forbidden-function', { detail: 'read_csv' })],
				['SELECT 1; DROP VIEW answers', fi.t('sql.guard.multiple-statements')],
				["EXPLAIN COPY answers TO 'x.csv'", fi.t('sql.guard.forbidden-keyword', { detail: 'COPY' })]
			];
			for (const [sql, message] of cases) {
				const outcome = await run(s.page, sql);
				expect(outcome, sql).toEqual({ state: 'error', text: message });
				expect(await s.page.locator('[data-testid="sql-result"]').count()).toBe(0);
			}
			// The views are untouched.
			expect((await run(s.page, 'SELECT count(*) AS n FROM answers')).state).toBe('done');
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
			expect(await axeViolations(s.page)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('says what DuckDB objected to in plain words, in the UI language, never as raw JSON', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/sql');
			const column = await run(s.page, 'SELECT no_such_column FROM answers');
			expect(column.state).toBe('error');
			expect(column.text.startsWith(fi.t('sql.error.noColumn', { name: 'no_such_column' }))).toBe(true);
			expect(column.text).not.toContain('LINE 1');
			const syntax = await run(s.page, 'SELECT * FORM answers');
			expect(syntax.state).toBe('error');
			const position = /\((?:merkki) (\d+)\)/.exec(syntax.text)?.[1];
			expect([
				fi.t('sql.error.syntaxNear', { near: 'answers' }),
				fi.t('sql.error.syntaxAt', { near: 'answers', position: Number(position) })
			]).toContain(syntax.text);
			expect(syntax.text).not.toMatch(/[{}]|exception|Parser Error/);
			expect((await run(s.page, 'SELECT (1')).text).toBe(fi.t('sql.error.syntaxEnd'));
			expect((await run(s.page, 'SELECT * FROM no_such_table')).text).toBe(fi.t('sql.error.noTable', { name: 'no_such_table' }));
			// In Swedish too.
			await open(s.page, '/sql?lang=sv');
			expect((await run(s.page, 'SELECT (1')).text).toBe(translator('sv').t('sql.error.syntaxEnd'));
			// The programmes table counts superseded versions too: the page says so.
			const note = (await s.page.locator('[data-programmes-note]').textContent()) ?? '';
			expect(note).toContain('is_current');
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('downloads the result as CSV (RFC 4180 or Finnish Excel, UTF-8 with BOM, formulas defused, the query inside) and as XLSX', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/sql');
			const sql = `SELECT '=HYPERLINK("http://example.invalid")' AS formula, 'a,b "c"' AS quoted, 'Ukrainan kielellä' AS text, 42 AS n, 0.5::DOUBLE AS x
UNION ALL SELECT '-1+1', 'rivi 1' || chr(10) || 'rivi 2', 'ä', -7, 1.25`;
			expect((await run(s.page, sql)).state).toBe('done');
			await s.page.locator('select[data-csv-format]').selectOption('rfc4180');
			const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('[data-download="csv"]').click()]);
			expect(download.suggestedFilename()).toMatch(/^kotokartta-sql-q-select-[a-z0-9-]*-[0-9a-f]{8}\.csv$/);
			const csv = readFileSync((await download.path())!, 'utf8');
			expect(csv.startsWith('\uFEFF')).toBe(true);
			// The about lines, an empty line, then the table exactly (RFC 4180: quotes doubled, CRLF, formulas defused).
			const blank = '\r\n,,,,\r\n';
			const table = csv.slice(csv.indexOf(blank) + blank.length);
			expect(table).toBe(
				'formula,quoted,text,n,x\r\n' +
					`"'=HYPERLINK(""http://example.invalid"")","a,b ""c""",Ukrainan kielellä,42,0.5\r\n` +
					`'-1+1,"rivi 1\nrivi 2",ä,-7,1.25\r\n`
			);
			const about = parseCsvRecords(csv, RFC4180);
			expect(about.find((r) => r[0] === 'SQL')?.[1]).toBe(sql);
			// Finnish Excel form: semicolons and decimal commas.
			await s.page.locator('select[data-csv-format]').selectOption('excel');
			const [excel] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('[data-download="csv"]').click()]);
			const records = parseCsvRecords(readFileSync((await excel.path())!, 'utf8'), EXCEL_FI);
			const header = records.findIndex((r) => r[0] === 'formula');
			expect(records.slice(header)).toEqual([
				['formula', 'quoted', 'text', 'n', 'x'],
				[`'=HYPERLINK("http://example.invalid")`, 'a,b "c"', 'Ukrainan kielellä', '42', '0,5'],
				["'-1+1", 'rivi 1\nrivi 2', 'ä', '-7', '1,25']
			]);
			const [xlsx] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('[data-download="xlsx"]').click()]);
			expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
			const wb = new ExcelJS.Workbook();
			const bytes = readFileSync((await xlsx.path())!);
			await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
			const ws = wb.worksheets[0];
			let row = 1;
			while (ws.getCell(row, 1).value !== 'formula') row++;
			expect((ws.getRow(row + 1).values as unknown[]).slice(1)).toEqual(['=HYPERLINK("http://example.invalid")', 'a,b "c"', 'Ukrainan kielellä', 42, 0.5]);
			expect(ws.getCell(row + 1, 1).type).toBe(ExcelJS.ValueType.String);
			expect(offOrigin(s.requests)).toEqual([]);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('shows its limits, keeps at most 1000 rows, and stops a runaway query after the time limit', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/sql');
			expect(await s.page.locator('p.limits').textContent()).toBe(fi.t('sql.limits', { rows: fi.number(1000), seconds: 15 }));
			const many = await run(s.page, 'SELECT * FROM range(5000) t(n)');
			expect(many.state).toBe('done');
			expect(await s.page.locator('[data-testid="sql-result"] tbody tr').count()).toBe(1000);
			expect(many.text).toContain(fi.t('sql.truncated', { rows: 1000 }));
			const started = Date.now();
			const runaway = await run(s.page, 'SELECT count(*) FROM range(1000000000000) t(n)');
			expect(runaway).toEqual({ state: 'error', text: fi.t('sql.error.timeout', { seconds: 15 }) });
			expect(Date.now() - started).toBeLessThan(60_000);
			// The console's connection is free again at once.
			expect((await run(s.page, 'SELECT 42 AS answer')).state).toBe('done');
			expect(await resultCells(s.page)).toEqual([['42']]);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('is reachable from the navigation', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			const link = s.page.locator('header nav a', { hasText: fi.t('nav.sql') });
			expect(await link.getAttribute('href')).toBe('/sql');
			expect(await (await fetch(`${BASE}/sql`)).text()).toContain(fi.t('sql.title'));
		} finally {
			await s.close();
		}
	});
});
