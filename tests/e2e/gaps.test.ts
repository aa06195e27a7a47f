/**
 * The gap matrix in Debian Chromium against the built site. Expected rows and grades come from
 * the same Parquet files queried in Node with the same SQL (src/lib/db/queries.ts gapMatrix),
 * so the tests hold for whatever dataset the site was built from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MATRIX_PARTS } from '$lib/components/gaps/matrix';
import { gapMatrix, type GapRow } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { EXCEL_FI, parseCsvRecords } from '$lib/export/csv';
import { axeViolations, holdEngine, launch, offOrigin, open, session, siteDatabase, waitLive } from './harness';

let browser: Browser;
let db: NodeDatabase;
let national: GapRow[];
const fi = translator('fi');

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	national = await db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
	expect(national.some((r) => r.programme_id !== null && r.part_keys.length > 0), 'the site data must have a graded programme').toBe(true);
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

/** Each shown row: code, and the aria-label (grade text) of every part cell or the no-programme text. */
function readGrid(page: Page) {
	return page.evaluate(() => {
		let group = '';
		const out: { code: string; cells: (string | null)[]; none: string | null; group: string }[] = [];
		for (const tr of document.querySelectorAll<HTMLTableRowElement>('table.matrix tbody tr')) {
			if (tr.dataset.group !== undefined) group = tr.querySelector('.group-name')?.textContent?.trim() ?? '';
			if (tr.dataset.row === undefined) continue;
			out.push({
				code: tr.dataset.row,
				cells: [...tr.querySelectorAll<HTMLElement>('td[data-part]')].map((td) => td.getAttribute('aria-label')),
				none: tr.querySelector('td.cell-none')?.textContent?.trim() ?? null,
				group
			});
		}
		return out;
	});
}

const renderTimes = (page: Page) =>
	page.evaluate(() => performance.getEntriesByName('kk:gaps:render').map((e) => Math.round(e.duration)));

