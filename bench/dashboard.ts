/**
 * Dashboard benchmark (part of `npm run bench`; alone: `npx tsx bench/dashboard.ts [--changes 20]
 * [--no-throttled] [--no-tenfold] [--pages /search,/gaps]`; --pages: only the pages whose path starts with one of these).
 *
 * Serves build/ with the production server's handler (scripts/serve.js: precompressed files,
 * cache headers) and drives Debian Chromium over the pages below, each opened cold (new context,
 * empty cache) and then warm (a second visit, same context), and prints per page:
 * - bytes over the wire until the page's real content shows, and in all (engine included);
 * - time from navigation to the real content (answers, comparison, report, results, figures);
 * - time to DuckDB-WASM ready (`kk:db-ready`);
 * - filter-change p50/p95 over N region toggles (the first included): click → every live query
 *   done, no status loading, every chart redrawn; and of that, how long statements were on their way (`kk:sql:<id>`
 *   measures of the WASM runner, sent to rows, overlaps counted once) and click → the last statement's rows;
 * - on /search, keystroke → results shown p50/p95 (words typed a letter at a time);
 * each also as a ratio against a bare DuckDB-WASM page (bench/dashboard-bare.ts) that loads the
 * same data in the same run. Then the same loads under 20 Mbit/s (CDP
 * Network.emulateNetworkConditions, 20 ms latency), and engine ready and filter changes at 10×
 * corpus (bench/dashboard-corpus.ts, SYNTHETIC; /, /gaps and /languages). Not a test: numbers depend on the machine.
 * Results also go to bench/out/dashboard.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import sirv from 'sirv';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../tools/chromium';
import { compressDir } from '../scripts/compress.js';
import { siteHandler } from '../scripts/serve.js';
import { makeTenfold } from './dashboard-corpus';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const OUT = join(ROOT, 'bench/out');
const BARE_DIR = join(OUT, 'bare');
const TENFOLD_DIR = join(OUT, 'data-10x');
/** 20 Mbit/s down, 5 up, 20 ms round trip. */
const THROTTLE = { offline: false, latency: 20, downloadThroughput: (20e6 / 8) | 0, uploadThroughput: (5e6 / 8) | 0 };

/**
 * The pages and what "its real content is visible" means on each (checked every animation frame).
 * `engine: false`: the page does not load DuckDB-WASM (search: results and filters without it).
 */
const ALL_PAGES: { path: string; content: string; filters: boolean; engine?: false }[] = [
	{ path: '/', content: `!!document.querySelector('[data-figure="programmes"]')?.textContent?.trim()`, filters: true },
	{ path: '/gaps', content: `!!document.querySelector('table.matrix tbody tr')`, filters: true },
	{ path: '/municipality/019', content: `document.querySelectorAll('.answers article.part').length > 0 && !document.querySelector('.answers .pending')`, filters: false },
	{ path: '/compare?m=019,430', content: `!!document.querySelector('[data-table="compare-overview"] thead th') && !!document.querySelector('.compare section tbody tr')`, filters: true },
	{ path: '/search?q=ukrain', content: `!!document.querySelector('#search-results[data-results-for="ukrain"] li.programme')`, filters: true, engine: false },
	{ path: '/languages', content: `!!document.querySelector('[data-chart="languages-national"]') && document.querySelector('[data-chart="languages-national"]').getAttribute('data-chart-state') !== 'pending'`, filters: true }
];

const ALL_CHARTS_DRAWN = `[...document.querySelectorAll('[data-chart]')].every((e) => e.getAttribute('data-chart-state') !== 'pending')`;
const SETTLED = `!document.querySelector('[data-status="loading"]') && !document.querySelector('#search-results[aria-busy="true"]') && ${ALL_CHARTS_DRAWN}`;
const DONE_MARKS = `performance.getEntriesByType('mark').filter((m) => /^kk:(query:.*:(done|cached)|search:done)$/.test(m.name)).length`;

const median = (xs: number[]) => percentile(xs, 50);
/** Nearest-rank percentile (NaN left out). */
export function percentile(xs: number[], p: number): number {
	const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
}

