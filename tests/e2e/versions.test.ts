/**
 * Programmes over time in Debian Chromium against the built site (issue 15): a municipality with
 * two versions shows both in its history, the "what changed" panel marks the changed words; the
 * "updated since" filter changes the overview's figures and the URL; the map colours by it; the
 * national list of recent changes links to the panel. Expected values come from the same Parquet
 * files queried in Node with the same SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadOverview, recentChanges, type RecentChange } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { parseStoredDiff } from '$lib/dataset/changes';
import { translator } from '$lib/i18n';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { axeViolations, figure, launch, offOrigin, open, session, siteDatabase, waitLive } from './harness';

let browser: Browser;
let db: NodeDatabase;
const fi = translator('fi');

/** A municipality with exactly two dated versions and a text change that adds words outside the header. */
interface Case {
	code: string;
	files: string[];
	key: string;
	added: string;
}
let example: Case;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	const rows = await db.run<{ code: string; files: string[]; key: string; diff: string }>({
		id: 'e2e.versions.example',
		sql: `WITH two AS (
	SELECT code FROM programme_versions GROUP BY code HAVING max(version) = 2 AND count(*) FILTER (WHERE version IS NULL) = 0 AND count(*) = 2
)
SELECT t.code, (SELECT list(p.file ORDER BY v.version) FROM programme_versions v JOIN programmes p USING (programme_id) WHERE v.code = t.code) AS files,
	c.key, c.diff
FROM two t JOIN programme_changes c ON list_contains(c.municipality_codes, t.code)
WHERE c.change = 'text' AND c.direction = 'changed' AND c.words_added > 0 AND c.key NOT LIKE 'header.%'
ORDER BY t.code, c.ordinal
LIMIT 1`,
		params: []
	});
	expect(rows.length, 'the site data must hold a municipality with two versions (the demo corpus has update histories)').toBe(1);
	const added = parseStoredDiff(rows[0].diff).find((o) => o.op === 'added' && o.text.trim().length > 3)!;
	example = { code: rows[0].code, files: rows[0].files, key: rows[0].key, added: added.text.trim() };
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

describe('a municipality with two versions', () => {
	it('shows both in its history, and the changed words marked in "what changed"', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `/municipality/${example.code}`);
			const history = s.page.locator('[data-testid="history"] tbody tr');
			expect(await history.count()).toBe(2);
			expect(await history.locator('th[scope="row"]').allTextContents()).toEqual([
				expect.stringContaining(fi.t('profile.version', { n: 1 })),
				expect.stringContaining(fi.t('profile.version', { n: 2 }))
			]);
			for (const [i, file] of example.files.entries()) expect(await history.nth(i).locator('code').textContent()).toBe(file);
			// The panel compares version 1 with version 2, and the added words are in <ins>.
			const part = s.page.locator(`[data-testid="changed-parts"] li[data-key="${example.key}"]`);
			expect(await part.count()).toBe(1);
			const inserted = (await part.locator('ins').allTextContents()).join(' ');
			expect(inserted).toContain(example.added);
			// Screen readers hear the marks: the visually hidden label says "lisätty".
			expect(inserted).toContain(fi.t('profile.inserted'));
			expect(await axeViolations(s.page)).toEqual([]);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
		} finally {
			await s.close();
		}
	});
});

describe('"updated since"', () => {
	it('changes the overview’s figures and the URL, and the map can colour by it', async () => {
		const since = '2025-06-01';
		const expected = await loadOverview(db, { ...EMPTY_FILTERS, since });
		const national = await loadOverview(db, EMPTY_FILTERS);
		expect(expected.figures.programmes).toBeLessThan(national.figures.programmes);
		const s = await session(browser);
		try {
			await open(s.page, '/');
			expect(await figure(s.page, 'programmes')).toBe(fi.number(national.figures.programmes));
			await s.page.locator('input[name="since"]').fill(since);
			await s.page.waitForURL((u) => u.searchParams.get('since') === since);
			await waitLive(s.page);
			expect(await figure(s.page, 'programmes')).toBe(fi.number(expected.figures.programmes));
			expect(await s.page.getByTestId('active-filters').textContent()).toContain(fi.t('filter.sinceActive', { date: fi.date(since) }));
			// The map by "updated since": the legend names the date, and the choice is in the URL.
			await s.page.locator('#measure').selectOption('updated');
			await s.page.waitForURL((u) => u.searchParams.get('measure') === 'updated' && u.searchParams.get('since') === since);
			const map = s.page.locator('[data-chart="map"]');
			await s.page.waitForFunction(() => document.querySelector('[data-chart="map"]')?.getAttribute('data-chart-state') === 'drawn');
			// The spoken summary names the classes with the date.
			const spoken = await map.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
			expect(spoken).toContain(fi.t('overview.updatedSince', { date: fi.date(since) }));
			// Its table alternative gives each municipality's last update.
			expect(await map.locator('details table tbody').textContent()).toContain(fi.t('overview.lastUpdate', { date: '' }).trim());
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});
});

describe('recent changes', () => {
	it('lists every update, newest first, linking to the municipality’s "what changed"', async () => {
		const expected = await db.run<RecentChange>(recentChanges(EMPTY_FILTERS));
		expect(expected.length).toBeGreaterThan(10);
		const s = await session(browser);
		try {
			await open(s.page, '/changes');
			expect(await s.page.getByTestId('changes-count').textContent()).toBe(fi.t('changes.count', { n: expected.length }));
			const first = s.page.locator('#recent-changes tbody tr').first().locator('a').first();
			const href = (await first.getAttribute('href'))!;
			expect(href).toContain(`/municipality/${expected[0].codes[0]}`);
			expect(href).toMatch(/pair=[0-9a-f]{12}\.\.[0-9a-f]{12}#changes$/);
			await first.click();
			await s.page.waitForSelector('[data-testid="history"]');
			expect(await axeViolations(s.page)).toEqual([]);
			await open(s.page, '/changes');
			expect(await axeViolations(s.page)).toEqual([]);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});
});
