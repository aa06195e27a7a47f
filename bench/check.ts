/**
 * "Check my draft" benchmark (part of `npm run bench`; alone: `npx tsx bench/check.ts [--runs 3]`).
 *
 * Serves the production build (build/) and, in Debian Chromium, drops two PDFs on /check: a
 * 20+-page own-template document (read from its text layer, the slower path) and Aura's
 * 17-page fillable form. It times each check from the file input's change event to the report
 * on screen, and records every main-thread long task (PerformanceObserver 'longtask') while
 * checking. The peer, in the same run: the same createChecker (extraction + enrichment) over the
 * same bytes in Node. Prints both, their ratio and the longest main-thread task. Not a test.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { launchChromium } from '../tools/chromium';
import { PDFDocument } from 'pdf-lib';
import { nodeExtractDeps } from '../ingest/pdfjs';
import { createChecker } from '../src/lib/check/run';
import { ANSWER_FIELDS } from '../src/lib/programme/form-tem-2024';
import { parseEmploymentAreas, parseMunicipalities } from '../src/lib/reference/index';
import { parseSeedProgramme } from '../scripts/seed';
import { renderOwnTemplate } from '../tools/pdf-writer';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const OUT = join(ROOT, 'bench/out');

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** Aura's answers, each repeated until the own-template document has at least 20 pages. */
async function twentyPages(): Promise<Uint8Array> {
	const seed = parseSeedProgramme(readFileSync(join(ROOT, 'data/seeds/000_810836d28a172589.txt'), 'utf8'));
	const base = Object.fromEntries(seed.map((s: { key: string; value: string }) => [s.key, s.value]));
	const fonts = {
		regular: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans.ttf'))),
		bold: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans-Bold.ttf')))
	};
	for (let times = 2; times < 12; times++) {
		const values: Record<string, string> = {};
		for (const f of ANSWER_FIELDS) {
			const v = base[f.key] ?? '';
			values[f.key] = f.singleLine || v.trim() === '' ? v : Array.from({ length: times }, () => v).join('\n\n');
		}
		const bytes = await renderOwnTemplate({ fonts, values, language: 'fi', organisation: 'Auran kunta' });
		if ((await PDFDocument.load(bytes)).getPageCount() >= 20) return bytes;
	}
	throw new Error('could not make a 20-page document');
}

function serve(): Promise<{ server: Server; base: string }> {
	const site = sirv(BUILD, { etag: true, extensions: ['html'] });
	const server = createServer((req, res) =>
		site(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		})
	);
	return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

export interface CheckBenchResult {
	/** Longest main-thread task after a report was shown, while the peers' data loaded (not part of checking). */
	peerLoadLongestTaskMs?: number;
	/** The first check of the page (worker and pdf.js start, DuckDB-WASM and the Parquet load for the peers). */
	cold?: { ms: number; longestTaskMs: number; peerLoadLongestTaskMs: number };
	documents: { name: string; pages: number; kb: number; browserMs: number[]; browserMedianMs: number; nodeMedianMs: number; ratio: number; longestTaskMs: number }[];
}

