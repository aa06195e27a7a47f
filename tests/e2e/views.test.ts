/**
 * The comparison views (responsibilities, languages, cooperation, employment-area report,
 * compare) in Debian Chromium against the built site. What a page must show is computed from
 * the Parquet the site was built from, with the same SQL the pages run (src/lib/db/queries.ts),
 * so the tests hold for whatever dataset the site was built from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { alignParts } from '$lib/components/compare/compare';
import {
	compareParts,
	compareProgrammes,
	cooperationNetwork,
	languageEvidence,
	languageGroupTotals,
	loadArea,
	loadCooperation,
	loadLanguages,
	loadResponsibilities,
	responsibilityEvidence,
	type AreaData,
	type ComparePart,
	type CompareProgramme,
	type CooperationData,
	type LanguagesData,
	type NetworkLink,
	type ResponsibilitiesData
} from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { EMPTY_FILTERS, parseView } from '$lib/state/filters';
import { axeViolations, downloadedPng, holdEngine, launch, offOrigin, open, session, siteDatabase, type Session } from './harness';

const fi = translator('fi');
const AURA = '019';
/** Aura's employment area (Turku): Aura is the one real programme every dataset has. */
const AURA_AREA = '41';
const HOSTILE = '231';

let browser: Browser;
let db: NodeDatabase;
let resp: ResponsibilitiesData;
let langs: LanguagesData;
let coop: CooperationData;
let area: AreaData;
/** A region with a programme that names providers, for the filter test. */
let region: string;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	resp = await loadResponsibilities(db, EMPTY_FILTERS);
	langs = await loadLanguages(db, EMPTY_FILTERS, 'national');
	coop = await loadCooperation(db, EMPTY_FILTERS);
	area = await loadArea(db, EMPTY_FILTERS, AURA_AREA);
	expect(resp.kinds.length, 'the site data must name providers').toBeGreaterThan(0);
	expect(langs.national.length, 'the site data must name languages').toBeGreaterThan(0);
	expect(coop.byRegion.length, 'the site data must describe cooperation').toBeGreaterThan(0);
	const [row] = await db.run({
		id: 'test.region',
		sql: `SELECT m.region_code FROM municipalities m JOIN programmes p ON list_contains(p.municipality_codes, m.code)
			JOIN responsibilities r USING (programme_id) WHERE p.is_current AND NOT m.aland
			GROUP BY m.region_code ORDER BY count(DISTINCT p.programme_id) DESC, m.region_code LIMIT 1`,
		params: []
	});
	region = row.region_code as string;
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

/** No console errors, nothing off the origin, axe-core clean. */
async function expectClean(s: Session) {
	expect(s.errors).toEqual([]);
	expect(offOrigin(s.requests)).toEqual([]);
	expect(await axeViolations(s.page)).toEqual([]);
}

async function chooseRegion(page: Page, code: string) {
	const before = page.url();
	await page.locator('details[data-filter="region"] > summary').click();
	await page.locator(`input[name="region"][value="${code}"]`).click();
	await page.waitForURL((u) => u.toString() !== before);
	await page.locator('details[data-filter="region"] > summary').click();
}

const drawn = (page: Page, id: string) => page.waitForSelector(`[data-chart="${id}"][data-chart-state="drawn"]`, { timeout: 90_000 });
const live = (page: Page) => page.waitForSelector('[data-status="live"]', { timeout: 90_000 });
const numbers = (page: Page, selector: string) =>
	page.locator(selector).evaluateAll((cells) => cells.map((c) => Number((c.textContent ?? '').replace(/\s/g, '')) || 0));

/** Waits for the evidence panel to settle and returns its items: profile links and marked text. */
async function evidenceItems(page: Page, panel: string) {
	await page.waitForSelector(`[data-evidence-panel="${panel}"]`, { timeout: 30_000 });
	// Settled: the evidence is the live answer for the current URL (or on the page already).
	await page.waitForSelector(`[data-evidence-panel="${panel}"][data-state="live"]`, { timeout: 90_000 });
	return page.locator(`[data-evidence-panel="${panel}"] [data-evidence]`).evaluateAll((items) =>
		items.map((li) => ({
			key: li.getAttribute('data-evidence'),
			marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
			links: [...li.querySelectorAll('a[data-profile-link]')].map((a) => a.getAttribute('href'))
		}))
	);
}

