/**
 * The ingest over the demo corpus (data/pdfs after `npm run corpus`: 263 files, forms, flattened
 * copies, own templates, scans, a few broken files) and over a corpus ten times larger (the same
 * plus the generator's corpus for nine other seeds, bench/out/corpus-x10/, made once), next to
 * its peer: pdf.js alone reading the same files in one process (bench/pdfjs-peer.ts: fields and
 * every page's text). Both run as plain `node` on a bundle (ingest/bundle.mjs), the ingest as
 * `npm run ingest` starts it; runs alternate (ingest, peer, ingest, peer…) and each ratio is
 * taken pair by pair, so a machine whose speed drifts still gives a fair ratio. Memory is the
 * peak resident memory of the whole process tree (bench/process-tree.ts), the ingest's readers
 * and OCR processes included.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundle } from '../ingest/bundle.mjs';
import { DEFAULT_SEED, generateCorpus } from '../corpus/generate';
import { runMeasured, type Measured } from './process-tree';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const X10_SEEDS = ['2026', '2027', '2028', '2029', '2030', '2031', '2032', '2033', '2034'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => Math.round(bytes / 1e6);

function pdfsUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((e) => (e.isDirectory() ? pdfsUnder(join(dir, e.name)) : /\.pdf$/i.test(e.name) ? [join(dir, e.name)] : []))
		.sort();
}

async function ensureCorpora(): Promise<{ x1: string[]; x10: string[] }> {
	const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
	await generateCorpus({ seed: DEFAULT_SEED, root: ROOT, outDir: join(ROOT, 'data/pdfs/demo'), truthDir: join(ROOT, 'data/truth/demo'), log });
	for (const seed of X10_SEEDS) {
		await generateCorpus({ seed, root: ROOT, outDir: join(OUT, `corpus-x10/seed-${seed}`), truthDir: join(OUT, `corpus-x10/truth-${seed}`), log });
	}
	return { x1: [join(ROOT, 'data/pdfs')], x10: [join(ROOT, 'data/pdfs'), ...X10_SEEDS.map((s) => join(OUT, `corpus-x10/seed-${s}`))] };
}

interface Pair {
	ingest: Measured;
	peer: Measured;
}

async function measure(label: string, dirs: string[], runs: number, peer: string): Promise<Pair[]> {
	const files = dirs.flatMap(pdfsUnder);
	const pairs: Pair[] = [];
	for (let r = 0; r < runs; r++) {
		const ingest = await runMeasured(
			process.execPath,
			['--max-semi-space-size=1', join(ROOT, 'ingest/ingest.mjs'), ...dirs, '--out', join(OUT, `data-${label}`), '--json'],
			{ cwd: ROOT }
		);
		if (ingest.code !== 0 && ingest.code !== 1) throw new Error(`the ingest of the ${label} corpus exited ${ingest.code}: ${ingest.stderr.slice(-2000)}`);
		const p = await runMeasured(process.execPath, [peer, ...files], { cwd: ROOT });
		if (p.code !== 0) throw new Error(`the pdf.js peer exited ${p.code}: ${p.stderr.slice(-2000)}`);
		pairs.push({ ingest, peer: p });
		process.stderr.write(
			`bench: ${label} run ${r + 1}/${runs}: ingest ${(ingest.ms / 1000).toFixed(1)} s (CPU ${ingest.cpu.toFixed(1)} s), ${mb(ingest.peakRss)} MB; ` +
				`pdf.js ${(p.ms / 1000).toFixed(1)} s (CPU ${p.cpu.toFixed(1)} s), ${mb(p.peakRss)} MB\n`
		);
	}
	return pairs;
}

function summary(pairs: Pair[], files: number) {
	const last = JSON.parse(pairs.at(-1)!.ingest.stdout) as { counts: Record<string, number>; timings: Record<string, number> };
	return {
		files,
		programmes: last.counts.programmes,
		runs: pairs.length,
		ingestSeconds: +(median(pairs.map((p) => p.ingest.ms)) / 1000).toFixed(2),
		peerSeconds: +(median(pairs.map((p) => p.peer.ms)) / 1000).toFixed(2),
		/** Median of the per-pair ratios ingest / peer. */
		timeRatio: +median(pairs.map((p) => p.ingest.ms / p.peer.ms)).toFixed(2),
		/** CPU seconds (user + system) of each whole process tree, and their ratio: the work, whatever else the machine runs. */
		ingestCpu: +median(pairs.map((p) => p.ingest.cpu)).toFixed(1),
		peerCpu: +median(pairs.map((p) => p.peer.cpu)).toFixed(1),
		cpuRatio: +median(pairs.map((p) => p.ingest.cpu / p.peer.cpu)).toFixed(2),
		ingestPeakMb: mb(median(pairs.map((p) => p.ingest.peakRss))),
		peerPeakMb: mb(median(pairs.map((p) => p.peer.peakRss))),
		memoryRatio: +median(pairs.map((p) => p.ingest.peakRss / p.peer.peakRss)).toFixed(2),
		stages: last.timings
	};
}

