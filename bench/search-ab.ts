/**
 * Search keystrokes, A/B: `npx tsx bench/search-ab.ts <build dir> [<build dir> …] [--rounds=3] [--verbose]`.
 * Serves each built site (scripts/serve.js's handler) and types the dashboard bench's words into
 * /search a letter at a time, the builds taking turns round by round (a shared machine drifts), and
 * prints keystroke → results shown p50/p95 (as bench/dashboard.ts measures it) with where the time
 * went: until the result reached the page (kk:search:done), the search itself (its detail.ms), the
 * list update (kk:search:drawn), and result in → shown (update + waiting for the frame).
 * For comparing builds (copy build/ aside before changing code); not part of npm run bench.
 */
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { siteHandler } from '../scripts/serve.js';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
const WORDS = ['kotoutuminen', 'ukraina', 'työllisyys', 'kielikoulutus', 'vastuutaho'];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };

const servers = await Promise.all(dirs.map((d) => new Promise<string>((ok) => { const s = createServer(siteHandler(d)); s.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(s.address() as any).port}`)); })));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const all: Record<string, { total: number[]; done: number[]; worker: number[]; drawn: number[] }> = {};
for (let r = 0; r < rounds; r++) {
	for (let d = 0; d < dirs.length; d++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${servers[d]}/search`);
		await page.waitForFunction(`performance.getEntriesByName('kk:search:ready').length > 0 && document.body.dataset.hydrated === 'true'`, null, { timeout: 120000 });
		const rec = (all[dirs[d]] ??= { total: [], done: [], worker: [], drawn: [] });
		const la = loadavg()[0];
		const row: string[] = [];
		for (const word of WORDS) {
			await page.evaluate(`(() => { const i = document.querySelector('#q'); i.value = ${JSON.stringify(word.slice(0, 2))}; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
			await page.waitForTimeout(50);
			for (const letter of word.slice(2)) {
				const m = (await page.evaluate(`new Promise((ok, fail) => {
					const input = document.querySelector('#q');
					const text = input.value + ${JSON.stringify(letter)};
					performance.clearMarks('kk:search:done'); performance.clearMarks('kk:search:drawn');
					const t0 = performance.now();
					input.value = text;
					input.dispatchEvent(new Event('input', { bubbles: true }));
					const step = () => {
						const r = document.querySelector('#search-results');
						if (r && r.getAttribute('data-results-for') === text && r.getAttribute('aria-busy') !== 'true') {
							const t = performance.now() - t0;
							const done = performance.getEntriesByName('kk:search:done').at(-1);
							const w = done; const dr = performance.getEntriesByName('kk:search:drawn').at(-1);
							ok({ total: t, done: done ? done.startTime - t0 : NaN, worker: w && w.detail ? w.detail.ms : NaN, drawn: dr && done ? dr.startTime - done.startTime : NaN });
						}
						else if (performance.now() - t0 > 30000) fail(new Error('timeout ' + text));
						else requestAnimationFrame(step);
					};
					requestAnimationFrame(step);
				})`)) as { total: number; done: number; worker: number; drawn: number };
				rec.total.push(m.total); rec.done.push(m.done); rec.worker.push(m.worker); rec.drawn.push(m.drawn);
				row.push(`${word.slice(0, 2)}…${letter}:${m.total.toFixed(0)}/${m.done.toFixed(0)}`);
			}
		}
		const n = WORDS.reduce((s, w) => s + w.length - 2, 0);
		const t = rec.total.slice(-n);
		console.log(`round ${r} ${dirs[d]} load ${la.toFixed(1)} p50 ${pct(t, 50).toFixed(0)} p95 ${pct(t, 95).toFixed(0)} max ${Math.max(...t).toFixed(0)}`);
		if (process.argv.includes('--verbose')) console.log('  ' + row.join(' '));
		await context.close();
	}
}
for (const d of dirs) {
	const a = all[d];
	console.log(`${d}: n=${a.total.length} total p50 ${pct(a.total, 50).toFixed(0)} p95 ${pct(a.total, 95).toFixed(0)} | result-arrived p50 ${pct(a.done, 50).toFixed(0)} p95 ${pct(a.done, 95).toFixed(0)} | search-only p50 ${pct(a.worker, 50).toFixed(0)} p95 ${pct(a.worker, 95).toFixed(0)} | svelte-update p50 ${pct(a.drawn, 50).toFixed(0)} p95 ${pct(a.drawn, 95).toFixed(0)} | arrived→shown p50 ${pct(a.total.map((t, i) => t - a.done[i]), 50).toFixed(0)} p95 ${pct(a.total.map((t, i) => t - a.done[i]), 95).toFixed(0)}`);
}
await browser.close();
process.exit(0);
