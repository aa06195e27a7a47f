/**
 * The data page: dictionary from tables.ts, downloads of every table (Parquet and CSV, the CSV
 * checked against Node's reading of the same Parquet), the ingest log, the blank form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { TABLES } from '$lib/dataset/tables';
import type { NodeDatabase } from '$lib/db/node.server';
import { tableCounts } from '$lib/db/queries';
import { translator } from '$lib/i18n';
import { ingestCodeWords } from '$lib/dataset/ingest-codes-i18n';
import { BASE, launch, offOrigin, open, session, siteDatabase } from './harness';

let browser: Browser;
let db: NodeDatabase;
let counts: Record<string, number>;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	counts = Object.fromEntries((await db.run(tableCounts())).map((r) => [r.table_name as string, r.rows as number]));
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		} else cell += c;
	}
	if (cell || row.length) row.push(cell), rows.push(row);
	return rows;
}

describe('data page', () => {
	it('lists every table and column of the data contract', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			for (const t of TABLES) {
				const section = s.page.locator(`#table-${t.name}`);
				expect(await section.count(), t.name).toBe(1);
				const names = await section.locator('tbody th').allTextContents();
				expect(names.map((n) => n.trim()), t.name).toEqual(t.columns.map((c) => c.name));
			}
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it.each(TABLES.map((t) => t.name))('%s downloads as CSV with the declared columns and every row', async (name) => {
		const res = await fetch(`${BASE}/data/${name}.csv`);
		expect(res.status).toBe(200);
		const bytes = new Uint8Array(await res.arrayBuffer());
		// UTF-8 byte-order mark first, so spreadsheet programs read ä and ö right.
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
		const def = TABLES.find((t) => t.name === name)!;
		expect(rows[0]).toEqual(def.columns.map((c) => c.name));
		expect(rows.length - 1).toBe(counts[name]);
		for (const r of rows) expect(r.length).toBe(def.columns.length);
	});

	it('links each produced Parquet file, byte for byte', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			for (const t of TABLES) {
				const link = s.page.locator(`#table-${t.name} a[href^="/data/${t.name}.parquet"]`);
				if (!(await link.count())) continue;
				const res = await fetch(`${BASE}/data/${t.name}.parquet`);
				expect(res.status, t.name).toBe(200);
				const bytes = new Uint8Array(await res.arrayBuffer());
				expect(new TextDecoder().decode(bytes.slice(0, 4)), t.name).toBe('PAR1');
			}
		} finally {
			await s.close();
		}
	});

	it('in Swedish, the ingest log says each code in Swedish words; the ingest’s English message is marked as English', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/data?lang=sv');
			const logged = await db.run({ id: 'e2e.log-codes', sql: `SELECT code, count(*)::INTEGER AS n FROM ingest_log GROUP BY code ORDER BY code`, params: [] });
			expect(logged.length).toBeGreaterThan(1);
			const codeCol = await s.page.locator('#log thead th').allTextContents();
			const codeIndex = codeCol.findIndex((t) => t.includes(translator('sv').t('data.code')));
			const reasonIndex = codeCol.findIndex((t) => t.includes(translator('sv').t('data.reasonEnglish')));
			expect(codeIndex).toBeGreaterThanOrEqual(0);
			expect(reasonIndex).toBeGreaterThanOrEqual(0);
			const shown = await s.page.locator(`#log tbody tr > :nth-child(${codeIndex + 1})`).allTextContents();
			for (const { code, n } of logged) expect(shown.filter((t) => t.trim() === ingestCodeWords(code as string, 'sv')).length, String(code)).toBe(n);
			expect(await s.page.locator(`#log tbody tr > :nth-child(${reasonIndex + 1})[lang="en"]`).count()).toBe(counts.ingest_log);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('shows the ingest log, sortable from the keyboard with the sort kept in the URL', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			const rows = s.page.locator('#log tbody tr');
			expect(await rows.count()).toBe(counts.ingest_log);
			const header = s.page.locator('#log thead th', { hasText: translator('fi').t('data.status') });
			await header.locator('button').focus();
			await s.page.keyboard.press('Enter');
			await s.page.waitForURL(/sort=status/);
			expect(await header.getAttribute('aria-sort')).toBe('ascending');
			await s.page.keyboard.press('Enter');
			await s.page.waitForURL(/sort=-status/);
			expect(await header.getAttribute('aria-sort')).toBe('descending');
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('lists the programmes that need a municipality, each linked to its PDF (issue 10)', async () => {
		const expected = (await db.run({ id: 'e2e.needs-municipality', sql: `SELECT DISTINCT file FROM ingest_log WHERE code = 'no-municipality' ORDER BY file`, params: [] })).map((r) => r.file as string);
		expect(expected.length).toBeGreaterThan(0); // the demo corpus has scans, whose municipality cannot be read
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			const section = s.page.locator('[data-testid="needs-municipality"]');
			expect(await section.locator('h2').textContent()).toBe(translator('fi').t('data.needsMunicipality'));
			const items = section.locator('li');
			expect(await items.allTextContents()).toEqual(expected);
			const href = await items.first().locator('a').getAttribute('href');
			expect(href).toMatch(/^\/pdfs\/.+\.pdf$/);
			expect((await fetch(`${BASE}${href}`)).status).toBe(200);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('links the blank form PDF', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			const href = await s.page.locator('[data-testid="form-link"]').getAttribute('href');
			expect(href).toBe('/downloads/kotoutumisohjelma-lomake-TEM-3.9.2024.pdf');
			const res = await fetch(`${BASE}${href}`);
			expect(res.status).toBe(200);
			expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
		} finally {
			await s.close();
		}
	});

	it('links only pages that exist in the main navigation', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			const hrefs = await s.page.locator('header nav').first().locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			expect(hrefs.length).toBeGreaterThanOrEqual(2);
			for (const h of hrefs) expect((await fetch(`${BASE}${h}`)).status, h).toBe(200);
		} finally {
			await s.close();
		}
	});
});
