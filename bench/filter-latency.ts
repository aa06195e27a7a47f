/**
 * Filter-change latency in Chromium against the built site (`npm run build` first):
 * `npx tsx bench/filter-latency.ts [--changes 20] [--page /] [--page /gaps]`.
 *
 * For each page: open it cold, wait until hydrated and first paint, then click region
 * checkboxes one after another (on in a first pass, off in a second: every state new) and time
 * click → the page's live query done (`kk:query:<name>:done`) and every chart drawn. The first
 * change after load is included (no wait for DuckDB: a user does not wait either). Prints
 * p50/p95/max and each change. Serves build/ itself with precompressed files (sirv), as in production.
 */
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tools/chromium';
import sirv from 'sirv';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const changes = Number(opt('--changes', '20'));
const pages = argv.flatMap((a, i) => (a === '--page' ? [argv[i + 1]] : []));
const PAGES: Record<string, string> = { '/': 'overview', '/gaps': 'gaps', '/responsibilities': 'responsibilities', '/languages': 'languages', '/cooperation': 'cooperation' };

const ALL_CHARTS_DRAWN = `[...document.querySelectorAll('[data-chart]')].every((e) => e.getAttribute('data-chart-state') !== 'pending')`;

async function measure(page: Page, base: string, path: string): Promise<number[]> {
	const name = PAGES[path] ?? path.replace(/\W/g, '');
	await page.goto(`${base}${path}`);
	await page.waitForFunction(`document.body.dataset.hydrated === 'true'`, undefined, { timeout: 60_000 });
	const regions = (await page.evaluate(`[...document.querySelectorAll('input[name="region"]')].map((x) => x.value)`)) as string[];
	const times: number[] = [];
	for (let i = 0; i < changes; i++) {
		const region = regions[i % regions.length];
		times.push(
			(await page.evaluate(`new Promise((ok, fail) => {
				const done = () => performance.getEntriesByName('kk:query:${name}:done').length;
				const before = done();
				const t0 = performance.now();
				document.querySelector('input[name="region"][value="${region}"]').click();
				const step = () => {
					if (done() > before && ${ALL_CHARTS_DRAWN}) ok(performance.now() - t0);
					else if (performance.now() - t0 > 60000) fail(new Error('filter change timed out'));
					else requestAnimationFrame(step);
				};
				requestAnimationFrame(step);
			})`)) as number
		);
	}
	return times;
}

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const site = sirv('build', { brotli: true, gzip: true, dev: false, extensions: ['html'] });
const server = createServer((req, res) =>
	site(req, res, () => {
		res.statusCode = 404;
		res.end('not found');
	})
);
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await launchChromium();
try {
	for (const path of pages.length ? pages : ['/', '/gaps']) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const t = await measure(await context.newPage(), base, path);
		console.log(`${path}: filter change p50 ${pct(t, 50).toFixed(0)} ms  p95 ${pct(t, 95).toFixed(0)} ms  max ${Math.max(...t).toFixed(0)} ms  (first ${t[0].toFixed(0)} ms; all: ${t.map((x) => x.toFixed(0)).join(' ')})`);
		await context.close();
	}
} finally {
	await browser.close();
	server.close();
}
