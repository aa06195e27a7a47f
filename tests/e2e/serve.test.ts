/**
 * The real build as scripts/serve.js sends it (scripts/e2e.sh starts it): the engine compressed
 * as application/wasm and cached for good, data and content compressed, pages revalidated; and
 * content first: a profile's answers, a comparison and search results show with DuckDB-WASM
 * blocked (every .wasm request aborted), equal to the same SQL run in Node.
 */
import { readdirSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { NodeDatabase } from '$lib/db/node.server';
import { loadCompare, loadProfileDetails, municipalityProgrammes, type ProfileProgramme } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { BASE, launch, session, siteDatabase } from './harness';

const AURA = '019';
let browser: Browser;
let db: NodeDatabase;

beforeAll(async () => {
	browser = await launch();
	db = await siteDatabase();
});
afterAll(async () => {
	await browser?.close();
	db?.close();
});

function head(path: string, encoding = 'gzip, deflate, br, zstd'): Promise<{ status: number; headers: IncomingHttpHeaders }> {
	return new Promise((ok, fail) => {
		const req = request(`${BASE}${path}`, { method: 'HEAD', headers: { 'accept-encoding': encoding } }, (res) => {
			res.resume();
			ok({ status: res.statusCode ?? 0, headers: res.headers });
		});
		req.on('error', fail);
		req.end();
	});
}

describe('headers of the real build', () => {
	it('sends the DuckDB engine as brotli application/wasm, ≤ 5.5 MB, immutable', async () => {
		const wasm = readdirSync('build/_app/immutable/assets').filter((f) => /^duckdb-eh.*\.wasm$/.test(f));
		expect(wasm.length).toBe(1);
		const r = await head(`/_app/immutable/assets/${wasm[0]}`);
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/wasm');
		expect(r.headers['content-encoding']).toBe('br');
		expect(r.headers['cache-control']).toContain('immutable');
		expect(Number(r.headers['content-length'])).toBeLessThanOrEqual(5.5e6);
	});

	it('sends pages, scripts, data and content compressed with their caching', async () => {
		const checks: [string, string, RegExp][] = [
			['/', 'no-cache', /^text\/html/],
			[`/municipality/${AURA}`, 'no-cache', /^text\/html/],
			['/data/answers.parquet', 'max-age=300', /^application\/vnd\.apache\.parquet$/],
			['/data/answers.csv', 'max-age=300', /^text\/csv/],
			['/content/search.json', 'max-age=300', /^application\/json/],
			[`/content/compare/${AURA}.json`, 'max-age=300', /^application\/json/]
		];
		for (const [path, cache, type] of checks) {
			const r = await head(path);
			expect(r.status, path).toBe(200);
			expect(r.headers['content-encoding'], path).toBe('br');
			expect(r.headers['cache-control'], path).toContain(cache);
			expect(r.headers['content-type'], path).toMatch(type);
		}
		const gz = await head('/', 'gzip');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect((await head('/_app/immutable/')).status).toBe(404);
	});
});

describe('content without DuckDB-WASM', () => {
	it('shows the profile answers, the comparison and search results with the engine blocked', async () => {
		const s = await session(browser);
		try {
			let blocked = 0;
			await s.context.route(/\.wasm(\?|$)/, (route) => {
				blocked++;
				return route.abort();
			});

			// Profile: every answer of the default programme, as Node's SQL gives it.
			const [programme] = await db.run<ProfileProgramme>(municipalityProgrammes(AURA));
			const details = await loadProfileDetails(db, AURA, programme.programme_id);
			await s.page.goto(`${BASE}/municipality/${AURA}`);
			await s.page.waitForSelector('.answers article.part', { timeout: 30_000 });
			expect(await s.page.locator('.answers .pending').count()).toBe(0);
			const filled = details.answers.filter((a) => a.key !== 'unmapped' && a.text && a.text.trim().length > 40);
			expect(filled.length).toBeGreaterThan(0);
			const body = await s.page.locator('.answers').innerText();
			const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
			for (const a of filled.slice(0, 5)) expect(squash(body)).toContain(squash(a.text!).slice(0, 40));
			// The profile does try to start the engine in the background (and is refused): its content
			// never waited for it.
			await expect.poll(() => blocked, { timeout: 30_000 }).toBeGreaterThan(0);

			// Comparison: the columns and parts of the same SQL.
			const other = '430';
			const compared = await loadCompare(db, EMPTY_FILTERS, [AURA, other]);
			await s.page.goto(`${BASE}/compare?m=${AURA},${other}`);
			await s.page.waitForSelector('[data-table="compare-overview"]', { timeout: 30_000 });
			const headers = await s.page.locator('[data-table="compare-overview"] thead th').count();
			expect(headers).toBe(compared.programmes.length);

			// Search: results for a word in Aura's answers.
			await s.page.goto('about:blank');
			const before = blocked;
			await s.page.goto(`${BASE}/search?q=ukrain`);
			await s.page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('data-results-for') === 'ukrain', undefined, {
				timeout: 60_000
			});
			expect(await s.page.locator('li.programme').count()).toBeGreaterThan(0);
			// Search needs no engine at all (its filters come from the layout's facet table): it never asks.
			await s.page.waitForTimeout(1000);
			expect(blocked).toBe(before);
		} finally {
			await s.close();
		}
	});
});
