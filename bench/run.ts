/**
 * npm run bench [-- --n 200 --runs 3 --corpus-runs 3 --x10-runs 1 --ingest-only]
 *
 * Times the ingest (the CLI, as `npm run ingest` runs it: start-up, reading every PDF, writing
 * Parquet) over a folder of N filled forms, against `qpdf --json` over the same files (one qpdf
 * process per file, as qpdf takes one file) and pdf.js alone reading them in one process, and
 * prints each and the ratios; then the same against pdf.js over the demo corpus and a corpus ten
 * times larger, with the peak memory of the whole process tree (bench/ingest-corpus.ts). Not a
 * test: numbers depend on the machine. Everything it writes stays under bench/out/ (gitignored).
 *
 * The forms are Aura's programme in our fillable form with varied values (sentences moved
 * between answers, some answers left empty, a number per document), generated once per N.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { renderForm } from '../tools/pdf-writer';
import { ALL_FIELDS, ANSWER_FIELDS } from '../src/lib/programme/form-tem-2024';
import { parseSeedProgramme } from '../scripts/seed';
import { runCheckBench } from './check';
import { runDashboardBench } from './dashboard';
import { runEnrichScalingBench } from './enrich-scaling';
import { runOcrBench } from './ocr';
import { runCorpusBench } from './ingest-corpus';
import { bundle } from '../ingest/bundle.mjs';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
/** Bump when the generated forms change, so a cached folder is regenerated. */
const GENERATOR_VERSION = 1;

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function variedValues(n: number, sentences: string[], seedValues: Record<string, string>): Record<string, string> {
	const rnd = random(n + 1);
	const pick = () => sentences[Math.floor(rnd() * sentences.length)];
	const values: Record<string, string> = {};
	for (const f of ANSWER_FIELDS) {
		if (f.key === 'header.municipalities') values[f.key] = seedValues[f.key];
		else if (f.key === 'header.updated') values[f.key] = `${1 + Math.floor(rnd() * 28)}.${1 + Math.floor(rnd() * 12)}.2025`;
		else if (rnd() < 0.1) values[f.key] = '';
		else {
			const count = 1 + Math.floor(rnd() * 6);
			values[f.key] = Array.from({ length: count }, pick).join(rnd() < 0.5 ? ' ' : '\n\n') + ` (asiakirja ${n})`;
		}
	}
	for (const f of ALL_FIELDS.filter((x) => x.section === 'table')) if (rnd() < 0.3) values[f.key] = pick().slice(0, 80);
	return values;
}

async function generateForms(n: number): Promise<string> {
	const dir = join(OUT, `forms-${n}`);
	const marker = join(dir, '.generated.json');
	const expected = JSON.stringify({ n, version: GENERATOR_VERSION });
	if (existsSync(marker) && readFileSync(marker, 'utf8') === expected) return dir;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const seed = parseSeedProgramme(readFileSync(join(ROOT, 'data/seeds/000_810836d28a172589.txt'), 'utf8'));
	const seedValues = Object.fromEntries(seed.map((s) => [s.key, s.value]));
	const sentences = seed.flatMap((s) => s.value.split(/(?<=[.!?])\s+/)).filter((x) => x.trim().length > 20);
	const fonts = {
		regular: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans.ttf'))),
		bold: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans-Bold.ttf')))
	};
	const started = performance.now();
	for (let i = 0; i < n; i++) {
		const bytes = await renderForm({ fonts, values: variedValues(i, sentences, seedValues), synthetic: true });
		writeFileSync(join(dir, `form-${String(i).padStart(4, '0')}.pdf`), bytes);
		if (process.stderr.isTTY) process.stderr.write(`\rbench: generating forms ${i + 1}/${n}`);
	}
	if (process.stderr.isTTY) process.stderr.write('\n');
	process.stderr.write(`bench: generated ${n} forms in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}\n`);
	writeFileSync(marker, expected);
	return dir;
}

async function timeIngest(dir: string): Promise<{ ms: number; report: { counts: Record<string, number>; timings: Record<string, number> } }> {
	const started = performance.now();
	const { stdout } = await run(
		process.execPath,
		['--max-semi-space-size=1', join(ROOT, 'ingest/ingest.mjs'), dir, '--out', join(OUT, 'data'), '--root', OUT, '--json'],
		{ cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }
	);
	return { ms: performance.now() - started, report: JSON.parse(stdout) };
}

/** pdf.js alone reading the same files in one process (bench/pdfjs-peer.ts as plain node, like the ingest), start-up included. */
async function timePdfjs(files: string[]): Promise<number> {
	const peer = await bundle('bench/pdfjs-peer.ts');
	const started = performance.now();
	await run(process.execPath, [peer ?? join(ROOT, 'bench/pdfjs-peer.ts'), ...files], { cwd: ROOT, maxBuffer: 1 << 20 });
	return performance.now() - started;
}

