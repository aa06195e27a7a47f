/**
 * Search results on a cold load, A/B: `npx tsx bench/search-cold-ab.ts <build dir> [<build dir> …]
 * [--rounds=5] [--throttle] [--query=ukrain]`. Serves each built site (scripts/serve.js's handler) and opens
 * /search?q=… in a new context (empty cache) once per build per round, the builds taking turns (a shared
 * machine drifts), and prints per build the median time from navigation to the results shown (as
 * bench/dashboard.ts counts it: the first result group in the list, not before the first paint),
 * and the load average. --throttle: 20 Mbit/s, 20 ms round trip (CDP emulation, as the dashboard bench).
 * For comparing builds (copy build/ aside before changing code); not part of npm run bench.
 */
import { loadavg } from 'node:os';
import { launchChromium } from '../tools/chromium';
import { serveBuilds } from './serve-builds';
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5);
const throttle = process.argv.includes('--throttle');
const query = process.argv.find((a) => a.startsWith('--query='))?.slice(8) ?? 'ukrain';
/** 20 Mbit/s down, 5 up, 20 ms round trip (as bench/dashboard.ts). */
const THROTTLE = { offline: false, latency: 20, downloadThroughput: (20e6 / 8) | 0, uploadThroughput: (5e6 / 8) | 0 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bases = await serveBuilds(dirs);
const browser = await launchChromium();
const res: Record<string, number[]> = {};
const loads: number[] = [];
for (let r = 0; r < rounds; r++)
	for (let d = 0; d < dirs.length; d++) {
		loads.push(loadavg()[0]);
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		if (throttle) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', THROTTLE);
		}
		await page.goto(`${bases[d]}/search?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
		// Checked every animation frame, as the dashboard bench does (page code as source text).
		const seen = (await page.evaluate(`new Promise((ok) => {
			const step = () => {
				const r = document.querySelector('#search-results');
				if (r && r.getAttribute('data-results-for') === ${JSON.stringify(query)} && r.querySelector('li.programme')) ok(performance.now());
				else requestAnimationFrame(step);
			};
			step();
		})`)) as number;
		const fcp = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`)) as number;
		const ms = Number.isNaN(fcp) ? seen : Math.max(seen, fcp);
		(res[dirs[d]] ??= []).push(ms);
		await context.close();
	}
for (const d of dirs) console.log(`${d}: results shown, median ${median(res[d]).toFixed(0)} ms  [${res[d].map((x) => x.toFixed(0)).join(' ')}]`);
console.log(`load average: median ${median(loads).toFixed(1)} (min ${Math.min(...loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)})`);
await browser.close();
process.exit(0);
