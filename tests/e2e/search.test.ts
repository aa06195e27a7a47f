/**
 * Search in Debian Chromium against the built site: Aura found by a misspelt word and by a
 * phrase, hits linked to the profile, the filters applied through the same SQL the page runs
 * (checked in Node), hostile answers inert, the plain GET form, accessibility, no request off
 * the origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { NodeDatabase } from '$lib/db/node.server';
import { searchProgrammes, searchScope, type SearchProgrammeRow } from '$lib/db/queries';
import { translator } from '$lib/i18n';
import { parseView } from '$lib/state/filters';
import { HOSTILE_MUNICIPALITY, HOSTILE_WORD, PAYLOADS } from '../fixtures/hostile-form';
import { axeViolations, BASE, launch, offOrigin, open, session, siteDatabase } from './harness';

const AURA = { code: '019', name: 'Aura' };
const fi = translator('fi');

let browser: Browser;
let db: NodeDatabase;
let programmes: Map<string, SearchProgrammeRow>;
/** Aura's region (Varsinais-Suomi) and another region, from the data. */
let auraRegion: string;
let otherRegion: string;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	programmes = new Map((await db.run<SearchProgrammeRow>(searchProgrammes())).map((p) => [p.programme_id, p]));
	expect([...programmes.values()].some((p) => p.codes.includes(AURA.code)), 'the site data must hold Aura’s programme').toBe(true);
	const regions = await db.run<{ code: string; region_code: string }>({
		id: 'test.regions',
		sql: `SELECT code, region_code FROM municipalities WHERE code = ? OR code = ?`,
		params: [AURA.code, HOSTILE_MUNICIPALITY.code]
	});
	auraRegion = regions.find((r) => r.code === AURA.code)!.region_code;
	otherRegion = regions.find((r) => r.code === HOSTILE_MUNICIPALITY.code)!.region_code;
	expect(otherRegion).not.toBe(auraRegion);
});

afterAll(async () => {
	await browser?.close();
	db?.close();
});

/** Waits until the results on the page are those of `query`. */
/** /search with its index built. */
async function openReady(page: Page): Promise<void> {
	await open(page, '/search');
	await page.waitForSelector('p.status[data-phase="ready"]', { timeout: 120_000 });
}

/** Until the page has written `query` to the URL. */
const queryInUrl = (page: Page, query: string) => page.waitForURL((u) => u.searchParams.get('q') === query);

async function results(page: Page, query: string): Promise<void> {
	await page.waitForFunction((q) => document.querySelector('#search-results')?.getAttribute('data-results-for') === q, query, {
		timeout: 120_000
	});
}

/** Programme ids of the result groups, in order. */
async function groupIds(page: Page): Promise<string[]> {
	return page.locator('li.programme').evaluateAll((els) => els.map((e) => e.getAttribute('data-programme') ?? ''));
}

function auraGroup(page: Page) {
	return page.locator('li.programme').filter({ has: page.locator(`h2 a[href^="/municipality/${AURA.code}"]`) });
}