function ensureBuild(): void {
	const assets = join(BUILD, '_app/immutable/assets');
	const precompressed = existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.wasm.br'));
	if (existsSync(join(BUILD, 'index.html')) && precompressed) {
		process.stderr.write(`bench: using the existing build/ of ${statSync(join(BUILD, 'index.html')).mtime.toISOString()} (npm run build to refresh it)\n`);
		return;
	}
	process.stderr.write('bench: no precompressed build found; running npm run build (a few minutes)\n');
	execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, KOTOKARTTA_PRECOMPRESS: '1' } });
}

/** The bare page, bundled with esbuild and precompressed like the site's scripts. */
async function buildBare(dataDir: string, name: string): Promise<void> {
	const assets = readdirSync(join(BUILD, '_app/immutable/assets'));
	const wasm = assets.find((f) => /^duckdb-eh.*\.wasm$/.test(f));
	const worker = assets.find((f) => /^duckdb-browser-eh\.worker.*\.js$/.test(f));
	if (!wasm || !worker) throw new Error('bench: the build has no DuckDB-WASM eh wasm/worker asset');
	mkdirSync(BARE_DIR, { recursive: true });
	{
		// Rebuilt every run (esbuild takes a moment): a kept bundle would outlive edits to the peer.
		await esbuild({ entryPoints: [join(ROOT, 'bench/dashboard-bare.ts')], bundle: true, format: 'esm', platform: 'browser', minify: true, outfile: join(BARE_DIR, 'bare.js'), logLevel: 'warning' });
	}
	// The same files the site loads: a table's Arrow copy where the ingest wrote one, else its Parquet.
	const names = readdirSync(dataDir);
	const files = names
		.filter((f) => f.endsWith('.parquet'))
		.map((f) => f.replace(/\.parquet$/, ''))
		.map((table) => (names.includes(`${table}.arrow`) ? { table, url: `/data/${table}.arrow`, format: 'arrow' as const } : { table, url: `/data/${table}.parquet`, format: 'parquet' as const }));
	const config = { wasm: `/_app/immutable/assets/${wasm}`, worker: `/_app/immutable/assets/${worker}`, files };
	writeFileSync(
		join(BARE_DIR, `${name}.html`),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare DuckDB-WASM</title>` +
			`<script>window.BARE=${JSON.stringify(config)}</script><script type="module" src="/__bare/bare.js"></script></head><body></body></html>`
	);
	await compressDir(BARE_DIR);
}

/** The production handler, plus the bare page under /__bare/ and, at 10×, the 10× data files. */
function serve(tenfold: { on: boolean }): Promise<{ server: Server; base: string }> {
	const site = siteHandler(BUILD);
	const bare = sirv(BARE_DIR, { brotli: true, gzip: true, etag: true });
	const big = existsSync(TENFOLD_DIR) ? sirv(TENFOLD_DIR, { brotli: true, gzip: true, etag: true, setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate') }) : null;
	const handler: RequestListener = (req, res) => {
		const notFound = () => {
			res.statusCode = 404;
			res.end('not found');
		};
		if (req.url?.startsWith('/__bare/')) {
			req.url = req.url.slice('/__bare'.length);
			return bare(req, res, notFound);
		}
		if (tenfold.on && big && /^\/data\/[^/]+\.(parquet|arrow)(\?|$)/.test(req.url ?? '')) {
			req.url = req.url!.slice('/data'.length);
			return big(req, res, notFound);
		}
		site(req, res);
	};
	const server = createServer(handler);
	return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** performance.now() in the page once `check` holds, checked every animation frame. */
function when(page: Page, check: string, timeout = 120_000): Promise<number> {
	// Page code goes in as source text: functions compiled by tsx carry helpers the page lacks.
	return page.evaluate(`new Promise((ok, fail) => {
		const t0 = performance.now();
		const step = () => {
			let done = false;
			try { done = ${check}; } catch {}
			if (done) ok(performance.now());
			else if (performance.now() - t0 > ${timeout}) fail(new Error('timed out waiting for ' + ${JSON.stringify(check)}));
			else requestAnimationFrame(step);
		};
		step();
	})`) as Promise<number>;
}

/** Bytes over the wire per request (page and workers alike), with the wall time it finished. */
function recordBytes(context: BrowserContext): { list: { at: number; bytes: number }[] } {
	const rec = { list: [] as { at: number; bytes: number }[] };
	context.on('requestfinished', (r) => {
		const at = Date.now();
		void r.sizes().then(
			(s) => rec.list.push({ at, bytes: s.responseBodySize + s.responseHeadersSize }),
			() => undefined
		);
	});
	return rec;
}

async function newContext(browser: Browser, throttled: boolean): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	if (throttled) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', THROTTLE);
	}
	return { context, page };
}

interface Load {
	contentMs: number;
	engineMs: number;
	contentKB: number;
	totalKB: number;
	/** When each of the engine's steps ended (src/lib/db/client.svelte.ts marks), ms after navigation: started, modules loaded, wasm instantiated, database open, ready. */
	engineSteps?: Record<string, number>;
}

const ENGINE_STEPS = ['kk:db-start', 'kk:db-modules', 'kk:db-wasm', 'kk:db-open', 'kk:db-ready'] as const;

async function loadPage(page: Page, rec: { list: { at: number; bytes: number }[] }, url: string, content: string, engine = true): Promise<Load> {
	rec.list.length = 0;
	await page.goto(url, { waitUntil: 'commit' });
	const seen = await when(page, content);
	const { fcp, origin } = (await page.evaluate(`({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, origin: performance.timeOrigin })`)) as { fcp: number; origin: number };
	// Prerendered content shows with the first paint, not before.
	const contentMs = Number.isNaN(fcp) ? seen : Math.max(seen, fcp);
	const engineMs = !engine
		? NaN
		: await when(page, `performance.getEntriesByName('kk:db-ready').length > 0`, 90_000).then(
				() => page.evaluate(`performance.getEntriesByName('kk:db-ready')[0].startTime`) as Promise<number>,
				() => NaN
			);
	await when(page, SETTLED, 30_000).catch(() => undefined);
	await new Promise((r) => setTimeout(r, 200)); // let the last sizes() resolve
	const until = origin + contentMs;
	const kb = (xs: { bytes: number }[]) => xs.reduce((s, x) => s + x.bytes, 0) / 1024;
	const engineSteps = engine
		? ((await page.evaluate(`Object.fromEntries(${JSON.stringify(ENGINE_STEPS)}.map((n) => [n.slice(6), performance.getEntriesByName(n)[0]?.startTime ?? NaN]))`)) as Record<string, number>)
		: undefined;
	return { contentMs, engineMs, contentKB: kb(rec.list.filter((x) => x.at <= until + 5)), totalKB: kb(rec.list), engineSteps };
}

async function coldWarm(browser: Browser, base: string, path: string, content: string, throttled: boolean, engine = true): Promise<{ cold: Load; warm: Load }> {
	const { context, page } = await newContext(browser, throttled);
	const rec = recordBytes(context);
	try {
		const cold = await loadPage(page, rec, `${base}${path}`, content, engine);
		await page.goto('about:blank');
		const warm = await loadPage(page, rec, `${base}${path}`, content, engine);
		return { cold, warm };
	} finally {
		await context.close();
	}
}

interface BareLoad {
	readyMs: number;
	queryMs: number;
	totalKB: number;
}

async function bareColdWarm(browser: Browser, base: string, name: string, throttled: boolean): Promise<{ cold: BareLoad; warm: BareLoad; filter: number[] }> {
	const { context, page } = await newContext(browser, throttled);
	const rec = recordBytes(context);
	const once = async (): Promise<BareLoad> => {
		rec.list.length = 0;
		await page.goto(`${base}/__bare/${name}.html`, { waitUntil: 'commit' });
		await when(page, `performance.getEntriesByName('bare:query').length > 0 || !!document.body?.dataset.error`);
		const error = await page.evaluate('document.body.dataset.error');
		if (error) throw new Error(`bench: the bare DuckDB page failed: ${error}`);
		await new Promise((r) => setTimeout(r, 200));
		const t = (await page.evaluate(`({ ready: performance.getEntriesByName('bare:ready')[0].startTime, query: performance.getEntriesByName('bare:query')[0].startTime })`)) as { ready: number; query: number };
		return { readyMs: t.ready, queryMs: t.query, totalKB: rec.list.reduce((s, x) => s + x.bytes, 0) / 1024 };
	};
	try {
		const cold = await once();
		const filter: number[] = [];
		for (let i = 0; i < 20; i++) filter.push((await page.evaluate(`window.bareFilter(${i})`)) as number);
		await page.goto('about:blank');
		const warm = await once();
		return { cold, warm, filter };
	} finally {
		await context.close();
	}
}

/** One filter change: click → settled, and of that the statements' time (kk:sql measures: sent to rows). */
interface Change {
	ms: number;
	/** How long at least one statement was on its way (the union of the measures: a page sends its statements together, so they overlap). */
	sqlMs: number;
	/** Click → the last statement's rows. */
	sqlEndMs: number;
}

/** Toggles region checkboxes one after another (each a new filter state); each click → settled. */
async function filterChanges(browser: Browser, base: string, path: string, content: string, changes: number, engine = true): Promise<Change[]> {
	const { context, page } = await newContext(browser, false);
	try {
		await page.goto(`${base}${path}`);
		await when(page, `${content} && ${engine ? `performance.getEntriesByName('kk:db-ready').length > 0 && ` : ''}document.body.dataset.hydrated === 'true'`);
		await when(page, SETTLED);
		const regions = (await page.evaluate(`[...document.querySelectorAll('input[name="region"]')].map((x) => x.value)`)) as string[];
		if (!regions.length) throw new Error(`bench: ${path} has no region filter`);
		const times: Change[] = [];
		for (let i = 0; i < changes; i++) {
			// On in the first pass over the regions, off in the second: every state is new (none cached).
			const region = regions[i % regions.length];
			times.push(
				(await page.evaluate(`new Promise((ok, fail) => {
					const before = ${DONE_MARKS};
					const href = location.href;
					const input = document.querySelector('input[name="region"][value="${region}"]');
					const t0 = performance.now();
					let quiet = 0;
					input.click();
					const step = () => {
						// A page the filter does not apply to (compare ignores the municipality filters) starts no
						// query: it is done once the URL holds the new filters and two frames passed without one.
						const started = performance.getEntriesByType('mark').some((m) => /^kk:query:.*:start$/.test(m.name) && m.startTime >= t0);
						quiet = location.href !== href && !started && ${SETTLED} ? quiet + 1 : 0;
						if ((${DONE_MARKS} > before || quiet >= 2) && ${SETTLED}) {
							const ms = performance.now() - t0;
							const sql = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('kk:sql:') && m.startTime >= t0);
							const spans = sql.map((m) => [m.startTime, m.startTime + m.duration]).sort((a, b) => a[0] - b[0]);
							let sqlMs = 0, end = -Infinity;
							for (const [a, b] of spans) { sqlMs += Math.max(0, b - Math.max(a, end)); end = Math.max(end, b); }
							ok({ ms, sqlMs, sqlEndMs: sql.length ? Math.max(...sql.map((m) => m.startTime + m.duration)) - t0 : 0 });
						}
						else if (performance.now() - t0 > 60000) fail(new Error('filter change timed out on ${path}'));
						else requestAnimationFrame(step);
					};
					requestAnimationFrame(step);
				})`)) as Change
			);
		}
		return times;
	} finally {
		await context.close();
	}
}

/** Words typed into the search field, a letter at a time (Finnish words the programmes use). */
const SEARCH_WORDS = ['kotoutuminen', 'ukraina', 'työllisyys', 'kielikoulutus', 'vastuutaho'];

/** One keystroke: to the results shown, and its parts (NaN where the page gave no mark). */
export interface Keystroke {
	/** Keystroke → the new text's results shown and not busy. */
	total: number;
	/** Keystroke → the result reached the page (`kk:search:done`). */
	arrived: number;
	/** The search's own time where it ran (`kk:search:done`'s detail.ms). */
	search: number;
	/** Result in → list updated (`kk:search:drawn`). */
	update: number;
}

/**
 * Search keystroke → results: on /search with the index built, each word is typed a letter at a time
 * (the field's input event, as a keystroke gives it); from the third letter on (search waits for
 * a 3-character word) each keystroke is timed until the results for the new text are shown and not busy.
 * Also used by bench/search-ab.ts, which compares builds.
 */
export async function searchKeystrokes(browser: Browser, base: string): Promise<Keystroke[]> {
	const { context, page } = await newContext(browser, false);
	try {
		await page.goto(`${base}/search`);
		await when(page, `performance.getEntriesByName('kk:search:ready').length > 0 && document.body.dataset.hydrated === 'true'`);
		const times: Keystroke[] = [];
		for (const word of SEARCH_WORDS) {
			// The word's first two letters replace the field (no results to wait for below 3 characters).
			await page.evaluate(`(() => {
				const input = document.querySelector('#q');
				input.value = ${JSON.stringify(word.slice(0, 2))};
				input.dispatchEvent(new Event('input', { bubbles: true }));
			})()`);
			for (const letter of word.slice(2)) {
				times.push(
					(await page.evaluate(`new Promise((ok, fail) => {
						const input = document.querySelector('#q');
						const text = input.value + ${JSON.stringify(letter)};
						performance.clearMarks('kk:search:done');
						performance.clearMarks('kk:search:drawn');
						const t0 = performance.now();
						input.value = text;
						input.dispatchEvent(new Event('input', { bubbles: true }));
						const step = () => {
							const r = document.querySelector('#search-results');
							if (r && r.getAttribute('data-results-for') === text && r.getAttribute('aria-busy') !== 'true') {
								const done = performance.getEntriesByName('kk:search:done').at(-1);
								const drawn = performance.getEntriesByName('kk:search:drawn').at(-1);
								ok({
									total: performance.now() - t0,
									arrived: done ? done.startTime - t0 : NaN,
									search: done && done.detail ? done.detail.ms : NaN,
									update: done && drawn ? drawn.startTime - done.startTime : NaN
								});
							}
							else if (performance.now() - t0 > 30000) fail(new Error('search keystroke timed out on ' + text));
							else requestAnimationFrame(step);
						};
						requestAnimationFrame(step);
					})`)) as Keystroke
				);
			}
		}
		return times;
	} finally {
		await context.close();
	}
}

type Stats = { n: number; p50: number; p95: number; max: number };

interface PageResult {
	path: string;
	cold: Load;
	warm: Load;
	throttled?: { cold: Load; warm: Load };
	filter?: Stats & { sql: { p50: number; p95: number }; sqlEnd: { p50: number; p95: number } };
}

export interface DashboardResult {
	loadAverage: number;
	cpus: number;
	bare: { cold: BareLoad; warm: BareLoad; filter: { p50: number; p95: number }; throttled?: { cold: BareLoad; warm: BareLoad } };
	pages: PageResult[];
	/** Search keystroke → results shown (loopback; the index is the prerendered answers, not DuckDB). */
	search?: Stats;
	tenfold?: { note: string; pages: { path: string; cold: Load; warm: Load; filter: Stats }[]; bare: { cold: BareLoad; warm: BareLoad; filter: { p50: number; p95: number } } };
}

const stats = (xs: number[]): Stats => ({ n: xs.length, p50: median(xs), p95: percentile(xs, 95), max: Math.max(...xs) });
const changeStats = (cs: Change[]) => {
	const of = (xs: number[]) => ({ p50: median(xs), p95: percentile(xs, 95) });
	return { ...stats(cs.map((c) => c.ms)), sql: of(cs.map((c) => c.sqlMs)), sqlEnd: of(cs.map((c) => c.sqlEndMs)) };
};

export async function runDashboardBench(opts: { changes?: number; throttled?: boolean; tenfold?: boolean; pages?: string[] } = {}): Promise<DashboardResult> {
	const changes = opts.changes ?? 20;
	const PAGES = opts.pages?.length ? ALL_PAGES.filter((p) => opts.pages!.some((x) => p.path.startsWith(x))) : ALL_PAGES;
	ensureBuild();
	await buildBare(join(BUILD, 'data'), 'index');
	const tenfoldState = { on: false };
	if (opts.tenfold !== false) {
		process.stderr.write('bench: making the 10× synthetic corpus (bench/out/data-10x)\n');
		await makeTenfold(join(BUILD, 'data'), TENFOLD_DIR);
		await compressDir(TENFOLD_DIR);
		// Before serving: the server's file list is read once when it starts (sirv, not in dev mode).
		await buildBare(TENFOLD_DIR, 'tenfold');
	}
	const loadStart = loadavg()[0];
	const { server, base } = await serve(tenfoldState);
	const browser = await launchChromium();
	const t0 = Date.now();
	const say = (s: string) => process.stderr.write(`bench: [${Math.round((Date.now() - t0) / 1000)} s] ${s}\n`);
	try {
		say(`dashboard at ${base}`);
		const bareRun = await bareColdWarm(browser, base, 'index', false);
		const result: DashboardResult = {
			loadAverage: +loadStart.toFixed(1),
			cpus: cpus().length,
			bare: { cold: bareRun.cold, warm: bareRun.warm, filter: { p50: median(bareRun.filter), p95: percentile(bareRun.filter, 95) } },
			pages: []
		};
		for (const p of PAGES) {
			say(`${p.path}: cold and warm`);
			const { cold, warm } = await coldWarm(browser, base, p.path, p.content, false, p.engine !== false);
			const r: PageResult = { path: p.path, cold, warm };
			if (p.filters && changes > 0) {
				say(`${p.path}: ${changes} filter changes`);
				r.filter = changeStats(await filterChanges(browser, base, p.path, p.content, changes, p.engine !== false));
			}
			result.pages.push(r);
		}
		if (PAGES.some((p) => p.path.startsWith('/search'))) {
			say('/search: keystrokes');
			result.search = stats((await searchKeystrokes(browser, base)).map((k) => k.total));
		}
		if (opts.throttled !== false) {
			say('20 Mbit/s: bare page');
			const b = await bareColdWarm(browser, base, 'index', true);
			result.bare.throttled = { cold: b.cold, warm: b.warm };
			for (const p of PAGES) {
				say(`20 Mbit/s: ${p.path}`);
				result.pages.find((r) => r.path === p.path)!.throttled = await coldWarm(browser, base, p.path, p.content, true, p.engine !== false);
			}
		}
		if (opts.tenfold !== false) {
			tenfoldState.on = true;
			say('10× synthetic corpus: bare page');
			const b = await bareColdWarm(browser, base, 'tenfold', false);
			const pages = [];
			for (const p of PAGES.filter((x) => x.path === '/' || x.path === '/gaps' || x.path === '/languages')) {
				say(`10×: ${p.path}`);
				const { cold, warm } = await coldWarm(browser, base, p.path, p.content, false);
				pages.push({ path: p.path, cold, warm, filter: stats((await filterChanges(browser, base, p.path, p.content, changes)).map((c) => c.ms)) });
			}
			result.tenfold = {
				note: 'SYNTHETIC: every programme copied 10× with new ids (bench/dashboard-corpus.ts); the engine loads and queries these files, the prerendered content is the real build’s',
				pages,
				bare: { cold: b.cold, warm: b.warm, filter: { p50: median(b.filter), p95: percentile(b.filter, 95) } }
			};
			tenfoldState.on = false;
		}
		mkdirSync(OUT, { recursive: true });
		writeFileSync(join(OUT, 'dashboard.json'), JSON.stringify(result, null, 2) + '\n');
		print(result);
		say('done');
		return result;
	} finally {
		await browser.close();
		server.close();
	}
}

function print(r: DashboardResult): void {
	const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '      –' : `${Math.round(n).toString().padStart(5)} ms`);
	const kb = (n: number) => `${Math.round(n).toString().padStart(6)} kB`;
	const x = (a: number | undefined, b: number) => (a === undefined || Number.isNaN(a) || !b ? '   –  ' : `${(a / b).toFixed(2).padStart(5)}×`);
	const lines: string[] = [
		'',
		'Dashboard benchmark: build/ served by scripts/serve.js (brotli, cache headers), Debian Chromium',
		`(load average ${r.loadAverage} on ${r.cpus} CPUs when it started; one cold and one warm visit per page)`,
		'',
		`bare DuckDB-WASM page, same wasm and data: ready (engine + tables) cold ${ms(r.bare.cold.readyMs)}, warm ${ms(r.bare.warm.readyMs)};`,
		`  first query ${ms(r.bare.cold.queryMs)}; ${kb(r.bare.cold.totalKB)} over the wire; one more GROUP BY p50 ${ms(r.bare.filter.p50)} p95 ${ms(r.bare.filter.p95)}`,
		'',
		'loopback                content       (×bare   bytes to     engine ready       (×bare   all bytes   filter change p50 / p95   (p95 ×bare',
		'page                    cold    warm   ready)   content     cold    warm        ready)   (cold)      (n, first included)        query)'
	];
	for (const p of r.pages) {
		lines.push(
			`${p.path.padEnd(22)} ${ms(p.cold.contentMs)} ${ms(p.warm.contentMs)} ${x(p.cold.contentMs, r.bare.cold.readyMs)} ${kb(p.cold.contentKB)}  ${ms(p.cold.engineMs)} ${ms(p.warm.engineMs)} ${x(p.cold.engineMs, r.bare.cold.readyMs)} ${kb(p.cold.totalKB)}  ` +
				(p.filter ? `${ms(p.filter.p50)} / ${ms(p.filter.p95)} (n=${p.filter.n})  ${x(p.filter.p95, r.bare.filter.p95)}` : '   (no filters)')
		);
	}
	const steps = r.pages.filter((p) => p.cold.engineSteps);
	if (steps.length) {
		lines.push('', 'engine steps, cold (ms after navigation): started → its modules loaded → wasm instantiated → database open → ready');
		for (const p of steps) lines.push(`${p.path.padEnd(22)} ${ENGINE_STEPS.map((n) => ms(p.cold.engineSteps![n.slice(6)])).join(' →')}`);
	}
	const withSql = r.pages.filter((p) => p.filter);
	if (withSql.length) {
		lines.push('', 'of a filter change (p50 / p95): how long statements were on their way (kk:sql measures, sent to rows, overlaps counted once) and click → the last statement’s rows; the rest is the page redrawing');
		for (const p of withSql) lines.push(`${p.path.padEnd(22)} SQL ${ms(p.filter!.sql.p50)} / ${ms(p.filter!.sql.p95)}   rows ${ms(p.filter!.sqlEnd.p50)} / ${ms(p.filter!.sqlEnd.p95)}`);
	}
	if (r.search) lines.push('', `/search keystroke → results shown: p50 ${ms(r.search.p50)} p95 ${ms(r.search.p95)} max ${ms(r.search.max)} (n=${r.search.n}, ${SEARCH_WORDS.length} words typed a letter at a time)`);
	const tb = r.bare.throttled;
	if (tb) {
		lines.push('', `20 Mbit/s (CDP emulation, 20 ms RTT); bare page ready cold ${ms(tb.cold.readyMs)}, warm ${ms(tb.warm.readyMs)}`);
		lines.push('page                    content cold / warm (×bare ready)   bytes to content   engine ready cold / warm (×bare ready)');
		for (const p of r.pages)
			if (p.throttled)
				lines.push(
					`${p.path.padEnd(22)} ${ms(p.throttled.cold.contentMs)} / ${ms(p.throttled.warm.contentMs)}  ${x(p.throttled.cold.contentMs, tb.cold.readyMs)}          ${kb(p.throttled.cold.contentKB)}      ${ms(p.throttled.cold.engineMs)} / ${ms(p.throttled.warm.engineMs)}  ${x(p.throttled.cold.engineMs, tb.cold.readyMs)}`
				);
	}
	const t = r.tenfold;
	if (t) {
		lines.push('', `10× corpus — ${t.note}`);
		lines.push(`bare page ready cold ${ms(t.bare.cold.readyMs)}, warm ${ms(t.bare.warm.readyMs)}; one more GROUP BY p50 ${ms(t.bare.filter.p50)} p95 ${ms(t.bare.filter.p95)}`);
		for (const p of t.pages)
			lines.push(
				`${p.path.padEnd(22)} engine ready cold ${ms(p.cold.engineMs)} warm ${ms(p.warm.engineMs)} (${x(p.cold.engineMs, t.bare.cold.readyMs)} bare); filter change p50 ${ms(p.filter.p50)} p95 ${ms(p.filter.p95)} (n=${p.filter.n}, p95 ${x(p.filter.p95, t.bare.filter.p95)} bare)`
			);
	}
	lines.push('', '(results in bench/out/dashboard.json)', '');
	process.stdout.write(lines.join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values } = parseArgs({ options: { changes: { type: 'string', default: '20' }, 'no-throttled': { type: 'boolean', default: false }, 'no-tenfold': { type: 'boolean', default: false }, pages: { type: 'string', default: '' } } });
	runDashboardBench({ changes: Number(values.changes), throttled: !values['no-throttled'], tenfold: !values['no-tenfold'], pages: values.pages ? values.pages.split(',') : undefined }).catch((e) => {
		process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
		process.exitCode = 1;
	});
}