export async function runCheckBench(opts: { runs?: number } = {}): Promise<CheckBenchResult> {
	const runs = opts.runs ?? 3;
	mkdirSync(OUT, { recursive: true });
	const long = await twentyPages();
	const docs = [
		{ name: 'own-template-20p.pdf', bytes: long },
		{ name: 'aura-2024-11-18.pdf', bytes: new Uint8Array(readFileSync(join(ROOT, 'data/pdfs/aura-2024-11-18.pdf'))) }
	];
	const reference = {
		municipalities: parseMunicipalities(readFileSync(join(ROOT, 'data/reference/municipalities.csv'), 'utf8')),
		employmentAreas: parseEmploymentAreas(readFileSync(join(ROOT, 'data/reference/employment_areas.csv'), 'utf8'))
	};
	const checker = createChecker(await nodeExtractDeps(), reference);
	await checker.check('warm-up.pdf', docs[1].bytes);

	const { server, base } = await serve();
	const browser = await launchChromium();
	const result: CheckBenchResult = { documents: [] };
	try {
		const page = await browser.newPage();
		await page.addInitScript(`
			window.__longTasks = [];
			new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
				.observe({ type: 'longtask', buffered: true });
		`);
		await page.goto(`${base}/check`);
		await page.waitForSelector('body[data-hydrated="true"]');
		// The worker starts on the first check: one warm-up drop, not counted (a first visit pays it once).
		const input = page.locator('input[data-check-input="main"]');
		const peerTasks: number[] = [];
		const dropAndTime = async (name: string, bytes: Uint8Array) => {
			await page.evaluate(`(() => {
				window.__t = null;
				document.querySelector('input[data-check-input="main"]').addEventListener('change', () => { window.__t = performance.now(); }, { once: true });
			})()`);
			await input.setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
			const [start, end] = (await page.evaluate(`new Promise((ok) => {
				const done = () => {
					const r = document.querySelector('.report[data-check-status="done"] h2');
					return r && r.textContent.includes(${JSON.stringify(name)});
				};
				const tick = () => (done() ? ok([window.__t, performance.now()]) : requestAnimationFrame(tick));
				tick();
			})`)) as [number, number];
			const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
			// Let the peer benchmark (DuckDB-WASM loading the Parquet) finish before the next drop, so
			// its main-thread work is not counted as the check's.
			await page.waitForSelector('[data-peers="loaded"]', { timeout: 120_000 });
			const afterPeers = (await page.evaluate('window.__longTasks')) as [number, number][];
			peerTasks.push(...afterPeers.filter(([t]) => t > end).map(([, d]) => d));
			const during = tasks.filter(([t, d]) => t + d >= start && t <= end).map(([, d]) => d);
			return { ms: end - start, longest: Math.max(0, ...during) };
		};
		const cold = await dropAndTime('warm-up.pdf', docs[1].bytes);
		result.cold = { ms: Math.round(cold.ms), longestTaskMs: Math.round(cold.longest), peerLoadLongestTaskMs: Math.round(Math.max(0, ...peerTasks)) };
		peerTasks.length = 0;
		for (const d of docs) {
			const browserMs: number[] = [];
			const nodeMs: number[] = [];
			let longest = 0;
			for (let r = 0; r < runs; r++) {
				const b = await dropAndTime(d.name, d.bytes);
				browserMs.push(b.ms);
				longest = Math.max(longest, b.longest);
				const t0 = performance.now();
				await checker.check(d.name, d.bytes);
				nodeMs.push(performance.now() - t0);
			}
			const pages = (await PDFDocument.load(d.bytes)).getPageCount();
			result.documents.push({
				name: d.name,
				pages,
				kb: Math.round(d.bytes.length / 1024),
				browserMs: browserMs.map(Math.round),
				browserMedianMs: Math.round(median(browserMs)),
				nodeMedianMs: Math.round(median(nodeMs)),
				ratio: +(median(browserMs) / median(nodeMs)).toFixed(2),
				longestTaskMs: Math.round(longest)
			});
		}
		result.peerLoadLongestTaskMs = Math.round(Math.max(0, ...peerTasks));
	} finally {
		await browser.close();
		server.close();
	}
	writeFileSync(join(OUT, 'check.json'), JSON.stringify(result, null, 2) + '\n');
	process.stdout.write(
		[
			'',
			`Check-my-draft benchmark: /check in Chromium vs the same createChecker in Node, median of ${runs} run(s) (target: a 20-page PDF ≤ 2000 ms, main-thread long tasks < 200 ms)`,
			'',
			...result.documents.map(
				(d) =>
					`  ${d.name.padEnd(24)} ${String(d.pages).padStart(3)} pages ${String(d.kb).padStart(5)} kB   browser ${String(d.browserMedianMs).padStart(5)} ms   Node ${String(d.nodeMedianMs).padStart(5)} ms   ratio ${d.ratio}×   longest main-thread task ${d.longestTaskMs} ms`
			),
			`  first check on the page (Aura, worker start-up): ${result.cold?.ms} ms, longest main-thread task ${result.cold?.longestTaskMs} ms; then loading the peers (DuckDB-WASM + Parquet): longest task ${result.cold?.peerLoadLongestTaskMs} ms`,
			`  after the report: longest main-thread task while the peer benchmark queried DuckDB-WASM ${result.peerLoadLongestTaskMs} ms`,
			`  (results in bench/out/check.json)`,
			''
		].join('\n')
	);
	return result;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
	runCheckBench({ runs: Number(values.runs) }).catch((e) => {
		process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
		process.exitCode = 1;
	});
}