export async function runCorpusBench(opts: { runs: number; x10Runs: number }): Promise<void> {
	const corpora = await ensureCorpora();
	const peer = await bundle('bench/pdfjs-peer.ts');
	if (!peer) throw new Error('could not bundle bench/pdfjs-peer.ts (is esbuild installed? npm ci)');
	const x1 = summary(await measure('corpus', corpora.x1, opts.runs, peer), corpora.x1.flatMap(pdfsUnder).length);
	const x10 = opts.x10Runs > 0 ? summary(await measure('corpus-x10', corpora.x10, opts.x10Runs, peer), corpora.x10.flatMap(pdfsUnder).length) : null;
	const bytes = corpora.x1.flatMap(pdfsUnder).reduce((n, f) => n + statSync(f).size, 0);
	const result = { x1, x10, flatness: x10 ? +(x10.ingestPeakMb / x1.ingestPeakMb).toFixed(2) : null, node: process.version };
	writeFileSync(join(OUT, 'results-corpus.json'), JSON.stringify(result, null, 2) + '\n');
	const row = (name: string, s: typeof x1) =>
		[
			`  ${name.padEnd(4)} ${String(s.files).padStart(5)} files  wall   ingest ${s.ingestSeconds.toFixed(1).padStart(6)} s, pdf.js ${s.peerSeconds.toFixed(1).padStart(6)} s: ${s.timeRatio.toFixed(2)}×`,
			`                   CPU    ingest ${s.ingestCpu.toFixed(1).padStart(6)} s, pdf.js ${s.peerCpu.toFixed(1).padStart(6)} s: ${s.cpuRatio.toFixed(2)}×`,
			`                   memory ingest ${String(s.ingestPeakMb).padStart(4)} MB,   pdf.js ${String(s.peerPeakMb).padStart(4)} MB:   ${s.memoryRatio.toFixed(2)}× (peak RSS of the process tree)`
		].join('\n');
	process.stdout.write(
		[
			'',
			`Ingest of the demo corpus (synthetic, ${(bytes / 1e6).toFixed(1)} MB in data/pdfs) vs pdf.js alone reading the same files in one process`,
			`(medians of per-pair ratios over ${x1.runs} run(s) at 1×, ${x10?.runs ?? 0} at 10×; CPU and memory of the whole process tree, readers and OCR included;`,
			` the ingest also runs OCR on the scans and derives every fact, which pdf.js alone does not)`,
			'',
			row('1×', x1),
			...(x10 ? [row('10×', x10), '', `  ingest peak memory 10× / 1×: ${result.flatness}× (flat = 1)`] : ['  (10× corpus skipped: --x10-runs 0)']),
			`  ingest stages, last 1× run: read ${x1.stages.read} ms, build ${x1.stages.build} ms, write ${x1.stages.write} ms`,
			`  (results in bench/out/results-corpus.json)`,
			''
		].join('\n')
	);
}
