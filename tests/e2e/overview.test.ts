/**
 * The overview in Debian Chromium against the built site. Expected numbers come from the same
 * Parquet files queried in Node with the same SQL builders (the Node path is unit-tested
 * against plain JavaScript), so the tests hold for whatever dataset the site was built from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { overviewFigures, overviewQueries, type OverviewFigures } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { classesByCode, NO_CLASS_COLOUR } from '$lib/charts/choropleth';
import { measureMap } from '$lib/charts/map-measures';
import type { MunicipalityMeasures } from '$lib/db/queries';
import { EMPTY_FILTERS, parseView, type Filters } from '$lib/state/filters';
import { axeViolations, BASE, downloadedPng, figure, holdEngine, launch, offOrigin, open, session, siteDatabase, waitChartsDrawn, waitLive } from './harness';

let browser: Browser;
let db: NodeDatabase;
/** A region with a covered municipality, another region, and one with no programme at all. */
let regions: { covered: string; other: string; uncovered: string };

const fi = translator('fi');

async function expectedFigures(filters: Filters): Promise<OverviewFigures> {
	return (await db.run<OverviewFigures>(overviewFigures(filters)))[0];
}

async function expectFigures(page: Page, filters: Filters, t = fi) {
	const e = await expectedFigures(filters);
	expect(await figure(page, 'programmes')).toBe(t.number(e.programmes));
	expect(await figure(page, 'municipalities-covered')).toBe(
		t.t('overview.coveredOf', { covered: e.municipalities_covered, total: e.municipalities_in_scope })
	);
}

const filtersOf = (url: string) => parseView(new URL(url).searchParams).filters;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	const rows = await db.run({
		id: 'test.regions',
		sql: `WITH covered AS (SELECT DISTINCT unnest(municipality_codes) AS code FROM programmes WHERE is_current)
			SELECT m.region_code, count(c.code)::INTEGER AS covered
			FROM municipalities m LEFT JOIN covered c USING (code)
			WHERE NOT m.aland GROUP BY m.region_code ORDER BY covered DESC, m.region_code`,
		params: []
	});
	const withProgramme = rows.filter((r) => (r.covered as number) > 0).map((r) => r.region_code as string);
	const without = rows.filter((r) => r.covered === 0).map((r) => r.region_code as string);
	expect(withProgramme.length, 'the site data must cover at least one municipality').toBeGreaterThan(0);
	regions = {
		covered: withProgramme[0],
		other: rows.map((r) => r.region_code as string).find((c) => c !== withProgramme[0])!,
		uncovered: without[0] ?? rows.at(-1)!.region_code as string
	};
});

afterAll(async () => {
	await browser?.close();
	db?.close();
});

async function chooseRegion(page: Page, code: string) {
	const before = page.url();
	await page.locator('details[data-filter="region"] > summary').click();
	await page.locator(`input[name="region"][value="${code}"]`).click();
	await page.waitForURL((u) => u.toString() !== before);
	// Close the disclosure again so later clicks are not covered by it.
	await page.locator('details[data-filter="region"] > summary').click();
}

/** The overview opened, then a region chosen, and every figure drawn with its numbers. */
async function openWithRegion(page: Page, code: string) {
	await open(page, '/');
	await waitChartsDrawn(page);
	await chooseRegion(page, code);
	await waitLive(page);
	await waitChartsDrawn(page);
}

