/**
 * CPU time of a filter change on a page, for several builds taking turns:
 * `npx tsx bench/filter-cpu-ab.ts <build> [<build> …] [--page /] [--rounds 4]` (copy `build/` aside before a change).
 *
 * Wall times on a shared machine follow the load; thread CPU time much less. Each round opens the
 * page in each build (order reversed every other round), makes the first region change (engine start,
 * left out), then records a Chromium trace (category `toplevel`) over 19 more region toggles and sums
 * the thread time (`tdur`) of the tasks run on the renderer's main thread and on the DuckDB worker.
 * Prints per build the median over rounds of CPU ms per change, and the load average.
 */
import { execSync } from 'node:child_process';
import { launchChromium } from '../tools/chromium';
import { serveBuilds } from './serve-builds';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const path = opt('--page', '/');
const rounds = Number(opt('--rounds', '4'));
const dirs = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (!dirs.length) throw new Error('usage: npx tsx bench/filter-cpu-ab.ts <build> [<build> …] [--page /] [--rounds 4]');
const PAGES: Record<string, string> = { '/': 'overview', '/gaps': 'gaps', '/languages': 'languages' };
const name = PAGES[path] ?? path.replace(/\W/g, '');
const CHANGES = 20;

const bases = await serveBuilds(dirs);
const browser = await launchChromium();
const load = () => execSync('cat /proc/loadavg').toString().split(' ')[0];
const results = new Map<string, { main: number; worker: number }[]>();
try {
	for (let r = 0; r < rounds; r++) {
		for (let k = 0; k < dirs.length; k++) {
			const d = r % 2 ? dirs.length - 1 - k : k;
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${bases[d]}${path}`);
			await page.waitForFunction(`document.body.dataset.hydrated === 'true'`, undefined, { timeout: 60_000 });
			const regions = (await page.evaluate(`[...document.querySelectorAll('input[name="region"]')].map((x) => x.value)`)) as string[];
			const change = (region: string) =>
				page.evaluate(`new Promise((ok, fail) => {
					const done = () => performance.getEntriesByName('kk:query:${name}:done').length;
					const before = done();
					const t0 = performance.now();
					document.querySelector('input[name="region"][value="${region}"]').click();
					const step = () => {
						if (done() > before && [...document.querySelectorAll('[data-chart]')].every((e) => e.getAttribute('data-chart-state') !== 'pending')) ok();
						else if (performance.now() - t0 > 60000) fail(new Error('filter change timed out'));
						else requestAnimationFrame(step);
					};
					requestAnimationFrame(step);
				})`);
			await change(regions[0]);
			await browser.startTracing(page, { categories: ['toplevel'] });
			for (let i = 1; i < CHANGES; i++) await change(regions[i % regions.length]);
			const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { ph: string; name: string; pid: number; tid: number; tdur?: number; args: { name?: string } }[] };
			const threads = new Map<string, string>();
			for (const e of trace.traceEvents) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name ?? '');
			let main = 0;
			let worker = 0;
			for (const e of trace.traceEvents) {
				if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !e.tdur) continue;
				const thread = threads.get(`${e.pid}:${e.tid}`) ?? '';
				if (thread === 'CrRendererMain') main += e.tdur / 1000;
				else if (thread === 'DedicatedWorker thread') worker += e.tdur / 1000;
			}
			const per = { main: main / (CHANGES - 1), worker: worker / (CHANGES - 1) };
			results.set(dirs[d], [...(results.get(dirs[d]) ?? []), per]);
			console.log(`${dirs[d]} round ${r + 1}: CPU per change: main thread ${per.main.toFixed(1)} ms, DuckDB worker ${per.worker.toFixed(1)} ms (load ${load()})`);
			await context.close();
		}
	}
} finally {
	await browser.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const d of dirs) {
	const xs = results.get(d) ?? [];
	console.log(`${d}: ${path} filter change, median CPU over ${xs.length} rounds: main thread ${median(xs.map((x) => x.main)).toFixed(1)} ms, DuckDB worker ${median(xs.map((x) => x.worker)).toFixed(1)} ms per change`);
}
process.exit(0);
