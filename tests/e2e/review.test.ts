/**
 * The Data page's "needs review" list (issue 10) in Debian Chromium against the built site: the
 * facts below the confidence threshold, least sure first, as the same SQL gives them in Node;
 * each evidence link lands on that answer in the programme's profile; the list speaks fi, sv, en.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { needsReview, type ReviewRow } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { REVIEW_THRESHOLD } from '$lib/programme/enrich/confidence';
import { BASE, launch, open, session, siteDatabase } from './harness';

let browser: Browser;
let db: NodeDatabase;
let expected: ReviewRow[];

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	expected = await db.run<ReviewRow>(needsReview(REVIEW_THRESHOLD));
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

describe('needs review on the Data page', () => {
	it('lists the facts below the threshold, least sure first, as the SQL does', async () => {
		expect(expected.length).toBeGreaterThan(0); // the site data has programmes without a municipality and OCR-read scans
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			const section = s.page.locator('[data-testid="needs-review"]');
			expect(await section.locator('h2').textContent()).toBe(translator('fi').t('data.needsReview'));
			const rows = section.locator('tbody tr');
			expect(await rows.count()).toBe(expected.length);
			const kinds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-fact-type')));
			expect(kinds).toEqual(expected.map((r) => r.fact_type));
			// Confidence ascending (no municipality, shown as "–", first).
			const shown = (await rows.locator('td:first-child').allTextContents()).map((t) => (t.trim() === '–' ? -1 : Number(t.trim().replace(',', '.'))));
			expect(shown).toEqual([...shown].sort((a, b) => a - b));
			expect(shown.every((c) => c < REVIEW_THRESHOLD)).toBe(true);
			// Synthetic programmes are labelled so.
			const synthetic = expected.findIndex((r) => r.is_synthetic);
			if (synthetic >= 0) expect(await rows.nth(synthetic).textContent()).toContain(translator('fi').t('evidence.synthetic'));
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('an evidence link opens the programme’s profile at that answer; the PDF link serves the PDF', async () => {
		const withCode = expected.findIndex((r) => r.code && r.key && r.fact_type !== 'municipality');
		expect(withCode, 'a low-confidence fact of a programme with a municipality').toBeGreaterThanOrEqual(0);
		const r = expected[withCode];
		const key = r.key!;
		const s = await session(browser);
		try {
			await open(s.page, '/data');
			const row = s.page.locator('[data-testid="needs-review"] tbody tr').nth(withCode);
			const pdf = await row.locator('td:last-child a').getAttribute('href');
			expect(pdf).toMatch(/^\/pdfs\/.+\.pdf(?:#page=\d+)?$/);
			expect((await fetch(`${BASE}${pdf!.replace(/#.*$/, '')}`)).status).toBe(200);
			const link = row.locator('[data-testid="review-evidence"]');
			expect(await link.textContent()).toBe(key);
			await link.click();
			await s.page.waitForURL((u) => u.pathname === `/municipality/${r.code}` && u.hash === `#${encodeURIComponent(key)}`);
			await s.page.waitForFunction((id) => {
				const el = document.getElementById(id);
				const box = el?.getBoundingClientRect();
				return !!box && box.top >= -2 && box.top < window.innerHeight;
			}, key, { timeout: 90_000 });
			// The answer shown is the one the fact came from: its snippet is in it.
			if (r.snippet) expect(await s.page.locator(`[id="${key}"]`).textContent()).toContain(r.snippet);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it.each(['sv', 'en'] as const)('%s: the list speaks the UI language', async (lang) => {
		const t = translator(lang);
		const s = await session(browser);
		try {
			await open(s.page, `/data?lang=${lang}`);
			const section = s.page.locator('[data-testid="needs-review"]');
			expect(await section.locator('h2').textContent()).toBe(t.t('data.needsReview'));
			expect(await section.locator('thead th').allTextContents()).toEqual(
				['data.reviewConfidence', 'data.reviewKind', 'data.reviewFact', 'data.reviewEvidence', 'data.reviewProgramme'].map((k) => t.t(k as never))
			);
			expect(await section.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe(t.label('data.reviewKind', expected[0].fact_type));
		} finally {
			await s.close();
		}
	});
});
