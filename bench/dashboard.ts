/**
 * Dashboard benchmark (part of `npm run bench`; alone: `npx tsx bench/dashboard.ts [--runs 3] [--changes 20]`).
 *
 * Serves the production build (build/, with its precompressed .br/.gz files and long-lived
 * cache headers on hashed assets, as a static host would) and drives Debian Chromium:
 *
 * - cold (empty cache) and warm (same browser, cached) loads of the overview: time from
 *   navigation to the prerendered figures painted, to DuckDB-WASM instantiated, to the tables
 *   loaded (DuckDB ready), and to every chart drawn;
 * - a cold load of a filtered URL: time until its live (DuckDB-WASM) figures are shown;
 * - filter-change latency: a region checkbox clicked → live figures and every chart redrawn (p50, p95);
 * - in the same run, a bare page that only instantiates the same DuckDB-WASM and runs one query;
 * and prints the dashboard's times next to the bare page's, with ratios. Not a test: numbers
 * depend on the machine. Results also go to bench/out/dashboard.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const OUT = join(ROOT, 'bench/out');
const BARE_DIR = join(OUT, 'bare');

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
/** Nearest-rank percentile. */
const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

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
async function buildBare(): Promise<{ wasm: string; worker: string }> {
	const assets = readdirSync(join(BUILD, '_app/immutable/assets'));
	const wasm = assets.find((f) => /^duckdb-eh.*\.wasm$/.test(f));
	const worker = assets.find((f) => /^duckdb-browser-eh\.worker.*\.js$/.test(f));
	if (!wasm || !worker) throw new Error('bench: the build has no DuckDB-WASM eh wasm/worker asset');
	mkdirSync(BARE_DIR, { recursive: true });
	await esbuild({
		entryPoints: [join(ROOT, 'bench/dashboard-bare.ts')],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		minify: true,
		outfile: join(BARE_DIR, 'bare.js'),
		logLevel: 'warning'
	});
	const urls = { wasm: `/_app/immutable/assets/${wasm}`, worker: `/_app/immutable/assets/${worker}` };
	writeFileSync(
		join(BARE_DIR, 'index.html'),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare DuckDB-WASM</title>` +
			`<script>window.BARE=${JSON.stringify(urls)}</script><script type="module" src="/__bare/bare.js"></script></head><body></body></html>`
	);
	const js = readFileSync(join(BARE_DIR, 'bare.js'));
	writeFileSync(join(BARE_DIR, 'bare.js.br'), brotliCompressSync(js, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
	writeFileSync(join(BARE_DIR, 'bare.js.gz'), gzipSync(js, { level: 9 }));
	return urls;
}

/** A static host: precompressed files, immutable caching for hashed assets, revalidation for the rest. */
function serve(): Promise<{ server: Server; base: string }> {
	const headers = (res: { setHeader(k: string, v: string): void }, pathname: string) => {
		res.setHeader('cache-control', pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache');
	};
	const site = sirv(BUILD, { brotli: true, gzip: true, etag: true, extensions: ['html'], setHeaders: headers });
	const bare = sirv(BARE_DIR, { brotli: true, gzip: true, etag: true, setHeaders: headers });
	const server = createServer((req, res) => {
		const notFound = () => {
			res.statusCode = 404;
			res.end('not found');
		};
		if (req.url?.startsWith('/__bare/')) {
			req.url = req.url.slice('/__bare'.length);
			bare(req, res, notFound);
		} else site(req, res, notFound);
	});
	return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

interface LoadTimes {
	figuresPainted: number;
	dbInstantiated: number;
	dbReady: number;
	chartsDrawn: number;
	transferredKB: number;
}

/** Resolves with performance.now() once `check` holds (checked every animation frame). */
async function when(page: Page, check: string, timeout = 120_000): Promise<number> {
	// Page code goes in as source text: functions compiled by tsx carry helpers the page lacks.
	return page.evaluate(`new Promise((ok, fail) => {
		const t0 = performance.now();
		const step = () => {
			if (${check}) ok(performance.now());
			else if (performance.now() - t0 > ${timeout}) fail(new Error('timed out waiting for ' + ${JSON.stringify(check)}));
			else requestAnimationFrame(step);
		};
		step();
	})`);
}

const ALL_CHARTS_DRAWN = `[...document.querySelectorAll('[data-chart]')].length > 0 && [...document.querySelectorAll('[data-chart]')].every((e) => e.getAttribute('data-chart-state') !== 'pending')`;
const mark = (name: string) => `performance.getEntriesByName('${name}').length > 0`;

async function loadOverview(page: Page, base: string): Promise<LoadTimes> {
	await page.goto(`${base}/`);
	const chartsDrawn = await when(page, ALL_CHARTS_DRAWN);
	await when(page, mark('kk:db-ready'));
	return page.evaluate(`(() => {
		const m = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		const figure = document.querySelector('[data-figure="programmes"]');
		const kb =
			performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0) / 1024 +
			(performance.getEntriesByType('navigation')[0]?.transferSize ?? 0) / 1024;
		return {
			// The figures are in the prerendered HTML: they show with the first contentful paint.
			figuresPainted: figure && figure.textContent ? fcp : NaN,
			dbInstantiated: m('kk:db-instantiated'),
			dbReady: m('kk:db-ready'),
			chartsDrawn: ${chartsDrawn},
			transferredKB: kb
		};
	})()`);
}

interface BareTimes {
	ready: number;
	query: number;
	transferredKB: number;
}

async function loadBare(page: Page, base: string): Promise<BareTimes> {
	await page.goto(`${base}/__bare/index.html`);
	await when(page, `${mark('bare:query')} || !!document.body.dataset.error`);
	const error = await page.evaluate('document.body.dataset.error');
	if (error) throw new Error(`bench: the bare DuckDB page failed: ${error}`);
	return page.evaluate(`({
		ready: performance.getEntriesByName('bare:ready')[0].startTime,
		query: performance.getEntriesByName('bare:query')[0].startTime,
		transferredKB: performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0) / 1024
	})`);
}

/** Cold: a new context (empty HTTP cache). Warm: a second load in the same context. */
async function coldAndWarm<T>(browser: Browser, load: (page: Page) => Promise<T>): Promise<{ cold: T; warm: T }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		const cold = await load(page);
		const warm = await load(page);
		return { cold, warm };
	} finally {
		await context.close();
	}
}

interface FilteredTimes {
	dbReady: number;
	/** The last table the live query needed has been decoded and inserted. */
	tablesLoaded: number;
	live: number;
}

async function filteredColdLoad(browser: Browser, base: string, region: string): Promise<FilteredTimes> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${base}/?region=${region}`);
	const live = await when(page, `${mark('kk:query:overview:done')} && ${ALL_CHARTS_DRAWN}`);
	const marks = (await page.evaluate(`({
		dbReady: performance.getEntriesByName('kk:db-ready')[0]?.startTime ?? NaN,
		tablesLoaded: Math.max(...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kk:table:')).map((m) => m.startTime))
	})`)) as Omit<FilteredTimes, 'live'>;
	await context.close();
	return { ...marks, live };
}

