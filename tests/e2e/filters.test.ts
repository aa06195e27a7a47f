/**
 * How the filters and other controls behave, in Debian Chromium against the built site:
 * - a filter popover is a disclosure: Escape closes it and returns focus, an outside click
 *   closes it, one is open at a time; its checkboxes are one Tab stop with arrow keys inside;
 *   a skip link reaches the filters in a few Tab stops;
 * - the lists are narrowed by the other filters, with counts the SQL agrees with, and an
 *   impossible combination (a region and an employment area with no municipality in common)
 *   says why and offers choices that lead to data — axe-clean in fi, sv and en;
 * - Tab stays inside the gap matrix's answer dialog;
 * - a jump to evidence on a profile keeps the part's heading and PDF link in view, and a PDF
 *   link is opened by the browser, not the client router;
 * - the engine's download shows its progress in bytes; the comparison never claims national
 *   figures while it has none to show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { scoped, scopeSummary } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { parseMunicipalities } from '$lib/reference';
import { EMPTY_FILTERS, type Filters } from '$lib/state/filters';
import { axeViolations, figure, launch, offOrigin, open, session, siteDatabase, waitAnswers, waitLive } from './harness';

const fi = translator('fi');
const municipalities = parseMunicipalities(readFileSync('data/reference/municipalities.csv', 'utf8')).filter((m) => !m.aland);
const TURKU = municipalities.find((m) => m.code === '853')!;
const HELSINKI = municipalities.find((m) => m.code === '091')!;
/** Varsinais-Suomi and the Helsinki employment area: no municipality in common. */
const IMPOSSIBLE = `/?region=${TURKU.regionCode}&area=${HELSINKI.employmentAreaCode}`;

let browser: Browser;
let db: NodeDatabase;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	expect(municipalities.some((m) => m.regionCode === TURKU.regionCode && m.employmentAreaCode === HELSINKI.employmentAreaCode)).toBe(false);
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
async function programmesFor(filters: Filters): Promise<number> {
	const [row] = await db.run(scopeSummary(filters));
	return row.programmes as number;
}
const focused = (page: Page) =>
	page.evaluate(() => {
		const a = document.activeElement as HTMLElement | null;
		return {
			tag: a?.tagName.toLowerCase() ?? '',
			name: a?.getAttribute('name') ?? null,
			value: (a as HTMLInputElement | null)?.value ?? null,
			filter: a?.closest('details')?.getAttribute('data-filter') ?? null,
			summary: a?.tagName === 'SUMMARY',
			inDialog: !!a?.closest('dialog[open]'),
			text: (a?.textContent ?? '').trim().slice(0, 60)
		};
	});
const openFilters = (page: Page) => page.locator('details[data-filter][open]').evaluateAll((els) => els.map((e) => e.getAttribute('data-filter')));

describe('filter popovers', () => {
	it('close on Escape (focus back on the summary) and on an outside click; one is open at a time', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			const region = s.page.locator('details[data-filter="region"] > summary');
			await region.click();
			expect(await openFilters(s.page)).toEqual(['region']);
			await s.page.locator('input[name="region"]').first().focus();
			await s.page.keyboard.press('Escape');
			expect(await openFilters(s.page)).toEqual([]);
			expect(await focused(s.page)).toMatchObject({ summary: true, filter: 'region' });

			await region.click();
			await s.page.locator('details[data-filter="area"] > summary').click();
			expect(await openFilters(s.page)).toEqual(['area']);
			await s.page.locator('h1').click();
			expect(await openFilters(s.page)).toEqual([]);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a filter group is one Tab stop with arrow keys inside, and a skip link reaches the filters in three Tab stops', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await s.page.keyboard.press('Tab');
			expect((await focused(s.page)).text).toBe(fi.t('site.skip'));
			await s.page.keyboard.press('Tab');
			expect((await focused(s.page)).text).toBe(fi.t('site.skipFilters'));
			await s.page.keyboard.press('Enter');
			await s.page.keyboard.press('Tab');
			expect(await focused(s.page)).toMatchObject({ summary: true, filter: 'region' });

			await s.page.keyboard.press('Enter');
			expect(await openFilters(s.page)).toEqual(['region']);
			await s.page.keyboard.press('Tab');
			const first = await focused(s.page);
			expect(first).toMatchObject({ tag: 'input', name: 'region' });
			await s.page.keyboard.press('ArrowDown');
			const second = await focused(s.page);
			expect(second.name).toBe('region');
			expect(second.value).not.toBe(first.value);
			// Space ticks it: a navigation to the region's view, focus kept on the box.
			await s.page.keyboard.press('Space');
			await s.page.waitForURL((u) => u.searchParams.get('region') === second.value);
			expect((await focused(s.page)).value).toBe(second.value);
			// One more Tab leaves the whole list (and closes it).
			await s.page.keyboard.press('Tab');
			const after = await focused(s.page);
			expect(after.name).not.toBe('region');
			expect(after).toMatchObject({ summary: true, filter: 'wellbeing' });
			expect(await openFilters(s.page)).toEqual([]);
			// Back in, the chosen region is the list's Tab stop.
			await s.page.keyboard.press('Shift+Tab');
			await s.page.keyboard.press('Enter');
			await s.page.keyboard.press('Tab');
			expect((await focused(s.page)).value).toBe(second.value);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});
});