describe('search', () => {
	it('finds Aura by the misspelt "ukrainn": "Ukrainan" marked, linked to /municipality/019#s3.a2', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/search?q=ukrainn');
			await results(s.page, 'ukrainn');
			const group = auraGroup(s.page);
			expect(await group.count()).toBe(1);
			expect((await group.locator('h2').textContent())?.trim()).toMatch(/^Aura\b/);
			const hit = group.locator('li.hit[data-key="s3.a2"]');
			expect(await hit.locator('a.part').getAttribute('href')).toBe(`/municipality/${AURA.code}#s3.a2`);
			expect(await hit.locator('mark').allTextContents()).toEqual(['Ukrainan']);
			expect((await hit.locator('p').textContent())?.trim()).toBe('Ukrainan kielellä.');
			// The status says how many, in words.
			expect(await s.page.locator('p.status').textContent()).toMatch(/osuma/);
			expect(await s.page.locator('p.timing').textContent()).toMatch(/ms/);
			expect(await axeViolations(s.page)).toEqual([]);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
			// The index was built in a worker loaded from the site itself.
			expect(s.requests.some((u) => /search\.worker/.test(u))).toBe(true);
		} finally {
			await s.close();
		}
	});

	it('finds Aura by "Loimaan maahanmuuttokoordinaattori", the phrase marked whole', async () => {
		const s = await session(browser);
		try {
			const q = 'Loimaan maahanmuuttokoordinaattori';
			await open(s.page, `/search?q=${encodeURIComponent(q)}`);
			await results(s.page, q);
			const group = auraGroup(s.page);
			expect(await group.count()).toBe(1);
			const marks = await group.locator('mark').allTextContents();
			expect(marks).toContain('Loimaan maahanmuuttokoordinaattori');
			for (const href of await group.locator('a.part').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
				expect(href).toMatch(/^\/municipality\/019#(s\d\.[a-c]\d?|header\.[a-z]+|table\.[a-z_.]+|unmapped)$/);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('searches as you type, keeps the query in the URL, and the form submits with Enter', async () => {
		const s = await session(browser);
		try {
			await openReady(s.page);
			await s.page.locator('#q').pressSequentially('ukrainn', { delay: 40 });
			await results(s.page, 'ukrainn');
			expect(await auraGroup(s.page).count()).toBe(1);
			await queryInUrl(s.page, 'ukrainn');
			await s.page.locator('#q').fill('Loimaan maahanmuuttokoordinaattori');
			await s.page.locator('#q').press('Enter');
			await queryInUrl(s.page, 'Loimaan maahanmuuttokoordinaattori');
			await results(s.page, 'Loimaan maahanmuuttokoordinaattori');
			// Back restores the earlier query and its results.
			await s.page.goBack();
			await results(s.page, 'ukrainn');
			expect(await s.page.locator('#q').inputValue()).toBe('ukrainn');
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a pause before Enter keeps the earlier query in history; edits of one query share an entry', async () => {
		const s = await session(browser);
		try {
			await openReady(s.page);
			await s.page.locator('#q').pressSequentially('ukrainn', { delay: 40 });
			await queryInUrl(s.page, 'ukrainn');
			// A different query, left until the page has written it to the URL, then Enter (a slow user).
			await s.page.locator('#q').fill('Loimaan maahanmuuttokoordinaattori');
			await queryInUrl(s.page, 'Loimaan maahanmuuttokoordinaattori');
			await s.page.locator('#q').press('Enter');
			await results(s.page, 'Loimaan maahanmuuttokoordinaattori');
			// An edit of it (a letter deleted) replaces its entry instead of adding one.
			await s.page.locator('#q').press('Backspace');
			await queryInUrl(s.page, 'Loimaan maahanmuuttokoordinaattor');
			await s.page.goBack();
			await results(s.page, 'ukrainn');
			expect(await s.page.locator('#q').inputValue()).toBe('ukrainn');
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('waits for a word of 3 characters, and shows the words as written first', async () => {
		const s = await session(browser);
		try {
			await openReady(s.page);
			await s.page.locator('#q').fill('uk');
			await s.page.waitForFunction((t) => document.querySelector('p.status')?.textContent?.trim() === t, fi.t('search.tooShort', { n: 3 }));
			expect(await s.page.locator('#search-results li.programme').count()).toBe(0);
			await s.page.locator('#q').fill('ukrainn');
			await results(s.page, 'ukrainn');
			// A typo: nothing holds it as written, so every hit is approximate and the status says so.
			const status = (await s.page.locator('p.status').textContent()) ?? '';
			expect(status).toContain(fi.t('search.allApproximate'));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('is a plain GET form: without JavaScript it submits to /search?q=… and says results need JavaScript', async () => {
		const s = await session(browser, { javaScriptEnabled: false });
		try {
			await s.page.goto(`${BASE}/search`);
			const form = s.page.locator('form[role="search"]');
			expect(await form.getAttribute('method')).toBe('get');
			expect(await form.getAttribute('action')).toBe('/search');
			await s.page.locator('#q').fill('ukrainn');
			await Promise.all([s.page.waitForURL(/\/search\?q=ukrainn$/), s.page.locator('form[role="search"] button[type="submit"]').click()]);
			expect(await s.page.locator('noscript').count()).toBe(1);
			expect(await s.page.locator('h1').textContent()).toBe(fi.t('search.title'));
		} finally {
			await s.close();
		}
	});

	it('applies the filters: only programmes the filtered SQL returns', async () => {
		const s = await session(browser);
		try {
			for (const [search, auraExpected] of [
				[`region=${auraRegion}`, true],
				[`region=${otherRegion}`, false],
				['synthetic=real', true],
				['synthetic=synthetic', false]
			] as const) {
				const filters = parseView(new URLSearchParams(search)).filters;
				const scope = new Set((await db.run<{ programme_id: string }>(searchScope(filters))).map((r) => r.programme_id));
				await open(s.page, `/search?${search}&q=ukraina`);
				await results(s.page, 'ukraina');
				const ids = await groupIds(s.page);
				for (const id of ids) expect(scope.has(id), `${search}: ${id}`).toBe(true);
				expect(await auraGroup(s.page).count(), search).toBe(auraExpected ? 1 : 0);
				// The form carries the filters when it is submitted.
				expect(await s.page.locator(`form[role="search"] input[type="hidden"][name="${search.split('=')[0]}"]`).getAttribute('value')).toBe(
					search.split('=')[1]
				);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('typed letter by letter, shows what a fresh page shows for the same query (no markup left from earlier results)', async () => {
		// The list redraws a programme in the markup of one that left, and hits in place: every
		// name, link, passage, mark and count must be the new result's.
		const shown = (page: Page) =>
			page.locator('li.programme').evaluateAll((els) =>
				els.map((li) => ({
					programme: li.getAttribute('data-programme'),
					heading: li.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').trim(),
					links: [...li.querySelectorAll('h2 a')].map((a) => a.getAttribute('href')),
					synthetic: li.querySelectorAll('[data-testid="synthetic-label"]').length,
					hits: [...li.querySelectorAll('li.hit')].map((h) => ({
						key: h.getAttribute('data-key'),
						part: h.querySelector('.part')?.textContent,
						href: h.querySelector('a.part')?.getAttribute('href') ?? null,
						text: h.querySelector('.hit-text')?.textContent,
						marks: [...h.querySelectorAll('mark')].map((m) => m.textContent),
						ellipses: h.querySelectorAll('.hit-text > span[aria-hidden="true"]').length
					})),
					more: li.querySelector('p.more')?.textContent ?? null
				}))
			);
		const s = await session(browser);
		const fresh = await session(browser);
		try {
			await openReady(s.page);
			for (const query of ['kotoutuminen', 'vastuu', 'ukrainn', 'kielik']) {
				await s.page.locator('#q').fill('');
				await s.page.locator('#q').pressSequentially(query, { delay: 15 });
				await results(s.page, query);
				const typed = await shown(s.page);
				await open(fresh.page, `/search?q=${encodeURIComponent(query)}`);
				await results(fresh.page, query);
				const expected = await shown(fresh.page);
				expect(expected.length, query).toBeGreaterThan(0);
				expect(typed, query).toEqual(expected);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
			await fresh.close();
		}
	});

	it('labels synthetic programmes’ hits "Synteettinen", and only those', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/search?q=ukraina');
			await results(s.page, 'ukraina');
			const groups = await s.page.locator('li.programme').all();
			expect(groups.length).toBeGreaterThan(0);
			for (const g of groups) {
				const id = (await g.getAttribute('data-programme'))!;
				const label = g.locator('[data-testid="synthetic-label"]');
				expect(await label.count(), id).toBe(programmes.get(id)!.is_synthetic ? 1 : 0);
				if (programmes.get(id)!.is_synthetic) expect(await label.textContent()).toBe(fi.t('search.synthetic'));
			}
		} finally {
			await s.close();
		}
	});

	it('shows hostile answers as text: no script runs, no element is injected', async () => {
		const s = await session(browser);
		const dialogs: string[] = [];
		s.page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		try {
			await open(s.page, `/search?q=${HOSTILE_WORD}`);
			await results(s.page, HOSTILE_WORD);
			const group = s.page.locator('li.programme').filter({ has: s.page.locator(`h2 a[href^="/municipality/${HOSTILE_MUNICIPALITY.code}"]`) });
			expect(await group.count()).toBe(1);
			const text = (await group.textContent()) ?? '';
			expect(text).toContain(PAYLOADS.script);
			expect(text).toContain(PAYLOADS.img);
			const box = s.page.locator('#search-results');
			expect(await box.locator('script, img, svg, iframe, object, embed').count()).toBe(0);
			expect(await box.locator('a[href^="javascript:"], [onerror], [onload], [onclick]').count()).toBe(0);
			// Every mark holds plain text.
			for (const m of await box.locator('mark').all()) expect(await m.evaluate((e) => e.children.length)).toBe(0);
			// Give an injected handler the chance to fire, then check nothing did.
			await s.page.waitForTimeout(500);
			expect(dialogs).toEqual([]);
			expect(await s.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
			expect(await axeViolations(s.page)).toEqual([]);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('can be used with the keyboard: the field, the button, then the hits’ links', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/search?q=ukrainn');
			await results(s.page, 'ukrainn');
			await s.page.locator('#q').focus();
			await s.page.keyboard.press('Tab');
			expect(await s.page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
			// Tab onwards until a hit link is reached (the filter bar comes first).
			let reached = false;
			for (let i = 0; i < 60 && !reached; i++) {
				await s.page.keyboard.press('Tab');
				reached = await s.page.evaluate(() => document.activeElement?.classList.contains('part') ?? false);
			}
			expect(reached).toBe(true);
		} finally {
			await s.close();
		}
	});
});