/** Clicks region checkboxes one after another (each a new filter state) and times each until live and redrawn. */
async function filterChanges(browser: Browser, base: string, changes: number): Promise<number[]> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${base}/`);
	await when(page, `${mark('kk:db-ready')} && document.body.dataset.hydrated === 'true'`);
	const regions = (await page.evaluate(`[...document.querySelectorAll('input[name="region"]')].map((x) => x.value)`)) as string[];
	const times: number[] = [];
	for (let i = 0; i < changes; i++) {
		const region = regions[i % regions.length];
		// Toggle: on in the first pass over the regions, off in the second, so every state is new.
		const ms = (await page.evaluate(`new Promise((ok, fail) => {
			const done = () => performance.getEntriesByName('kk:query:overview:done').length;
			const before = done();
			const input = document.querySelector('input[name="region"][value="${region}"]');
			const t0 = performance.now();
			input.click();
			const step = () => {
				if (done() > before && ${ALL_CHARTS_DRAWN}) ok(performance.now() - t0);
				else if (performance.now() - t0 > 60000) fail(new Error('filter change timed out'));
				else requestAnimationFrame(step);
			};
			requestAnimationFrame(step);
		})`)) as number;
		times.push(ms);
	}
	await context.close();
	return times;
}

export interface DashboardResult {
	runs: number;
	/** 1-minute load average when the run started (the machine is shared; numbers move with it). */
	loadAverage: number;
	cpus: number;
	overview: { cold: LoadTimes; warm: LoadTimes };
	bare: { cold: BareTimes; warm: BareTimes };
	/** A filtered URL opened cold: DuckDB ready, the tables its queries need loaded, live figures and charts. */
	filteredCold: FilteredTimes;
	filterChange: { n: number; p50: number; p95: number; max: number };
	ratios: Record<string, number>;
}

export async function runDashboardBench(opts: { runs?: number; changes?: number } = {}): Promise<DashboardResult> {
	const runs = opts.runs ?? 3;
	const changes = opts.changes ?? 20;
	ensureBuild();
	await buildBare();
	const loadStart = loadavg()[0];
	const { server, base } = await serve();
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
	try {
		process.stderr.write(`bench: dashboard at ${base}, ${runs} cold+warm run(s)\n`);
		// Dashboard and bare page alternate, so both see the same load on the machine.
		const site = { cold: [] as LoadTimes[], warm: [] as LoadTimes[] };
		const bare = { cold: [] as BareTimes[], warm: [] as BareTimes[] };
		for (let r = 0; r < runs; r++) {
			const s = await coldAndWarm(browser, (p) => loadOverview(p, base));
			const b = await coldAndWarm(browser, (p) => loadBare(p, base));
			site.cold.push(s.cold), site.warm.push(s.warm), bare.cold.push(b.cold), bare.warm.push(b.warm);
		}
		const firstRegion = await (async () => {
			const c = await browser.newContext();
			const p = await c.newPage();
			await p.goto(`${base}/`);
			const v = (await p.evaluate(`document.querySelector('input[name="region"]').value`)) as string;
			await c.close();
			return v;
		})();
		const filtered: FilteredTimes[] = [];
		for (let r = 0; r < runs; r++) filtered.push(await filteredColdLoad(browser, base, firstRegion));
		const changeTimes = await filterChanges(browser, base, changes);

		const med = <T>(xs: T[], k: keyof T) => median(xs.map((x) => x[k] as number));
		const pick = (xs: LoadTimes[]): LoadTimes => ({
			figuresPainted: med(xs, 'figuresPainted'),
			dbInstantiated: med(xs, 'dbInstantiated'),
			dbReady: med(xs, 'dbReady'),
			chartsDrawn: med(xs, 'chartsDrawn'),
			transferredKB: med(xs, 'transferredKB')
		});
		const pickBare = (xs: BareTimes[]): BareTimes => ({ ready: med(xs, 'ready'), query: med(xs, 'query'), transferredKB: med(xs, 'transferredKB') });
		const result: DashboardResult = {
			runs,
			loadAverage: +loadStart.toFixed(1),
			cpus: cpus().length,
			overview: { cold: pick(site.cold), warm: pick(site.warm) },
			bare: { cold: pickBare(bare.cold), warm: pickBare(bare.warm) },
			filteredCold: { dbReady: med(filtered, 'dbReady'), tablesLoaded: med(filtered, 'tablesLoaded'), live: med(filtered, 'live') },
			filterChange: { n: changeTimes.length, p50: percentile(changeTimes, 50), p95: percentile(changeTimes, 95), max: Math.max(...changeTimes) },
			ratios: {}
		};
		const r2 = (a: number, b: number) => +(a / b).toFixed(2);
		result.ratios = {
			coldDbReadyVsBareReady: r2(result.overview.cold.dbReady, result.bare.cold.ready),
			warmDbReadyVsBareReady: r2(result.overview.warm.dbReady, result.bare.warm.ready),
			filteredColdLiveVsBareQuery: r2(result.filteredCold.live, result.bare.cold.query),
			coldFiguresVsBareQuery: r2(result.overview.cold.figuresPainted, result.bare.cold.query)
		};
		mkdirSync(OUT, { recursive: true });
		writeFileSync(join(OUT, 'dashboard.json'), JSON.stringify(result, null, 2) + '\n');
		print(result);
		return result;
	} finally {
		await browser.close();
		server.close();
	}
}

function print(r: DashboardResult): void {
	const ms = (n: number) => (Number.isNaN(n) ? '     –' : `${Math.round(n).toString().padStart(6)} ms`);
	const o = r.overview;
	process.stdout.write(
		[
			'',
			`Dashboard benchmark: production build served with brotli, Debian Chromium, median of ${r.runs} run(s)`,
			`(load average ${r.loadAverage} on ${r.cpus} CPUs when it started; the dashboard and the bare page alternate)`,
			'',
			'  overview /                               cold        warm',
			`  prerendered figures painted (FCP)   ${ms(o.cold.figuresPainted)}   ${ms(o.warm.figuresPainted)}`,
			`  DuckDB-WASM ready (engine)          ${ms(o.cold.dbReady)}   ${ms(o.warm.dbReady)}   (tables load on first use)`,
			`  every chart drawn                   ${ms(o.cold.chartsDrawn)}   ${ms(o.warm.chartsDrawn)}`,
			`  transferred                         ${Math.round(o.cold.transferredKB).toString().padStart(6)} kB   ${Math.round(o.warm.transferredKB).toString().padStart(6)} kB`,
			'',
			'  bare DuckDB-WASM page (same wasm)',
			`  instantiated + open                 ${ms(r.bare.cold.ready)}   ${ms(r.bare.warm.ready)}`,
			`  first query answered                ${ms(r.bare.cold.query)}   ${ms(r.bare.warm.query)}`,
			'',
			'  filtered URL (/?region=…), cold',
			`  DuckDB-WASM ready                   ${ms(r.filteredCold.dbReady)}`,
			`  its tables loaded                   ${ms(r.filteredCold.tablesLoaded)}`,
			`  live figures + every chart drawn    ${ms(r.filteredCold.live)}`,
			'',
			`  filter change → live figures + every chart redrawn (n=${r.filterChange.n}):`,
			`    p50 ${ms(r.filterChange.p50)}   p95 ${ms(r.filterChange.p95)}   max ${ms(r.filterChange.max)}`,
			'',
			'  ratios (dashboard / bare)',
			...Object.entries(r.ratios).map(([k, v]) => `    ${k.padEnd(34)} ${v}×`),
			'  (results in bench/out/dashboard.json)',
			''
		].join('\n')
	);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, changes: { type: 'string', default: '20' } } });
	runDashboardBench({ runs: Number(values.runs), changes: Number(values.changes) }).catch((e) => {
		process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
		process.exitCode = 1;
	});
}