describe('responsibilities', () => {
	it('renders the kinds per service and group, and a count drills down to the highlighted evidence and on to the profile', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/responsibilities');
			await drawn(s.page, 'responsibility-kinds');
			// The table of counts holds the same numbers as the SQL (every kind, "none named" included).
			const total = (await numbers(s.page, '#responsibility-counts tbody td')).reduce((a, b) => a + b, 0);
			expect(total).toBe(resp.kinds.reduce((a, k) => a + k.programmes, 0));

			const link = s.page.locator('#responsibility-counts tbody a[href*="kind="]:not([href*="kind=none"])').first();
			const href = (await link.getAttribute('href'))!;
			await link.click();
			await s.page.waitForURL((u) => u.searchParams.has('kind'));
			const sel = new URL(s.page.url()).searchParams;
			expect(href).toContain(`kind=${sel.get('kind')}`);
			const expected = await db.run(
				responsibilityEvidence(EMPTY_FILTERS, { service: sel.get('service')!, clientGroup: sel.get('group')!, providerKind: sel.get('kind')! }, 300)
			);
			const items = await evidenceItems(s.page, 'responsibility-evidence');
			expect(items.length).toBe(expected.length);
			expect(items.length).toBeGreaterThan(0);
			const snippets = new Set(expected.map((e) => e.snippet));
			for (const item of items) {
				expect(item.marks.length).toBe(1);
				expect(snippets.has(item.marks[0]!)).toBe(true);
			}
			// Keyboard users land on the evidence: the panel heading has focus.
			expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('responsibility-evidence-title');
			await expectClean(s);

			// The evidence ends at the municipality's profile, at the answer.
			const withLink = items.find((i) => i.links.length)!;
			expect(withLink.links[0]).toMatch(new RegExp(`^/municipality/\\d{3}#${withLink.key!.replace(/\./g, '\\.')}$`));
			await s.page.locator(`[data-evidence-panel="responsibility-evidence"] a[href="${withLink.links[0]}"]`).first().click();
			await s.page.waitForURL((u) => u.pathname.startsWith('/municipality/'));
			expect(await s.page.locator(`[id="${withLink.key}"]`).count()).toBe(1);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a filter changes the URL and the chart, which runs the same SQL as Node', async () => {
		const s = await session(browser);
		try {
			// A table's downloads wait while its rows are recomputed (the engine held back until after the change).
			const release = await holdEngine(s.page);
			await open(s.page, '/responsibilities');
			for (const b of await s.page.locator('#responsibility-counts [data-download]').all()) expect(await b.isDisabled()).toBe(false);
			await chooseRegion(s.page, region);
			expect(new URL(s.page.url()).searchParams.get('region')).toBe(region);
			const downloads = s.page.locator('#responsibility-counts [data-download]');
			expect(await downloads.count()).toBe(2);
			for (const b of await downloads.all()) expect(await b.isDisabled()).toBe(true);
			release();
			await live(s.page);
			for (const b of await downloads.all()) expect(await b.isDisabled()).toBe(false);
			await drawn(s.page, 'responsibility-kinds');
			const filters = parseView(new URL(s.page.url()).searchParams).filters;
			const filtered = await loadResponsibilities(db, filters);
			const total = (await numbers(s.page, '#responsibility-counts tbody td')).reduce((a, b) => a + b, 0);
			expect(total).toBe(filtered.kinds.reduce((a, k) => a + k.programmes, 0));
			expect(await s.page.locator('[data-query-params="responsibilities.kinds"]').first().textContent()).toContain(region);
			// Disagreements and gaps follow the filter too.
			expect(await s.page.locator('#gaps tbody tr').count()).toBe(Math.min(200, filtered.gaps.length));
			expect(await s.page.locator('#disagreements tbody tr').count()).toBe(Math.min(100, filtered.disagreements.length));
			await expectClean(s);
		} finally {
			await s.close();
		}
	});
});

