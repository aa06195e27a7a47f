/**
 * The municipality profile in Debian Chromium against the built site: Aura's real programme
 * (the answer "Ukrainan kielellä" with its language fact highlighted and listed with its
 * evidence), the prerendered header, PDF page links, anchors, the peer benchmark, a
 * municipality without a programme, and a prerendered page for every municipality code.
 * Expected values come from the same Parquet files queried in Node with the same SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { pdfHref } from '$lib/components/profile/pdf-link';
import { gapMatrix, municipalityProgrammes, peerSummary, type GapRow, type PeerSummary, type ProfileProgramme } from '$lib/db/queries';
import type { NodeDatabase } from '$lib/db/node.server';
import { translator } from '$lib/i18n';
import { parseMunicipalities } from '$lib/reference';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { axeViolations, BASE, figure, launch, offOrigin, open, session, siteDatabase, waitAnswers } from './harness';

let browser: Browser;
let db: NodeDatabase;
let aura: ProfileProgramme;
/** Aura's profile showing the real programme: the plain URL when that is the default one. */
let auraPath: string;
const fi = translator('fi');

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
	const programmes = await db.run<ProfileProgramme>(municipalityProgrammes('019'));
	aura = programmes.find((p) => p.file.endsWith('aura-2024-11-18.pdf'))!;
	expect(aura, 'the site data must contain Aura’s programme (data/pdfs/aura-2024-11-18.pdf)').toBeTruthy();
	auraPath = programmes[0].programme_id === aura.programme_id ? '/municipality/019' : `/municipality/019?doc=${aura.programme_id.slice(0, 12)}`;
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

