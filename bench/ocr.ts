/**
 * OCR throughput: the scanned fixture (tests/fixtures/documents/aura-scan.pdf, 6 pages) read by
 * extractProgramme with the ingest's OCR (pdf.js, pdftoppm page images, tesseract fin+swe, the
 * text-layer reader), against `tesseract` run directly on the same page images (rendered once,
 * beforehand, at the same resolution), one page at a time, with the same languages and threads.
 * One extraction first, not timed (pdf.js's worker code loads once per process). Then runs in
 * turn, ours and direct, and the ratio taken pair by pair, so a machine whose speed drifts during
 * the bench moves both sides of a pair alike. Prints pages per second for both and the median
 * ratio (ours / direct time; target ≤ 1.3×).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { tesseractOcr } from '../ingest/ocr';
import { nodeExtractDeps } from '../ingest/pdfjs';
import { extractProgramme } from '../src/lib/programme/extract';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out/ocr');
const SCAN = join(ROOT, 'tests/fixtures/documents/aura-scan.pdf');
const DPI = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runOcrBench(opts: { runs: number }): Promise<void> {
	const bytes = new Uint8Array(readFileSync(SCAN));
	const deps = { ...(await nodeExtractDeps()), ocr: tesseractOcr({ dpi: DPI, log: null }) };
	rmSync(OUT, { recursive: true, force: true });
	mkdirSync(OUT, { recursive: true });
	execFileSync('pdftoppm', ['-r', String(DPI), '-gray', SCAN, join(OUT, 'page')]);
	const images = Array.from({ length: 6 }, (_, i) => join(OUT, `page-${i + 1}.pgm`));
	const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
	const version = execFileSync('tesseract', ['--version'], { encoding: 'utf8' }).split('\n')[0];

	const ours: number[] = [];
	const direct: number[] = [];
	await extractProgramme(bytes, deps);
	let pages = 0;
	for (let r = 0; r < opts.runs; r++) {
		let t = performance.now();
		const p = await extractProgramme(bytes, deps);
		ours.push(performance.now() - t);
		pages = p.ocr?.pages.length ?? 0;
		if (pages !== images.length) throw new Error(`OCR read ${pages} of ${images.length} pages`);
		t = performance.now();
		for (const image of images) await run('tesseract', [image, 'stdout', '-l', 'fin+swe', '--psm', '3', 'tsv'], { env, maxBuffer: 64 << 20 });
		direct.push(performance.now() - t);
		process.stderr.write(`bench: OCR run ${r + 1}/${opts.runs}: extract ${(ours[r] / 1000).toFixed(2)} s, tesseract ${(direct[r] / 1000).toFixed(2)} s\n`);
	}
	const result = {
		pages,
		runs: opts.runs,
		extractPagesPerSecond: +(pages / (median(ours) / 1000)).toFixed(3),
		tesseractPagesPerSecond: +(pages / (median(direct) / 1000)).toFixed(3),
		ratio: +median(ours.map((t, i) => t / direct[i])).toFixed(2),
		tesseract: version
	};
	writeFileSync(join(OUT, 'results.json'), JSON.stringify(result, null, 2) + '\n');
	process.stdout.write(
		[
			'',
			`OCR benchmark: the scanned fixture (${pages} pages at ${DPI} dpi), median of ${opts.runs} run(s)`,
			'',
			`  extractProgramme + OCR  ${result.extractPagesPerSecond.toFixed(2).padStart(6)} pages/s   (pdf.js, pdftoppm, tesseract, reader)`,
			`  tesseract directly      ${result.tesseractPagesPerSecond.toFixed(2).padStart(6)} pages/s   (${version}, same images, fin+swe)`,
			'',
			`  ratio extract / tesseract (time, median of the runs' ratios): ${result.ratio}×   (target ≤ 1.3×)`,
			''
		].join('\n')
	);
}