function timeQpdf(files: string[]): number {
	const started = performance.now();
	for (const f of files) execFileSync('qpdf', ['--json', f], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
	return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			n: { type: 'string', default: '200' },
			runs: { type: 'string', default: '3' },
			'corpus-runs': { type: 'string' },
			'x10-runs': { type: 'string', default: '1' },
			'ingest-only': { type: 'boolean', default: false }
		}
	});
	const n = Number(values.n);
	const runs = Number(values.runs);
	if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--n and --runs must be positive integers');
	const qpdfVersion = execFileSync('qpdf', ['--version'], { encoding: 'utf8' }).split('\n')[0];

	const dir = await generateForms(n);
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.pdf'))
		.sort()
		.map((f) => join(dir, f));
	const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);

	const ingest: number[] = [];
	const qpdf: number[] = [];
	const pdfjs: number[] = [];
	let last: Awaited<ReturnType<typeof timeIngest>> | null = null;
	for (let r = 0; r < runs; r++) {
		last = await timeIngest(dir);
		ingest.push(last.ms);
		qpdf.push(timeQpdf(files));
		pdfjs.push(await timePdfjs(files));
		process.stderr.write(
			`bench: run ${r + 1}/${runs}: ingest ${(last.ms / 1000).toFixed(2)} s, qpdf --json ${(qpdf[r] / 1000).toFixed(2)} s, pdf.js ${(pdfjs[r] / 1000).toFixed(2)} s\n`
		);
	}
	if (last!.report.counts.error !== 0) throw new Error(`the ingest rejected ${last!.report.counts.error} of the generated forms`);

	const result = {
		files: files.length,
		megabytes: +(bytes / 1e6).toFixed(1),
		runs,
		ingestSeconds: +(median(ingest) / 1000).toFixed(2),
		ingestMsPerFile: +(median(ingest) / files.length).toFixed(1),
		ingestStages: last!.report.timings,
		qpdfSeconds: +(median(qpdf) / 1000).toFixed(2),
		qpdfMsPerFile: +(median(qpdf) / files.length).toFixed(1),
		ratio: +(median(ingest) / median(qpdf)).toFixed(2),
		pdfjsSeconds: +(median(pdfjs) / 1000).toFixed(2),
		ratioPdfjs: +(median(ingest) / median(pdfjs)).toFixed(2),
		qpdf: qpdfVersion,
		node: process.version
	};
	writeFileSync(join(OUT, 'results.json'), JSON.stringify(result, null, 2) + '\n');
	process.stdout.write(
		[
			'',
			`Ingest benchmark: ${result.files} filled forms (${result.megabytes} MB), median of ${runs} run(s)`,
			'',
			`  npm run ingest   ${result.ingestSeconds.toFixed(2).padStart(7)} s  ${result.ingestMsPerFile.toFixed(1).padStart(6)} ms/file` +
				`   (read ${result.ingestStages.read} ms, build ${result.ingestStages.build} ms, write Parquet ${result.ingestStages.write} ms)`,
			`  qpdf --json      ${result.qpdfSeconds.toFixed(2).padStart(7)} s  ${result.qpdfMsPerFile.toFixed(1).padStart(6)} ms/file   (${qpdfVersion}, one process per file)`,
			`  pdf.js alone     ${result.pdfjsSeconds.toFixed(2).padStart(7)} s   (fields and every page's text, one process)`,
			'',
			`  ratio ingest / qpdf: ${result.ratio}×`,
			`  ratio ingest / pdf.js: ${result.ratioPdfjs}×`,
			`  (results in bench/out/results.json)`,
			''
		].join('\n')
	);

	// The demo corpus and a corpus ten times larger, against pdf.js, with the process tree's peak memory.
	const corpusRuns = Number(values['corpus-runs'] ?? runs);
	const x10Runs = Number(values['x10-runs']);
	if (!Number.isInteger(corpusRuns) || corpusRuns < 1 || !Number.isInteger(x10Runs) || x10Runs < 0) throw new Error('--corpus-runs must be ≥ 1 and --x10-runs ≥ 0');
	await runCorpusBench({ runs: corpusRuns, x10Runs });

	if (values['ingest-only']) return;

	// Enrichment of one long answer at 0.1, 1 and 10 MB: ms per MB, linear ≈ same cost (bench/enrich-scaling.ts).
	await runEnrichScalingBench({ runs });

	// OCR of a scanned programme, next to tesseract run directly on the same page images (bench/ocr.ts).
	await runOcrBench({ runs });

	// The dashboard in the browser, next to a bare DuckDB-WASM page (bench/dashboard.ts).
	await runDashboardBench();
	// /check in the browser, next to the same extraction in Node (bench/check.ts).
	await runCheckBench({ runs });
}

main().catch((e) => {
	process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
	process.exitCode = 1;
});