describe('municipality profile', () => {
	it('prerenders a page for every municipality code of the reference data', () => {
		const codes = parseMunicipalities(readFileSync('data/reference/municipalities.csv', 'utf8')).map((m) => m.code);
		expect(codes.length).toBeGreaterThan(300);
		expect(codes.filter((c) => !existsSync(`build/municipality/${c}.html`))).toEqual([]);
	});

	it('Aura: "Ukrainan kielellä" with its language fact highlighted and the evidence listed', async () => {
		const s = await session(browser);
		try {
			await open(s.page, auraPath);
			await waitAnswers(s.page);
			const part = s.page.locator('article[id="s3.a2"]');
			expect(await part.locator('.answer-text').textContent()).toContain('Ukrainan kielellä');
			const mark = part.locator('mark', { hasText: 'Ukrainan kielellä' });
			expect(await mark.count()).toBe(1);
			const markId = await mark.getAttribute('id');
			const factId = (await mark.getAttribute('data-facts'))!.split(' ')[0];
			expect(markId).toBe(`ev-${factId}-s3.a2`);
			expect(await mark.getAttribute('title')).toContain(fi.languageName('uk', 'ukraina'));
			// The fact in the list, with its evidence: the part, the quoted words, a link to the mark.
			const fact = s.page.locator(`#facts-languages li[id="fact-${factId}"]`);
			expect(await fact.locator('.fact-label').textContent()).toContain(fi.languageName('uk', 'ukraina'));
			expect(await fact.locator('q').first().textContent()).toBe('Ukrainan kielellä');
			expect(await fact.locator('.evidence a').first().getAttribute('href')).toBe(`#${markId}`);
			// Following the evidence link lands on the mark.
			await fact.locator('.evidence a').first().click();
			await s.page.waitForURL((u) => u.hash === `#${markId}`);
			expect(await mark.evaluate((m) => m.matches(':target'))).toBe(true);
			expect(s.errors).toEqual([]);
			expect(offOrigin(s.requests)).toEqual([]);
			expect(await axeViolations(s.page)).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('shows the prerendered header figures before DuckDB, and links the source PDF and its pages', async () => {
		const s = await session(browser, { javaScriptEnabled: false });
		try {
			await s.page.goto(`${BASE}/municipality/019`);
			const [first] = await db.run<ProfileProgramme>(municipalityProgrammes('019'));
			expect(await s.page.locator('h1').textContent()).toContain('Aura');
			expect(await figure(s.page, 'completeness')).toBe(first.mandatory_score === null ? fi.t('overview.noValue') : fi.percent(first.mandatory_score));
			expect(await figure(s.page, 'updated')).toBe(first.updated ? fi.date(first.updated) : fi.t('overview.noValue'));
			// Every form part has its anchor in the prerendered page, before any answer is loaded.
			for (const key of ['header.coordinator', 's1.a', 's3.a2', 's7.c']) expect(await s.page.locator(`article[id="${key}"]`).count()).toBe(1);
			expect(await s.page.locator('section[id="s3"]').count()).toBe(1);
			// The coordinator answer is in the header, as text.
			const coordinator = await db.run<{ text: string }>({
				id: 'test.coordinator',
				sql: `SELECT text FROM answers WHERE programme_id = ? AND key = 'header.coordinator'`,
				params: [first.programme_id]
			});
			if (coordinator[0]?.text.trim()) expect(await s.page.locator('.coordinator').first().textContent()).toBe(coordinator[0].text.trim());
		} finally {
			await s.close();
		}

		const js = await session(browser);
		try {
			await open(js.page, auraPath);
			const pdf = pdfHref(aura.file)!;
			expect(await js.page.locator(`.programme a[href="${pdf}"]`).count()).toBe(1);
			const response = await js.page.request.get(`${BASE}${pdf}`);
			expect(response.status()).toBe(200);
			expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
			await waitAnswers(js.page);
			const [page] = await db.run<{ page: number | null }>({
				id: 'test.page',
				sql: `SELECT page FROM answers WHERE programme_id = ? AND key = 's3.a2'`,
				params: [aura.programme_id]
			});
			if (page.page) expect(await js.page.locator('article[id="s3.a2"] a.pdf').getAttribute('href')).toBe(pdfHref(aura.file, page.page));
			expect(js.errors).toEqual([]);
		} finally {
			await js.close();
		}
	});

	it('a link to /municipality/<code>#<key> lands on that answer once it is loaded', async () => {
		const s = await session(browser);
		try {
			await open(s.page, `${auraPath}#s4.b`);
			await waitAnswers(s.page);
			await s.page.waitForFunction(() => {
				const r = document.getElementById('s4.b')?.getBoundingClientRect();
				return !!r && r.top >= -2 && r.top < window.innerHeight;
			});
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('benchmarks against its employment area, region and population class as the SQL says', async () => {
		const expected = await db.run<PeerSummary>(peerSummary('019'));
		const s = await session(browser);
		try {
			await open(s.page, auraPath);
			await waitAnswers(s.page);
			const rows = await s.page.locator('#peers tbody tr').evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
			);
			expect(rows).toHaveLength(3);
			expected.forEach((e, i) => {
				expect(rows[i].slice(1)).toEqual([
					fi.number(e.municipalities, 2),
					fi.number(e.with_programme, 2),
					fi.percent(e.score),
					fi.percent(e.median_score),
					fi.percent(e.percentile),
					// How many of the graded peers are synthetic, and the comparison with real programmes only.
					`${fi.number(e.synthetic_peers)}/${fi.number(e.graded_peers)}`,
					fi.percent(e.real_median_score),
					e.real_graded_peers === 0 && e.score !== null ? fi.t('profile.noRealPeers') : fi.percent(e.real_percentile)
				]);
			});
			expect(rows[0][0]).toContain(fi.t('filter.area'));
			// Aura, the one real programme, among synthetic peers: a visible caveat names the share.
			const caveat = s.page.locator('[data-peers-synthetic]');
			if (expected.some((e) => e.synthetic_peers > 0)) {
				expect(await caveat.isVisible()).toBe(true);
				const text = (await caveat.textContent()) ?? '';
				const area = expected[0];
				if (area.synthetic_peers > 0) expect(text).toContain(`${area.synthetic_peers}/${area.graded_peers}`);
			} else expect(await caveat.count()).toBe(0);
			expect(s.errors).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('a municipality without a programme says so and still compares its peers', async () => {
		const rows = await db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
		const none = rows.find((r) => r.programme_id === null);
		if (!none) {
			// Every mainland municipality has a programme: then Åland's do not (they are outside the Act).
			expect((await db.run(municipalityProgrammes('478'))).length).toBe(0);
		}
		const code = none?.code ?? '478';
		const s = await session(browser);
		try {
			await open(s.page, `/municipality/${code}`);
			expect(await s.page.locator('.no-programme').textContent()).toBe(fi.t('profile.noProgramme'));
			await s.page.locator('#peers tbody tr').first().waitFor({ timeout: 90_000 });
			expect(await s.page.locator('#peers tbody tr').count()).toBe(3);
			expect(s.errors).toEqual([]);
			expect(await axeViolations(s.page)).toEqual([]);
		} finally {
			await s.close();
		}
	});
});
