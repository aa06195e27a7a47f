/**
 * Search keystrokes, A/B: `npx tsx bench/search-ab.ts <build dir> [<build dir> …] [--rounds=3] [--verbose]`.
 * Serves each built site (scripts/serve.js's handler) and types the dashboard bench's words into
 * /search a letter at a time, the builds taking turns round by round (a shared machine drifts), and
 * prints keystroke → results shown p50/p95 (bench/dashboard.ts's own searchKeystrokes) with where the time
 * went: until the result reached the page (kk:search:done), the search itself (its detail.ms), the
 * list update (kk:search:drawn), and result in → shown (update + waiting for the frame).
 * For comparing builds (copy build/ aside before changing code); not part of npm run bench.
 */
import { loadavg } from 'node:os';
import { launchChromium } from '../tools/chromium';
import { serveBuilds } from './serve-builds';
import { percentile, searchKeystrokes, type Keystroke } from './dashboard';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
const verbose = process.argv.includes('--verbose');
const ms = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(0)} p95 ${percentile(xs, 95).toFixed(0)}`;

const servers = await serveBuilds(dirs);
const browser = await launchChromium();
const all: Record<string, Keystroke[]> = {};
for (let r = 0; r < rounds; r++) {
	for (let d = 0; d < dirs.length; d++) {
		const load = loadavg()[0];
		const keys = await searchKeystrokes(browser, servers[d]);
		(all[dirs[d]] ??= []).push(...keys);
		const total = keys.map((k) => k.total);
		console.log(`round ${r} ${dirs[d]} load ${load.toFixed(1)} ${ms(total)} max ${Math.max(...total).toFixed(0)}`);
		if (verbose) console.log('  ' + keys.map((k) => `${k.total.toFixed(0)}/${k.arrived.toFixed(0)}`).join(' '));
	}
}
for (const d of dirs) {
	const a = all[d];
	console.log(
		`${d}: n=${a.length} total ${ms(a.map((k) => k.total))} | result-arrived ${ms(a.map((k) => k.arrived))} | search-only ${ms(a.map((k) => k.search))}` +
			` | svelte-update ${ms(a.map((k) => k.update))} | arrived→shown ${ms(a.map((k) => k.total - k.arrived))}`
	);
}
await browser.close();
process.exit(0);
