/**
 * Where a filter change's time goes on a page: `npx tsx bench/filter-profile.ts <build> [--page /languages] [--changes 10] [--wait ms] [--out dir]`.
 * Opens the page like the dashboard bench (engine ready, settled), then for the first change and the
 * next ones prints the performance marks and measures (kk:*) relative to the click, and writes a V8 CPU
 * profile of the main thread (and of the DuckDB worker) per change group (.cpuprofile, for DevTools), with
 * the top self-time functions.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { launchChromium } from '../tools/chromium';
import { serveBuilds } from './serve-builds';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const path = opt('--page', '/languages');
const changes = Number(opt('--changes', '10'));
/** Milliseconds to wait after the page settled before the first change. */
const wait = Number(opt('--wait', '0'));
const out = opt('--out', '/tmp/filter-profile');
const dir = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'))[0] ?? 'build';
mkdirSync(out, { recursive: true });
const SETTLED = `!document.querySelector('[data-status="loading"]') && [...document.querySelectorAll('[data-chart]')].every((e) => e.getAttribute('data-chart-state') !== 'pending')`;
const [base] = await serveBuilds([dir]);
const browser = await launchChromium();
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
function top(profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }, n = 25): string {
	const self = new Map<string, number>();
	const byId = new Map(profile.nodes.map((x) => [x.id, x]));
	for (let i = 0; i < profile.samples.length; i++) {
		const node = byId.get(profile.samples[i])!;
		const f = node.callFrame;
		const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
		self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
	}
	return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
}
try {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await page.goto(`${base}${path}`);
	await page.waitForFunction(`document.body.dataset.hydrated === 'true' && performance.getEntriesByName('kk:db-ready').length > 0 && ${SETTLED}`, undefined, { timeout: 60_000 });
	const regions = (await page.evaluate(`[...document.querySelectorAll('input[name="region"]')].map((x) => x.value)`)) as string[];
	const change = (region: string) =>
		page.evaluate(`new Promise((ok, fail) => {
			const done = () => performance.getEntriesByType('mark').filter((m) => /^kk:query:.*:(done|cached)$/.test(m.name)).length;
			const before = done();
			const t0 = performance.now();
			document.querySelector('input[name="region"][value="${region}"]').click();
			const step = () => {
				if (done() > before && ${SETTLED}) {
					const ms = performance.now() - t0;
					const marks = performance.getEntries().filter((m) => m.startTime >= t0 && /^kk:/.test(m.name)).map((m) => ({ name: m.name, at: +(m.startTime - t0).toFixed(1), dur: +m.duration.toFixed(1) }));
					ok({ ms, marks });
				}
				else if (performance.now() - t0 > 60000) fail(new Error('timed out'));
				else requestAnimationFrame(step);
			};
			requestAnimationFrame(step);
		})`) as Promise<{ ms: number; marks: { name: string; at: number; dur: number }[] }>;
	const pre = (await page.evaluate(`performance.getEntries().filter((m) => /^kk:/.test(m.name)).map((m) => m.name + ' ' + m.startTime.toFixed(0) + (m.duration ? ' +' + m.duration.toFixed(0) : '')).join('\\n')`)) as string;
	console.log('before the first change:\n' + pre);
	await page.waitForTimeout(wait);
	await cdp.send('Profiler.start');
	const first = await change(regions[0]);
	let { profile } = (await cdp.send('Profiler.stop')) as any;
	writeFileSync(`${out}/first.cpuprofile`, JSON.stringify(profile));
	console.log(`first change ${first.ms.toFixed(0)} ms`);
	for (const m of first.marks) console.log(`  ${m.at.toString().padStart(7)} ${m.dur ? `+${m.dur}` : ''} ${m.name}`);
	console.log(top(profile));
	await cdp.send('Profiler.start');
	const rest: number[] = [];
	let last;
	for (let i = 1; i <= changes; i++) {
		last = await change(regions[i % regions.length]);
		rest.push(last.ms);
	}
	({ profile } = (await cdp.send('Profiler.stop')) as any);
	writeFileSync(`${out}/rest.cpuprofile`, JSON.stringify(profile));
	console.log(`next ${changes} changes: ${rest.map((x) => x.toFixed(0)).join(' ')}`);
	for (const m of last!.marks) console.log(`  ${m.at.toString().padStart(7)} ${m.dur ? `+${m.dur}` : ''} ${m.name}`);
	console.log(top(profile, 40));
	await context.close();
} finally {
	await browser.close();
}
process.exit(0);