describe('overview', () => {
	it('renders the national figures and every chart with no errors and no request off the origin', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await expectFigures(s.page, EMPTY_FILTERS);
			await waitChartsDrawn(s.page);
			expect(await s.page.locator('[data-chart="map"]').getAttribute('data-chart-state')).toBe('drawn');
			// DuckDB-WASM is preloaded when the browser is idle: wait for it so its requests are recorded too.
			await s.page.waitForFunction(() => performance.getEntriesByName('kk:db-ready').length > 0, undefined, { timeout: 90_000 });
			expect(s.requests.some((u) => /duckdb-eh.*\.wasm/.test(u))).toBe(true);
			expect(s.requests.some((u) => /\/data\/programmes\.(parquet|arrow)/.test(u))).toBe(true);
			expect(offOrigin(s.requests)).toEqual([]);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a filter changes the URL, the figures, the map, and runs the same SQL as Node', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await chooseRegion(s.page, regions.covered);
			expect(new URL(s.page.url()).searchParams.get('region')).toBe(regions.covered);
			await waitLive(s.page);
			await waitChartsDrawn(s.page);
			const filters = filtersOf(s.page.url());
			await expectFigures(s.page, filters);

			// The map's table alternative: every municipality outside the region is marked so.
			const e = await expectedFigures(filters);
			const outside = await s.page
				.locator('[data-chart="map"] details table tbody tr td:nth-child(3)')
				.filter({ hasText: fi.t('overview.outsideFilter') })
				.count();
			const total = await s.page.locator('[data-chart="map"] details table tbody tr').count();
			expect(total).toBe(308);
			expect(outside).toBe(308 - e.municipalities_in_scope);

			// The SQL shown under the map is the builder's, with the filter bound as a parameter.
			const q = overviewQueries(filters).municipalities;
			expect(await s.page.locator(`pre[data-query-id="${q.id}"]`).textContent()).toBe(q.sql);
			expect(JSON.parse((await s.page.locator(`[data-query-params="${q.id}"]`).textContent()) ?? '[]')).toEqual(q.params);
			expect(q.params).toContain(regions.covered);

			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a copied URL restores the view: filters, measure and language', async () => {
		const path = `/?region=${regions.covered}&measure=languages&lang=sv`;
		const s = await session(browser);
		try {
			await open(s.page, path);
			await waitLive(s.page);
			expect(await s.page.locator(`input[name="region"][value="${regions.covered}"]`).isChecked()).toBe(true);
			expect(await s.page.locator('#measure').inputValue()).toBe('languages');
			expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('sv');
			expect(await s.page.locator('h1').textContent()).toBe(translator('sv').t('overview.title'));
			await expectFigures(s.page, filtersOf(`${BASE}${path}`), translator('sv'));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('back and forward move between filter states', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await chooseRegion(s.page, regions.covered);
			await waitLive(s.page);
			const first = s.page.url();
			await chooseRegion(s.page, regions.other);
			await waitLive(s.page);
			const second = s.page.url();
			expect(filtersOf(second).region).toEqual([regions.covered, regions.other].sort());
			await expectFigures(s.page, filtersOf(second));

			await s.page.goBack();
			await s.page.waitForURL(first);
			await expectFigures(s.page, filtersOf(first));
			expect(await s.page.locator(`input[name="region"][value="${regions.other}"]`).isChecked()).toBe(false);

			await s.page.goBack();
			await s.page.waitForURL(`${BASE}/`);
			await expectFigures(s.page, EMPTY_FILTERS);

			await s.page.goForward();
			await s.page.waitForURL(first);
			await expectFigures(s.page, filtersOf(first));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a choice takes effect at the click: the queries start before the router writes the URL, two quick choices both land, <html lang> is left alone', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await s.page.waitForFunction(() => performance.getEntriesByName('kk:db-ready').length > 0, undefined, { timeout: 90_000 });
			const times = await s.page.evaluate(
				([a, b]) => {
					const pushed: number[] = [];
					// <html lang> must not be touched by a filter change: setting it, even to the same value, restyles the whole page.
					const langWrites: MutationRecord[] = [];
					new MutationObserver((records) => langWrites.push(...records)).observe(document.documentElement, { attributeFilter: ['lang'] });
					const push = history.pushState.bind(history);
					history.pushState = (...args: Parameters<History['pushState']>) => (pushed.push(performance.now()), push(...args));
					const t0 = performance.now();
					// Two choices in one task: the second is made before the router has written the first.
					for (const code of [a, b]) (document.querySelector(`input[name="region"][value="${code}"]`) as HTMLInputElement).click();
					return new Promise<{ query: number[]; url: number[]; langWrites: number }>((ok) =>
						setTimeout(
							() => ok({ query: performance.getEntriesByName('kk:query:overview:start').map((e) => e.startTime).filter((t) => t >= t0), url: pushed, langWrites: langWrites.length }),
							1000
						)
					);
				},
				[regions.covered, regions.other]
			);
			expect(times.url.length).toBeGreaterThan(0);
			expect(times.query.length).toBeGreaterThan(0);
			expect(Math.min(...times.query)).toBeLessThan(Math.min(...times.url));
			expect(times.langWrites).toBe(0);
			await s.page.waitForURL((u) => filtersOf(u.toString()).region.length === 2);
			await waitLive(s.page);
			expect(filtersOf(s.page.url()).region).toEqual([regions.covered, regions.other].sort());
			await expectFigures(s.page, filtersOf(s.page.url()));
			for (const code of [regions.covered, regions.other]) expect(await s.page.locator(`input[name="region"][value="${code}"]`).isChecked()).toBe(true);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('the map is drawn as soon as its rows arrive, before the rest are in, and every figure ends with the filter\'s numbers', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await s.page.waitForFunction(() => performance.getEntriesByName('kk:db-ready').length > 0, undefined, { timeout: 90_000 });
			await waitChartsDrawn(s.page);
			const marks = await s.page.evaluate(
				(code) =>
					new Promise<{ map: number[]; done: number[] }>((ok) => {
						const t0 = performance.now();
						const since = (name: string) => performance.getEntriesByName(name).map((e) => e.startTime).filter((t) => t >= t0);
						(document.querySelector(`input[name="region"][value="${code}"]`) as HTMLInputElement).click();
						const step = () => {
							const done = since('kk:query:overview:done');
							if (done.length && [...document.querySelectorAll('[data-chart]')].every((e) => e.getAttribute('data-chart-state') !== 'pending'))
								ok({ map: since('kk:chart:map:drawn'), done });
							else requestAnimationFrame(step);
						};
						requestAnimationFrame(step);
					}),
				regions.covered
			);
			// The map's rows come first and it is drawn while DuckDB computes the rest (before, it waited
			// for the last query).
			expect(marks.map.length).toBe(1);
			expect(marks.map[0]).toBeLessThan(marks.done[0]);
			expect(await s.page.locator('[data-chart][aria-busy="true"], .figure.busy').count()).toBe(0);

			// Every chart ends with the numbers of the same SQL in Node for this filter.
			await s.page.waitForURL((u) => filtersOf(u.toString()).region.length === 1);
			const filters = filtersOf(s.page.url());
			await expectFigures(s.page, filters);
			const q = overviewQueries(filters);
			const column = (chart: string, n: number) => s.page.locator(`[data-chart="${chart}"] details table tbody tr td:nth-child(${n})`).allTextContents();
			const completeness = await db.run(q.completeness);
			expect(await column('completeness', 2)).toEqual(completeness.map((r) => fi.number(r.programmes)));
			const arrangements = await db.run(q.arrangements);
			expect(await column('arrangements', 2)).toEqual(arrangements.map((r) => fi.number(r.programmes)));
			const languages = await db.run(q.languages);
			expect(await column('languages', 2)).toEqual(languages.map((r) => fi.number(r.programmes)));
			expect(await column('languages', 3)).toEqual(languages.map((r) => fi.number(r.municipalities)));
			const missing = await db.run(q.missingParts);
			expect(await column('missing-parts', 2)).toEqual(missing.map((r) => fi.number(r.missing)));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('changing the map measure is a URL choice and redraws the map', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await waitChartsDrawn(s.page);
			await s.page.locator('#measure').selectOption('missing');
			await s.page.waitForURL(/measure=missing/);
			await waitChartsDrawn(s.page);
			expect(await s.page.locator('[data-chart="map"] details table thead th').nth(2).textContent()).toContain(
				fi.t('measure.missing')
			);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('the map draws every municipality in its class, names it on hover, opens its profile on click, and prints patterns', async () => {
		const s = await session(browser);
		try {
			await open(s.page, '/');
			await waitChartsDrawn(s.page);
			await chooseRegion(s.page, regions.covered);
			await s.page.locator('#measure').selectOption('missing');
			await s.page.waitForURL(/measure=missing/);
			await waitLive(s.page);
			await waitChartsDrawn(s.page);
			const filters = filtersOf(s.page.url());
			// The classes of the same SQL's rows in Node.
			const rows = await db.run<MunicipalityMeasures>(overviewQueries(filters).municipalities);
			const expected = measureMap(rows, 'missing', fi, {});
			const classes = classesByCode(expected.data, expected.pieces);
			const drawn = await s.page.evaluate(() => ({
				legend: [...document.querySelectorAll('[data-chart="map"] .legend li')].map((li) => ({
					label: li.textContent!.trim(),
					colour: li.querySelector('rect')!.getAttribute('fill')
				})),
				fills: Object.fromEntries(
					[...document.querySelectorAll('[data-chart="map"] path[data-code]')].map((p) => [p.getAttribute('data-code')!, p.getAttribute('fill')])
				)
			}));
			expect(drawn.legend).toEqual(expected.pieces.map((p) => ({ label: p.label, colour: p.color })));
			expect(Object.keys(drawn.fills)).toHaveLength(308);
			const want = Object.fromEntries(Object.keys(drawn.fills).map((code) => [code, classes.has(code) ? expected.pieces[classes.get(code)!].color : NO_CLASS_COLOUR]));
			expect(drawn.fills).toEqual(want);
			// Outside the region is a class of its own, so the filter shows on the map.
			expect(new Set(Object.values(drawn.fills)).size).toBeGreaterThan(1);

			// Hover: the municipality's name and value, as its table row says them.
			const row = s.page.locator('[data-chart="map"] details table tbody tr').filter({ has: s.page.locator('td', { hasText: /^091$/ }) });
			const [name, , text] = (await row.locator('th, td').allTextContents()).map((x) => x.trim());
			await s.page.locator('[data-chart="map"] path[data-code="091"]').hover();
			expect(await s.page.locator('[data-chart="map"] .chart-tip').textContent()).toBe(`${name}: ${text}`);

			// Print: each class also has a pattern.
			await s.page.mouse.move(0, 0);
			await s.page.emulateMedia({ media: 'print' });
			const printed = await s.page.locator('[data-chart="map"] path[data-code="091"]').evaluate((p) => getComputedStyle(p).fill);
			expect(printed).toMatch(/^url\("?#map-map-class-\d+"?\)$/);
			await s.page.emulateMedia({ media: 'screen' });

			// The PNG download: the map with its legend, drawn from the same classes, and the note under it.
			const png = await downloadedPng(s.page, 'map');
			// Twice the drawing's size: wider than tall by the legend beside a map taller than wide.
			expect(png.width).toBeGreaterThan(600);
			expect(png.height).toBeGreaterThan(1000);
			expect(png.text).toMatch(/synteettis/i);

			// A click opens the municipality's profile, keeping the filters.
			await Promise.all([s.page.waitForURL(/\/municipality\/091/), s.page.locator('[data-chart="map"] path[data-code="091"]').click()]);
			expect(new URL(s.page.url()).searchParams.get('region')).toBe(regions.covered);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('the bar charts are in the prerendered page, draw every value in proportion with its label, name a category on hover, and save a PNG', async () => {
		// Before any script: the bars are HTML in the prerendered page (ECharts drew only once the script ran).
		const html = await (await fetch(`${BASE}/`)).text();
		for (const id of ['completeness', 'missing-parts', 'languages', 'arrangements']) {
			const chart = html.slice(html.indexOf(`data-chart="${id}"`));
			expect(chart.slice(0, chart.indexOf('</figure>')), id).toMatch(/class="mark[^"]*"[^>]*style="--start: [\d.e-]+; --size: [\d.e-]+;/);
		}

		const s = await session(browser);
		try {
			await openWithRegion(s.page, regions.covered);
			for (const id of ['completeness', 'missing-parts', 'languages', 'arrangements']) {
				const drawn = await s.page.evaluate((id) => {
					const chart = document.querySelector(`[data-chart="${id}"]`)!;
					const vertical = !!chart.querySelector('.bars.vertical');
					return {
						stacked: !!chart.querySelector('.bars.stacked'),
						table: [...chart.querySelectorAll('details table tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
						rows: [...chart.querySelectorAll('.bars .row')].map((row) => ({
							category: row.querySelector('.category')!.textContent!.trim(),
							marks: [...row.querySelectorAll('.mark')].map((m) => {
								const track = row.querySelector('.track')!.getBoundingClientRect();
								const box = m.getBoundingClientRect();
								return { series: Number(m.getAttribute('data-series')), share: vertical ? box.height / track.height : box.width / track.width, px: vertical ? track.height : track.width, label: m.textContent!.trim() };
							})
						}))
					};
				}, id);
				// One row per category, in the table's order, each series' bar of its value.
				expect(drawn.rows.map((r) => r.category), id).toEqual(drawn.table.map((r) => r[0]));
				const marks = drawn.rows.flatMap((r, i) => r.marks.map((m) => ({ ...m, value: Number(drawn.table[i][m.series + 1].replace(/\s/g, '').replace('–', '0')) })));
				expect(marks.length, id).toBeGreaterThan(0);
				const largest = Math.max(...marks.map((m) => m.value));
				const unit = marks.find((m) => m.value === largest)!.share / largest;
				// The longest bar (a stack's total) fills more than half the scale: a round scale is less than twice it.
				const rowTotals = drawn.rows.map((r, i) => r.marks.reduce((sum, m) => sum + Number(drawn.table[i][m.series + 1].replace(/\s/g, '').replace('–', '0')), 0));
				const longest = drawn.stacked ? Math.max(...rowTotals) : largest;
				expect(unit * longest, id).toBeGreaterThan(0.5);
				expect(unit * longest, id).toBeLessThanOrEqual(1.0001);
				for (const m of marks) {
					// In proportion, to a pixel.
					expect(Math.abs(m.share - unit * m.value) * m.px, `${id} ${m.series} ${m.value}`).toBeLessThan(1.5);
					// Labelled with its value as the table writes it (a sliver of a stack or a zero may go without).
					if (m.label) expect(m.label, id).toBe(fi.number(m.value));
					else expect(m.value === 0 || m.value / longest < 0.06, `${id}: ${m.value} unlabelled`).toBe(true);
				}
			}

			// Hover: the category and each grade's value, as the table row says them.
			const row = s.page.locator('[data-chart="missing-parts"] .bars .row').first();
			await row.locator('.track').hover();
			const cells = (await s.page.locator('[data-chart="missing-parts"] details table tbody tr').first().locator('th, td').allTextContents()).map((x) => x.trim());
			const headers = ['', ...(await s.page.locator('[data-chart="missing-parts"] .bars .legend li').allTextContents()).map((x) => x.trim())];
			const tip = await s.page.locator('[data-chart="missing-parts"] .chart-tip').innerText();
			expect(tip.split('\n').map((x) => x.trim())).toEqual([cells[0], ...headers.slice(1, 5).map((h, i) => `${h}: ${cells[i + 1]}`)]);

			// Series are told apart by pattern as well as colour, also in print.
			await s.page.mouse.move(0, 0);
			await s.page.emulateMedia({ media: 'print' });
			const looks = await s.page.locator('[data-chart="missing-parts"] .bars .row').first().locator('.mark').evaluateAll((marks) =>
				marks.map((m) => `${getComputedStyle(m).backgroundColor} ${getComputedStyle(m).backgroundImage.slice(0, 60)} ${getComputedStyle(m).printColorAdjust}`)
			);
			expect(new Set(looks).size).toBe(looks.length);
			expect(looks.every((l) => l.endsWith('exact'))).toBe(true);
			await s.page.emulateMedia({ media: 'screen' });

			// The PNG: the chart drawn from the same layout, at twice its 720 px width, and under it what
			// it shows: the filter, and that the programmes are synthetic (read back by OCR).
			const png = await downloadedPng(s.page, 'missing-parts');
			expect(png.width).toBe(1440);
			expect(png.height).toBeGreaterThan(200);
			expect(png.text).toMatch(/synteettis/i);
			const [{ region_fi: regionName }] = await db.run({ id: 'test.region', sql: 'SELECT DISTINCT region_fi FROM municipalities WHERE region_code = ?', params: [regions.covered] });
			expect(png.text).toContain(regionName as string);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a chart off screen is not redrawn until it scrolls near, then shows the filter’s numbers; printed, the page holds every chart', async () => {
		const s = await session(browser);
		const dir = mkdtempSync(join(tmpdir(), 'kk-print-'));
		try {
			await openWithRegion(s.page, regions.covered);
			// At the top of the page the last chart's content is skipped (content-visibility: auto)…
			const rendered = (id: string) => s.page.locator(`[data-chart="${id}"] .bars`).evaluate((e) => e.checkVisibility({ contentVisibilityAuto: true }));
			expect(await s.page.evaluate(() => window.scrollY)).toBe(0);
			expect(await rendered('arrangements')).toBe(false);
			// …and once scrolled to, it is drawn with the same rows as its table.
			await s.page.locator('[data-chart="arrangements"]').scrollIntoViewIfNeeded();
			await s.page.waitForFunction(() => document.querySelector('[data-chart="arrangements"] .bars')!.checkVisibility({ contentVisibilityAuto: true }));
			const shown = await s.page.locator('[data-chart="arrangements"] .bars .row .category').allTextContents();
			const table = await s.page.locator('[data-chart="arrangements"] details table tbody tr > :first-child').allTextContents();
			expect(shown.map((x) => x.trim())).toEqual(table.map((x) => x.trim()));
			expect(shown.length).toBeGreaterThan(0);
			await s.page.evaluate(() => window.scrollTo(0, 0));

			// Printed from the top, every chart is there: each bar chart's first category and the map's legend.
			await s.page.emulateMedia({ media: 'print' });
			const file = join(dir, 'overview.pdf');
			writeFileSync(file, await s.page.pdf({ format: 'A4', printBackground: true }));
			const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
			for (const id of ['completeness', 'missing-parts', 'languages', 'arrangements']) {
				const first = (await s.page.locator(`[data-chart="${id}"] .bars .row .category`).first().textContent())!.replace(/\s+/g, ' ').trim();
				expect(text, id).toContain(first);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('a chart cannot be downloaded while it shows other numbers than its view: prerendered national ones before the filters\' own arrive', async () => {
		const s = await session(browser);
		try {
			// Hold the engine back: the page shows the prerendered national numbers under a filtered URL.
			const release = await holdEngine(s.page);
			await open(s.page, `/?region=${regions.covered}`);
			const buttons = s.page.locator('[data-chart="missing-parts"] [data-download]');
			expect(await buttons.count()).toBe(3);
			for (const b of await buttons.all()) expect(await b.isDisabled(), (await b.getAttribute('data-download')) ?? undefined).toBe(true);
			// Once the filter's numbers are drawn, every download is there again.
			release();
			await waitLive(s.page);
			await waitChartsDrawn(s.page);
			await s.page.waitForFunction(() => [...document.querySelectorAll('[data-chart="missing-parts"] [data-download]')].every((b) => !(b as HTMLButtonElement).disabled));
			// Unfiltered, the prerendered numbers are the view's own: downloads are there from the start.
			const national = await session(browser);
			try {
				await holdEngine(national.page);
				await open(national.page, '/');
				for (const b of await national.page.locator('[data-chart="missing-parts"] [data-download]').all()) expect(await b.isDisabled()).toBe(false);
			} finally {
				await national.close();
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('warns whenever a synthetic programme is on view, and only then', async () => {
		const s = await session(browser);
		try {
			const national = await expectedFigures(EMPTY_FILTERS);
			await open(s.page, '/');
			const banner = s.page.locator('[data-testid="synthetic-banner"]');
			if (national.synthetic_programmes > 0) {
				expect(await banner.textContent()).toContain(fi.number(national.synthetic_programmes));
				// Real programmes only: the live count is zero, and the banner goes.
				await s.page.locator('input[name="synthetic"][value="real"]').check();
				await s.page.waitForURL(/synthetic=real/);
				await waitLive(s.page);
				await banner.waitFor({ state: 'detached', timeout: 60_000 });
				expect((await expectedFigures(filtersOf(s.page.url()))).synthetic_programmes).toBe(0);
			} else {
				expect(await banner.count()).toBe(0);
			}
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a region without programmes shows zero, honestly', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `/?region=${regions.uncovered}`);
			await waitLive(s.page);
			await expectFigures(s.page, filtersOf(`${BASE}/?region=${regions.uncovered}`));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});
});

describe('accessibility (axe-core)', () => {
	const pages = ['/', '/?lang=sv', '/?lang=en&measure=completeness', '/data', '/data?lang=sv', '/data?lang=en'];
	it.each(pages)('%s has no violations', async (path) => {
		const s = await session(browser);
		try {
			await open(s.page, path);
			await waitChartsDrawn(s.page);
			expect(await axeViolations(s.page)).toEqual([]);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a filtered live view with a filter list open has no violations', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `/?region=${regions.covered}`);
			await waitLive(s.page);
			await waitChartsDrawn(s.page);
			await s.page.locator('details[data-filter="area"] > summary').click();
			expect(await axeViolations(s.page)).toEqual([]);
		} finally {
			await s.close();
		}
	});
});

describe('without JavaScript', () => {
	it('the prerendered overview shows the national figures', async () => {
		const s = await session(browser, { javaScriptEnabled: false });
		try {
			await s.page.goto(`${BASE}/`);
			await expectFigures(s.page, EMPTY_FILTERS);
			// The charts' data is readable as tables even though no chart is drawn.
			const e = await expectedFigures(EMPTY_FILTERS);
			expect(await s.page.locator('[data-chart="map"] details table tbody tr').count()).toBe(308);
			expect(e.programmes).toBeGreaterThan(0);
		} finally {
			await s.close();
		}
	});
});