describe('languages', () => {
	it('per area grouping, the map of a chosen language, and a count that drills down to the evidence', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/languages');
			await drawn(s.page, 'languages-national');
			await drawn(s.page, 'language-map');
			await s.page.selectOption('#grouping', 'region');
			await s.page.waitForURL((u) => u.searchParams.get('by') === 'region');
			await live(s.page);
			await drawn(s.page, 'languages-by-group');
			const totals = await db.run(languageGroupTotals(EMPTY_FILTERS, 'region'));
			expect(await s.page.locator('#language-groups tbody tr').count()).toBe(totals.length);
			// An ECharts chart's PNG: its own image at twice its size, and the note under it.
			const box = (await s.page.locator('[data-chart="languages-by-group"] .canvas').boundingBox())!;
			const png = await downloadedPng(s.page, 'languages-by-group');
			expect(png.width).toBe(Math.round(box.width) * 2);
			expect(png.height).toBeGreaterThan(Math.round(box.height) * 2 + 40);
			expect(png.text).toMatch(/synteettis/i);

			// The map follows the chosen language.
			const second = langs.national[1]?.language_code ?? langs.national[0].language_code;
			await s.page.selectOption('#map-language', second);
			await s.page.waitForURL((u) => u.searchParams.get('language') === second);
			await drawn(s.page, 'language-map');

			const link = s.page.locator('#language-groups tbody a').first();
			await link.click();
			await s.page.waitForURL((u) => u.searchParams.has('show'));
			const sel = new URL(s.page.url()).searchParams;
			const expected = await db.run(
				languageEvidence(EMPTY_FILTERS, { language: sel.get('show')!, context: 'orientation', grouping: 'region', group: sel.get('in')! }, 300)
			);
			const items = await evidenceItems(s.page, 'language-evidence');
			expect(items.length).toBe(expected.length);
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(new Set(expected.map((e) => e.snippet)).has(item.marks[0]!)).toBe(true);
			await expectClean(s);
		} finally {
			await s.close();
		}
	});
});

describe('cooperation', () => {
	it('arrangements by region, the host–member network and its evidence, joint programmes', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/cooperation');
			await drawn(s.page, 'arrangements-by-region');
			const network = await db.run<NetworkLink>(cooperationNetwork(EMPTY_FILTERS));
			const edges = [...new Set(network.map((n) => `${n.host_code}-${n.member_code}`))];
			expect(edges.length, 'the site data must describe a 54 § agreement').toBeGreaterThan(0);
			await drawn(s.page, 'host-network');
			const table = s.page.locator('[data-chart="host-network"] details').first();
			if (!(await table.evaluate((d) => (d as HTMLDetailsElement).open))) await table.locator('summary').click();
			expect(await s.page.locator('[data-chart="host-network"] details table tbody tr').count()).toBe(edges.length);
			expect(await s.page.locator('#joint-programmes tbody tr').count()).toBe(coop.joint.length);

			// A click on a segment of a region's bar shows that arrangement's evidence in that region.
			const segment = s.page.locator('[data-chart="arrangements-by-region"] .row').first().locator('.mark[data-series]').filter({ hasText: /\d/ }).first();
			const series = Number(await segment.getAttribute('data-series'));
			const region = (await s.page.locator('[data-chart="arrangements-by-region"] .row .category').first().textContent())!.trim();
			const type = (await s.page.locator('[data-chart="arrangements-by-region"] .legend li').nth(series).textContent())!.trim();
			await segment.click();
			await s.page.waitForURL((u) => u.searchParams.has('type') && u.searchParams.has('in'));
			const chosen = new URL(s.page.url()).searchParams;
			expect(fi.label('arrangement', chosen.get('type')!)).toBe(type);
			const names = await db.run({ id: 'test.region', sql: 'SELECT DISTINCT region_fi FROM municipalities WHERE region_code = ?', params: [chosen.get('in')!] });
			expect(names.map((r) => r.region_fi)).toEqual([region]);

			await s.page.locator('[data-chart="host-network"] details table tbody a').first().click();
			await s.page.waitForURL((u) => u.searchParams.has('link'));
			const link = new URL(s.page.url()).searchParams.get('link')!;
			const items = await evidenceItems(s.page, 'cooperation-evidence');
			expect(items.length).toBe(network.filter((n) => `${n.host_code}-${n.member_code}` === link).length);
			await expectClean(s);
		} finally {
			await s.close();
		}
	});
});