describe('filters that explain themselves', () => {
	it('narrows the employment areas to the chosen region, with programme counts the SQL agrees with', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `/?region=${TURKU.regionCode}`);
			await s.page.locator('details[data-filter="area"] > summary').click();
			const listed = await s.page.locator('input[name="area"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
			const inRegion = [...new Set(municipalities.filter((m) => m.regionCode === TURKU.regionCode).map((m) => m.employmentAreaCode))];
			expect(listed.sort()).toEqual(inRegion.sort());
			const hidden = Number(await s.page.locator('details[data-filter="area"] [data-hidden-options]').getAttribute('data-hidden-options'));
			expect(hidden).toBe(new Set(municipalities.map((m) => m.employmentAreaCode)).size - inRegion.length);
			const label = (await s.page.locator(`input[name="area"][value="${TURKU.employmentAreaCode}"]`).locator('xpath=..').textContent()) ?? '';
			const count = Number(/\((\d[\d\s]*)\)\s*$/.exec(label)?.[1].replace(/\s/g, ''));
			expect(count).toBe(await programmesFor(f({ region: [TURKU.regionCode], area: [TURKU.employmentAreaCode] })));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a region and an employment area that do not overlap: says why, and an offered area leads to programmes', async () => {
		const s = await session(browser);
		try {
			await open(s.page, IMPOSSIBLE);
			const notice = s.page.locator('[data-testid="no-match"]');
			await notice.waitFor();
			const text = (await notice.textContent()) ?? '';
			expect(text).toContain(TURKU.regionFi);
			expect(text).toContain(HELSINKI.employmentArea);
			// Dropping either filter, or an area in the region instead.
			expect(await notice.locator('button[data-remedy="region"]').count()).toBeGreaterThan(0);
			const offered = notice.locator('button[data-remedy="area"]');
			expect(await offered.count()).toBeGreaterThan(1);
			await waitLive(s.page);
			expect(await figure(s.page, 'programmes')).toBe('0');
			await offered.last().click();
			await s.page.waitForURL((u) => u.searchParams.get('area') !== HELSINKI.employmentAreaCode);
			const area = new URL(s.page.url()).searchParams.get('area')!;
			expect(municipalities.some((m) => m.regionCode === TURKU.regionCode && m.employmentAreaCode === area)).toBe(true);
			await notice.waitFor({ state: 'detached' });
			const expected = await programmesFor(f({ region: [TURKU.regionCode], area: [area] }));
			expect(expected).toBeGreaterThan(0);
			await s.page.waitForFunction(
				(v) => document.querySelector('[data-status="live"]') && document.querySelector('[data-figure="programmes"]')?.textContent?.trim() === v,
				fi.number(expected),
				{ timeout: 90_000 }
			);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it.each(['fi', 'sv', 'en'])('the explanation is axe-clean (%s), on the overview and the gap matrix', async (lang) => {
		const s = await session(browser);
		try {
			for (const path of [IMPOSSIBLE, IMPOSSIBLE.replace('/?', '/gaps?')]) {
				await open(s.page, `${path}&lang=${lang}`);
				await s.page.locator('[data-testid="no-match"]').waitFor();
				await waitLive(s.page);
				expect(await axeViolations(s.page), path).toEqual([]);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('municipalities without a programme of the chosen form: names the form filter and offers to drop it', async () => {
		// An employment area where some document form does not occur, and others do.
		const rows = await db.run(
			scoped(
				'test.kinds',
				EMPTY_FILTERS,
				`SELECT m.employment_area_code AS area, list(DISTINCT p.input_kind) AS kinds
				FROM scope_coverage c JOIN scope_programmes p USING (programme_id) JOIN scope_municipalities m ON m.code = c.code
				GROUP BY 1 ORDER BY 1`
			)
		);
		const hit = rows.find((r) => !(r.kinds as string[]).includes('scan')) ?? rows[0];
		const s = await session(browser);
		try {
			await open(s.page, `/?area=${hit.area}&input=scan`);
			const notice = s.page.locator('[data-testid="no-match"][data-kind="no-programme"]');
			await notice.waitFor();
			expect(await notice.textContent()).toContain(fi.label('inputKind', 'scan'));
			await notice.locator('button[data-remedy="inputKind"]').click();
			await s.page.waitForURL((u) => !u.searchParams.has('input'));
			await notice.waitFor({ state: 'detached' });
		} finally {
			await s.close();
		}
	});
});

describe('dialog, evidence and PDF links', () => {
	it('Tab and Shift+Tab never leave the answer dialog', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/gaps');
			await s.page.locator('table.matrix td[data-part]').first().click();
			await s.page.locator('dialog[open] h2').waitFor();
			for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
				await s.page.keyboard.press(key);
				expect((await focused(s.page)).inDialog, key).toBe(true);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a jump to evidence keeps the part heading and its "PDF, page N" link in view; the PDF link bypasses the router', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/municipality/019');
			await waitAnswers(s.page);
			// The evidence link whose marked words lie deepest in a part that links to its PDF page.
			const hrefs = await s.page.locator('.derived a[href^="#ev-"]').evaluateAll((links) =>
				links
					.map((a) => {
						const id = decodeURIComponent(a.getAttribute('href')!.slice(1));
						const mark = document.getElementById(id);
						const part = mark?.closest('article.part');
						if (!mark || !part?.querySelector('a.pdf')) return null;
						return { href: a.getAttribute('href')!, depth: mark.getBoundingClientRect().top - part.getBoundingClientRect().top };
					})
					.filter((x): x is { href: string; depth: number } => x !== null)
					.sort((a, b) => b.depth - a.depth)
			);
			expect(hrefs.length).toBeGreaterThan(0);
			for (const { href } of [hrefs[0], hrefs.at(-1)!]) {
				await s.page.evaluate(() => window.scrollTo(0, 0));
				await s.page.locator(`.derived a[href="${href}"]`).first().click();
				await s.page.waitForFunction((h) => location.hash === h, href);
				await s.page.waitForTimeout(200);
				const seen = await s.page.evaluate((h) => {
					const mark = document.getElementById(decodeURIComponent(h.slice(1)))!;
					const part = mark.closest('article.part')!;
					const inView = (el: Element) => {
						const r = el.getBoundingClientRect();
						return r.top >= 0 && r.bottom <= innerHeight;
					};
					return { mark: inView(mark), heading: inView(part.querySelector('h4')!), pdf: inView(part.querySelector('a.pdf')!) };
				}, href);
				expect(seen, href).toEqual({ mark: true, heading: true, pdf: true });
			}

			// The PDF link: a plain request for the file, no client-side routing (which logs "Not found" first).
			expect(s.errors).toEqual([]);
			const after: string[] = [];
			s.page.on('console', (m) => {
				// Chromium's own PDF viewer asks for /favicon.ico, which the site does not have: not the link's doing.
				if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) after.push(m.text());
			});
			const pdf = s.page.locator('.answers a.pdf').first();
			const url = new URL((await pdf.getAttribute('href'))!, s.page.url());
			const started = s.requests.length;
			await Promise.all([s.page.waitForRequest((r) => r.url() === url.href.replace(/#.*$/, '')), pdf.click()]);
			await s.page.waitForTimeout(500);
			expect(s.requests.slice(started).filter((u) => /__data\.json/.test(u))).toEqual([]);
			expect(after).toEqual([]);
		} finally {
			await s.close();
		}
	});
});

describe('loading', () => {
	it('the engine download shows a progress bar with the bytes received', async () => {
		const s = await session(browser);
		try {
			// A slow line (20 Mbit/s), so the download takes long enough to watch.
			const cdp = await s.context.newCDPSession(s.page);
			await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 2_500_000, uploadThroughput: 2_500_000 });
			await open(s.page, `/?region=${TURKU.regionCode}`);
			const bytes = await s.page.waitForFunction(
				() => Number(document.querySelector('[data-engine-progress]')?.getAttribute('data-engine-progress') ?? 0) > 0 && document.querySelector('[data-status] progress') !== null,
				undefined,
				{ timeout: 90_000, polling: 50 }
			);
			expect(await bytes.jsonValue()).toBe(true);
			expect(await s.page.locator('[data-status]').textContent()).toMatch(/\d(,\d)? (kB|MB)/);
			await waitLive(s.page);
			expect(await s.page.locator('[data-engine-progress]').count()).toBe(0);
		} finally {
			await s.close();
		}
	});

	it('the comparison never says figures computed for the whole country are shown while it has none', async () => {
		const s = await session(browser);
		try {
			await s.page.addInitScript(() => {
				const seen: string[] = [];
				(window as unknown as { __statusTexts: string[] }).__statusTexts = seen;
				new MutationObserver(() => {
					const t = document.querySelector('[data-status]')?.textContent?.trim();
					if (t && seen.at(-1) !== t) seen.push(t);
				}).observe(document, { subtree: true, childList: true, characterData: true });
			});
			for (const path of ['/compare?m=019,853', `/compare?region=${TURKU.regionCode}`, `/compare?m=019,853&region=${TURKU.regionCode}`]) {
				await open(s.page, path);
				if (path.includes('m=')) await s.page.waitForSelector('[data-table="compare-overview"]', { timeout: 90_000 });
				await s.page.waitForFunction(() => performance.getEntriesByName('kk:db-ready').length > 0, undefined, { timeout: 90_000 });
				await s.page.waitForTimeout(300);
				const texts = await s.page.evaluate(() => (window as unknown as { __statusTexts: string[] }).__statusTexts);
				expect(texts.filter((t) => t.includes(fi.t('status.loading'))), path).toEqual([]);
				const final = ((await s.page.locator('[data-status]').textContent()) ?? '').trim();
				expect(final, path).not.toContain(fi.t('status.loading'));
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});
});
