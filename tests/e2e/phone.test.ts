/**
 * Layout on a phone and on paper, in Debian Chromium against the built site:
 * - at 360 px no page is wider than the screen (every route, languages sampled; the largest
 *   employment area's report; a filter popover open), and the gap matrix is one card per
 *   municipality there;
 * - the largest employment area's report prints as a report: the summary first, at most 10 A4
 *   pages, no word split across lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { gapMatrix, type GapRow } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { parseMunicipalities } from '$lib/reference';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { axeViolations, BASE, launch, waitChartsDrawn, siteDatabase } from './harness';

const PHONE = { width: 360, height: 740 };
const fi = translator('fi');
const municipalities = parseMunicipalities(readFileSync('data/reference/municipalities.csv', 'utf8')).filter((m) => !m.aland);
/** The mainland employment area with the most member municipalities. */
const LARGEST = (() => {
	const n = new Map<string, number>();
	for (const m of municipalities) n.set(m.employmentAreaCode, (n.get(m.employmentAreaCode) ?? 0) + 1);
	return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
})();

let browser: Browser;
let db: NodeDatabase;
let national: GapRow[];

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	national = await db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

async function phone(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
	const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
	return { page, errors, close: () => context.close() };
}

/** How wide the page is, and (when too wide) the outermost elements that stick out of the screen. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const vw = document.documentElement.clientWidth;
		const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
		const out: string[] = [];
		if (scrollWidth > vw) {
			const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
			for (const el of document.querySelectorAll('body *')) {
				const r = el.getBoundingClientRect();
				if (r.width === 0 || r.right <= vw + 0.5) continue;
				// Only the outermost offender, and nothing a scroll box (a clipping ancestor) holds.
				let up = el.parentElement;
				let inside = false;
				while (up && up !== document.body) {
					if (up.getBoundingClientRect().right > vw + 0.5 || clips(up)) inside = true;
					up = up.parentElement;
				}
				if (!inside) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}: right edge ${Math.round(r.right)} px`);
			}
		}
		return { scrollWidth, viewport: vw, out: out.slice(0, 5) };
	});
}

const ROUTES: { path: string; ready?: string }[] = [
	{ path: '/' },
	{ path: '/?lang=sv&measure=completeness' },
	{ path: '/gaps', ready: '[data-view="cards"] .card, table.matrix tbody tr' },
	{ path: '/gaps?lang=en', ready: '[data-view="cards"] .card, table.matrix tbody tr' },
	{ path: '/gaps?lang=sv&group=region&sort=-gaps', ready: '[data-view="cards"] .card, table.matrix tbody tr' },
	{ path: '/municipality/019', ready: '.answers article.part, .no-programme' },
	{ path: '/municipality/091?lang=sv', ready: '.answers article.part, .no-programme' },
	{ path: '/responsibilities' },
	{ path: '/languages?lang=en' },
	{ path: '/cooperation?lang=sv' },
	{ path: '/area' },
	{ path: `/area/${LARGEST}` },
	{ path: `/area/${LARGEST}?lang=en` },
	{ path: '/compare' },
	{ path: '/compare?m=019,853&lang=sv', ready: '[data-table="compare-overview"]' },
	{ path: '/search?q=ukrain', ready: '#search-results li' },
	{ path: '/sql' },
	{ path: '/data' },
	{ path: '/data?lang=en' },
	{ path: '/check' },
	{ path: '/check?lang=sv' }
];

describe('on a 360 px phone', () => {
	it('no page is wider than the screen, on every route', async () => {
		const p = await phone();
		const wide: string[] = [];
		try {
			for (const r of ROUTES) {
				await p.page.goto(`${BASE}${r.path}`);
				await p.page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
				if (r.ready) await p.page.waitForSelector(r.ready, { timeout: 90_000 });
				await waitChartsDrawn(p.page);
				const o = await overflow(p.page);
				if (o.scrollWidth > o.viewport) wide.push(`${r.path}: ${o.scrollWidth} px wide (${o.out.join('; ')})`);
			}
			// An open filter popover stays on the screen too.
			await p.page.goto(`${BASE}/?region=02`);
			await p.page.waitForSelector('body[data-hydrated="true"]');
			await p.page.locator('details[data-filter="area"] > summary').click();
			await p.page.locator('details[data-filter="area"] input').first().waitFor();
			const o = await overflow(p.page);
			if (o.scrollWidth > o.viewport) wide.push(`/?region=02 with the area filter open: ${o.scrollWidth} px wide (${o.out.join('; ')})`);
			expect(wide).toEqual([]);
			expect(p.errors).toEqual([]);
		} finally {
			await p.close();
		}
	});

	it('the gap matrix is one card per municipality, each weak part a button that opens its answer, axe-clean', async () => {
		const p = await phone();
		try {
			await p.page.goto(`${BASE}/gaps`);
			await p.page.waitForSelector('[data-view="cards"] .card', { timeout: 30_000 });
			expect(await p.page.locator('table.matrix').count()).toBe(0);
			const cards = await p.page.locator('[data-view="cards"] .card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.row));
			expect(cards.sort()).toEqual(national.map((r) => r.code).sort());
			// A card lists exactly its programme's parts that are not answered.
			const row = national.find((r) => r.programme_id && r.part_grades.some((g) => g !== 'answered'))!;
			const weak = row.part_keys.filter((_, i) => row.part_grades[i] !== 'answered');
			const buttons = p.page.locator(`.card[data-row="${row.code}"] button.part`);
			expect(await buttons.count()).toBe(weak.length);
			await buttons.first().click();
			await p.page.locator('dialog[open] h2').waitFor();
			expect(await p.page.locator('dialog[open] h2').textContent()).toContain(fi.part(weak[0]));
			await p.page.keyboard.press('Escape');
			await p.page.locator('dialog[open]').waitFor({ state: 'detached' }).catch(() => p.page.locator('dialog[open]').waitFor({ state: 'hidden' }));
			expect(await axeViolations(p.page)).toEqual([]);
			expect(p.errors).toEqual([]);
		} finally {
			await p.close();
		}
	});
});

describe('the printed employment area report', () => {
	it(`the largest area (${LARGEST}) prints summary first, on at most 10 A4 pages, no word split across lines`, async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const dir = mkdtempSync(join(tmpdir(), 'kk-print-'));
		try {
			const page = await context.newPage();
			await page.goto(`${BASE}/area/${LARGEST}`);
			await page.waitForSelector('body[data-hydrated="true"]');
			await page.emulateMedia({ media: 'print' });
			const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
			const pdf = await PDFDocument.load(bytes);
			const { width, height } = pdf.getPage(0).getSize();
			expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
			console.log(`area ${LARGEST} report: ${pdf.getPageCount()} A4 pages`);
			expect(pdf.getPageCount()).toBeLessThanOrEqual(10);

			const file = join(dir, 'report.pdf');
			writeFileSync(file, bytes);
			const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
			// The summary comes before the first theme's table.
			const at = (s: string) => text.indexOf(s);
			expect(at(fi.t('area.summary'))).toBeGreaterThan(-1);
			expect(at(fi.t('area.summary'))).toBeLessThan(at(fi.t('area.printMembers')));
			expect(at(fi.t('area.printMembers'))).toBeLessThan(at(fi.t('area.printCoverage')));

			// Every word on paper is a word of the page: a word broken across lines leaves fragments that are not.
			const words = (t: string) =>
				t
					.split(/[\s,;:()[\]·/|=≠–—"'’”“…]+/u)
					.map((w) => w.replace(/^[.?!+*-]+|[.?!+*-]+$/g, ''))
					.filter((w) => /\p{L}{2}/u.test(w));
			const printed = new Set(words(await page.evaluate(() => document.body.innerText)));
			const fragments = [...new Set(words(text))].filter((w) => !printed.has(w));
			expect(fragments).toEqual([]);
		} finally {
			await context.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