describe('employment area report', () => {
	it('a filtered report\'s table downloads wait until its own rows are in', async () => {
		const s = await session(browser);
		try {
			const release = await holdEngine(s.page);
			await open(s.page, `/area/${AURA_AREA}?region=${region}`);
			const downloads = s.page.locator('#area-members [data-download]');
			expect(await downloads.count()).toBe(2);
			for (const b of await downloads.all()) expect(await b.isDisabled()).toBe(true);
			release();
			await s.page.waitForFunction(() => [...document.querySelectorAll('#area-members [data-download]')].every((b) => !(b as HTMLButtonElement).disabled), undefined, { timeout: 90_000 });
			await expectClean(s);
		} finally {
			await s.close();
		}
	});

	it('shows the members, their coverage, providers and languages, and prints on A4 without navigation', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `/area/${AURA_AREA}`);
			expect(await s.page.locator('#area-members tbody tr').count()).toBe(area.members.length);
			expect(await s.page.locator('[data-table="coverage"] tbody tr').count()).toBe(area.members.length);
			const differing = new Set(area.providers.filter((p) => p.differs).map((p) => `${p.service}.${p.client_group}`));
			expect(await s.page.locator('[data-table="providers-differ"] tbody').count()).toBe(differing.size);
			await expectClean(s);

			await s.page.emulateMedia({ media: 'print' });
			for (const sel of ['header nav', '.filters', '.report-head button', '.table-meta', '.skip'])
				for (const el of await s.page.locator(sel).all()) expect(await el.isVisible(), sel).toBe(false);
			expect(await s.page.locator('h1').isVisible()).toBe(true);
			// On paper the compact tables (summary first) replace the screen's.
			expect(await s.page.locator('[data-area-summary]').isVisible()).toBe(true);
			expect(await s.page.locator('[data-print-table="coverage"]').isVisible()).toBe(true);
			expect(await s.page.locator('[data-table="coverage"]').isVisible()).toBe(false);
			const pdf = await PDFDocument.load(await s.page.pdf({ preferCSSPageSize: true, printBackground: true }));
			const { width, height } = pdf.getPage(0).getSize();
			expect(Math.round(width)).toBe(595);
			expect(Math.round(height)).toBe(842);
			console.log(`area ${AURA_AREA} report: ${area.members.length} members, ${pdf.getPageCount()} A4 pages`);
		} finally {
			await s.close();
		}
	});
});

describe('compare', () => {
	it('shows Aura and another municipality side by side, with the differing parts marked', async () => {
		const s = await session(browser);
		try {
			const other = (await db.run<CompareProgramme>(compareProgrammes(EMPTY_FILTERS, ['853', '430']))).find((p) => p.programme_id)?.code ?? '430';
			await open(s.page, `/compare?m=${AURA},${other}`);
			await s.page.waitForSelector('[data-table="compare-overview"]', { timeout: 90_000 });
			const programmes = await db.run<CompareProgramme>(compareProgrammes(EMPTY_FILTERS, [AURA, other]));
			const ordered = [AURA, other].map((c) => programmes.find((p) => p.code === c)!);
			const headers = await s.page.locator('[data-table="compare-overview"] thead th').allTextContents();
			expect(headers.map((h) => h.trim())).toEqual(['Aura', ordered[1].name_fi]);
			expect(ordered[0].programme_id).not.toBeNull();
			const parts = alignParts(await db.run<ComparePart>(compareParts(EMPTY_FILTERS, [AURA, other])), ordered);
			expect(await s.page.locator('tr[data-part]').count()).toBe(parts.length);
			expect(await s.page.locator('tr[data-part][data-differs="true"]').count()).toBe(parts.filter((p) => p.differs).length);
			await expectClean(s);

			// Only the differences: a URL choice.
			await s.page.locator('.only-diff input').check();
			await s.page.waitForURL((u) => u.searchParams.get('diff') === '1');
			expect(await s.page.locator('tr[data-part][data-differs="false"]').count()).toBe(0);
		} finally {
			await s.close();
		}
	});

	it('adds a municipality by name, removes one, and keeps hostile answers as text', async () => {
		const s = await session(browser);
		const dialogs: string[] = [];
		s.page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
		try {
			await open(s.page, `/compare?m=${AURA}`);
			expect(await s.page.locator('.picker .message').textContent()).toContain(fi.t('compare.choose'));
			await s.page.fill('#compare-add', 'kaskinen');
			await s.page.locator('.picker button[type="submit"]').click();
			await s.page.waitForURL((u) => u.searchParams.get('m') === `${AURA},${HOSTILE}`);
			await s.page.waitForSelector('[data-table="compare-overview"]', { timeout: 90_000 });
			await s.page.waitForTimeout(300);
			const report = await s.page.evaluate(() => ({
				injected: document.querySelectorAll('main img, main svg, main iframe, main script').length,
				on: [...document.querySelectorAll('main *')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
				pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null
			}));
			expect(report).toEqual({ injected: 0, on: [], pwned: null });
			expect(dialogs).toEqual([]);
			await s.page.locator(`.chosen a[aria-label="${fi.t('compare.remove', { name: 'Aura' })}"]`).click();
			await s.page.waitForURL((u) => u.searchParams.get('m') === HOSTILE);
			await expectClean(s);
		} finally {
			await s.close();
		}
	});
});