describe('gap matrix', () => {
	it('renders every municipality with the grade of every mandatory part, readable without colour', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/gaps');
			const grid = await readGrid(s.page);
			expect(grid.map((r) => r.code).sort()).toEqual(national.map((r) => r.code).sort());
			expect(await s.page.locator('table.matrix thead th.part-col').count()).toBe(MATRIX_PARTS.length);
			const byCode = new Map(national.map((r) => [r.code, r]));
			for (const row of grid) {
				const exp = byCode.get(row.code)!;
				if (exp.programme_id === null) {
					expect(row.none).toContain(fi.t('gaps.noProgramme'));
					continue;
				}
				const grades = new Map(exp.part_keys.map((k, i) => [k, exp.part_grades[i]]));
				expect(row.cells, row.code).toEqual(MATRIX_PARTS.map((k) => fi.label('grade', grades.get(k) ?? 'ungraded')));
			}
			// Every cell shows a symbol, not only a colour.
			const blank = await s.page.locator('td[data-part]').evaluateAll((tds) => tds.filter((td) => !td.textContent?.trim()).length);
			expect(blank).toBe(0);
			// Grouped by employment area by default, names in Finnish order inside each group.
			const collator = new Intl.Collator('fi-FI', { sensitivity: 'base', numeric: true });
			const names = new Map(national.map((r) => [r.code, r.name_fi]));
			const groups = new Map<string, string[]>();
			for (const r of grid) groups.set(r.group, [...(groups.get(r.group) ?? []), names.get(r.code)!]);
			expect(groups.size).toBe(new Set(national.map((r) => r.employment_area_code)).size);
			for (const list of groups.values()) expect(list).toEqual([...list].sort((a, b) => collator.compare(a, b)));
			console.log(`gap matrix: ${grid.length} rows × ${MATRIX_PARTS.length} parts, first render ${JSON.stringify(await renderTimes(s.page))} ms`);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
			expect(await axeViolations(s.page)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a grouping change updates the URL and the groups; back restores them', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/gaps');
			await s.page.locator('input[name="grouping"][value="region"]').check();
			await s.page.waitForURL(/[?&]group=region\b/);
			const byRegion = await readGrid(s.page);
			expect(new Set(byRegion.map((r) => r.group)).size).toBe(new Set(national.map((r) => r.region_code)).size);
			await s.page.locator('input[name="grouping"][value="wellbeing"]').check();
			await s.page.waitForURL(/[?&]group=wellbeing\b/);
			expect(new Set((await readGrid(s.page)).map((r) => r.group)).size).toBe(new Set(national.map((r) => r.wellbeing_county_code)).size);
			console.log(`gap matrix: regrouping render times ${JSON.stringify(await renderTimes(s.page))} ms`);
			await s.page.goBack();
			await s.page.waitForURL(/[?&]group=region\b/);
			expect(await s.page.locator('input[name="grouping"][value="region"]').isChecked()).toBe(true);
			// A copied link opens the same view.
			const copy = await session(browser);
			try {
				await open(copy.page, new URL(s.page.url()).pathname + new URL(s.page.url()).search);
				expect((await readGrid(copy.page)).map((r) => [r.code, r.group])).toEqual(byRegion.map((r) => [r.code, r.group]));
			} finally {
				await copy.close();
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('sorts by number of gaps: the first click most gaps first, municipalities without a programme last; in the URL', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/gaps');
			await s.page.locator('table.matrix thead th').nth(2).locator('button').click();
			await s.page.waitForURL(/[?&]sort=-gaps\b/);
			expect(await s.page.locator('table.matrix thead th').nth(2).getAttribute('aria-sort')).toBe('descending');
			const byCode = new Map(national.map((r) => [r.code, r]));
			// Ranked by gaps, most first; without a grade count, then without a programme, last.
			const rank = (code: string) => {
				const r = byCode.get(code)!;
				return r.programme_id === null ? -2 : (r.weak_parts ?? -1);
			};
			const grid = await readGrid(s.page);
			for (const group of new Set(grid.map((r) => r.group))) {
				const ranks = grid.filter((r) => r.group === group).map((r) => rank(r.code));
				expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
			}
			await s.page.locator('table.matrix thead th').nth(2).locator('button').click();
			await s.page.waitForURL(/[?&]sort=gaps\b/);
			expect(await s.page.locator('table.matrix thead th').nth(2).getAttribute('aria-sort')).toBe('ascending');
			const fewest = await readGrid(s.page);
			for (const group of new Set(fewest.map((r) => r.group))) {
				const list = fewest.filter((r) => r.group === group).map((r) => byCode.get(r.code)!);
				const known = list.filter((r) => r.programme_id !== null && r.weak_parts !== null).length;
				// Missing values last whatever the direction.
				expect(list.slice(known).every((r) => r.programme_id === null || r.weak_parts === null)).toBe(true);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('ranks the whole country worst first from one link', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/gaps');
			await s.page.locator('a.worst-first').click();
			await s.page.waitForURL(/[?&]group=none\b/);
			expect(new URL(s.page.url()).searchParams.get('sort')).toBe('-gaps');
			const grid = await readGrid(s.page);
			expect(new Set(grid.map((r) => r.group)).size).toBe(1);
			expect(grid).toHaveLength(national.length);
			const weak = (code: string) => national.find((r) => r.code === code)!;
			const graded = grid.map((r) => weak(r.code)).filter((r) => r.programme_id !== null && r.weak_parts !== null);
			expect(graded.map((r) => r.weak_parts)).toEqual(graded.map((r) => r.weak_parts).sort((a, b) => b! - a!));
			expect(graded[0].weak_parts).toBe(Math.max(...national.map((r) => r.weak_parts ?? 0)));
			expect(weak(grid[grid.length - 1].code).programme_id === null || national.every((r) => r.programme_id !== null)).toBe(true);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('the filter bar applies: a region filter re-runs the query and the rows follow', async () => {
		const s = await session(browser);
		try {
			const region = national.find((r) => r.programme_id !== null)!.region_code;
			// The engine held back: the prerendered national rows stand in, and the matrix's and the
			// tables' downloads wait (a file now would pair them with the region's filter).
			const release = await holdEngine(s.page);
			await open(s.page, `/gaps?region=${region}`);
			const downloads = s.page.locator(`[role="group"][aria-label="${fi.t('export.group')}: ${fi.t('gaps.title')}"] [data-download]`);
			expect(await downloads.count()).toBe(2);
			for (const b of await downloads.all()) expect(await b.isDisabled()).toBe(true);
			release();
			await waitLive(s.page);
			for (const b of await downloads.all()) expect(await b.isDisabled()).toBe(false);
			const expected = await db.run<GapRow>(gapMatrix({ ...EMPTY_FILTERS, region: [region] }));
			expect((await readGrid(s.page)).map((r) => r.code).sort()).toEqual(expected.map((r) => r.code).sort());
			expect(expected.length).toBeLessThan(national.length);
			console.log(`gap matrix: render after a filter ${JSON.stringify(await renderTimes(s.page))} ms`);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('is a keyboard grid: arrows move one cell, Enter opens the answer, Escape returns to the cell', async () => {
		const graded = national.find((r) => r.programme_id !== null && r.part_keys.length > 0)!;
		const key = graded.part_keys.includes('s3.a2') ? 's3.a2' : graded.part_keys[0];
		const col = MATRIX_PARTS.indexOf(key);
		const s = await session(browser);
		try {
			await open(s.page, '/gaps');
			// One cell of the grid is in the tab order.
			expect(await s.page.locator('table.matrix [data-c][tabindex="0"]').count()).toBe(1);
			const name = s.page.locator(`tr[data-row="${graded.code}"] a[data-c="0"]`);
			await name.focus();
			await s.page.keyboard.press('ArrowRight');
			await s.page.keyboard.press('ArrowRight');
			await s.page.keyboard.press('ArrowRight');
			for (let i = 0; i < col; i++) await s.page.keyboard.press('ArrowRight');
			const focused = await s.page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				return { part: el.dataset.part, row: el.closest('tr')?.dataset.row, tabindex: el.getAttribute('tabindex') };
			});
			expect(focused).toEqual({ part: String(col), row: graded.code, tabindex: '0' });
			await s.page.keyboard.press('Enter');
			const dialog = s.page.locator('dialog[open]');
			await dialog.waitFor();
			await s.page.waitForFunction(() => document.querySelector('dialog[open] .body')?.getAttribute('aria-busy') === 'false', undefined, {
				timeout: 90_000
			});
			const [answer] = await db.run<{ text: string | null; grade: string | null }>({
				id: 'test.answer',
				sql: `SELECT a.text, c.grade FROM completeness c LEFT JOIN answers a USING (programme_id, key) WHERE c.programme_id = ? AND c.key = ?`,
				params: [graded.programme_id, key]
			});
			expect(await dialog.locator('h2').textContent()).toContain(fi.part(key));
			expect(await dialog.locator('.badge').textContent()).toContain(fi.label('grade', answer.grade));
			if (answer.text?.trim()) {
				const shown = (await dialog.locator('.answer-text').textContent()) ?? '';
				const words = (t: string) => t.replace(/\s+/g, ' ').trim();
				expect(words(shown)).toBe(words(answer.text));
			}
			const link = await dialog.locator('.links a').getAttribute('href');
			expect(link).toMatch(new RegExp(`^/municipality/${graded.code}(\\?[^#]*)?#${key.replace('.', '\\.')}$`));
			await s.page.keyboard.press('Escape');
			await dialog.waitFor({ state: 'detached' }).catch(() => s.page.locator('dialog[open]').waitFor({ state: 'hidden' }));
			expect(await s.page.evaluate(() => (document.activeElement as HTMLElement).dataset.part)).toBe(String(col));
			// Down and up keep the column.
			await s.page.keyboard.press('ArrowDown');
			await s.page.keyboard.press('ArrowUp');
			expect(await s.page.evaluate(() => (document.activeElement as HTMLElement).closest('tr')?.dataset.row)).toBe(graded.code);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a click on a cell opens its answer; the CSV has every row and part', async () => {
		const graded = national.find((r) => r.programme_id !== null && r.part_keys.length > 0)!;
		const s = await session(browser);
		try {
			await open(s.page, '/gaps');
			await s.page.locator(`tr[data-row="${graded.code}"] td[data-part="0"]`).click();
			await s.page.locator('dialog[open] h2').waitFor();
			expect(await s.page.locator('dialog[open] h2').textContent()).toContain(fi.part(MATRIX_PARTS[0]));
			// A synthetic programme's answer says so in the dialog; a real one does not.
			expect(await s.page.locator('dialog[open] [data-synthetic-answer]').count()).toBe(graded.is_synthetic ? 1 : 0);
			if (graded.is_synthetic) expect(await s.page.locator('dialog[open] [data-synthetic-answer]').textContent()).toContain(fi.t('gaps.syntheticAnswer'));
			await s.page.locator('dialog[open] button').click();
			const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('.controls [data-download="csv"]').click()]);
			expect(download.suggestedFilename()).toBe('kotokartta-gaps-matrix.csv');
			const path = await download.path();
			const { readFileSync } = await import('node:fs');
			// Finnish Excel form by default: semicolons; the about lines, an empty line, then the table.
			const records = parseCsvRecords(readFileSync(path, 'utf8'), EXCEL_FI);
			const start = records.findIndex((r) => r.every((c) => c === '')) + 1;
			const [header, ...body] = records.slice(start);
			// Parts and grades in words, in the UI language.
			expect(header.slice(-MATRIX_PARTS.length)).toEqual(MATRIX_PARTS.map((k) => fi.part(k)));
			expect(body).toHaveLength(national.length);
			const row = body.find((r) => r[1] === graded.code)!;
			const grades = new Map(graded.part_keys.map((k, i) => [k, graded.part_grades[i]]));
			expect(row.slice(-MATRIX_PARTS.length)).toEqual(MATRIX_PARTS.map((k) => fi.label('grade', grades.get(k) ?? 'ungraded')));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});
});
