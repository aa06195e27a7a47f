/**
 * OCR for scanned pages in Node: poppler's `pdftoppm` renders a page to a grey image, `tesseract`
 * (Finnish + Swedish) recognises it as TSV (words with boxes and confidences). Each page runs
 * under a time limit, so one bad page cannot stall a batch; progress goes to stderr.
 * Plugged into extraction as `ExtractDeps.ocr` by nodeExtractDeps (ingest/pdfjs.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OCR_INSTALL_HINT, OcrError, type OcrFn, type OcrOutcome, type OcrPageImage, type OcrWord } from '../src/lib/programme/ocr';

export interface TesseractOptions {
	/** Rendering resolution for recognition (default 200 dpi). */
	dpi?: number;
	/** Time limit per page, rendering and recognition together (default 60 s). */
	pageSeconds?: number;
	/** Tesseract languages (default `fin+swe`). */
	languages?: string;
	/** Progress lines (default: stderr); null for none. */
	log?: ((line: string) => void) | null;
	/**
	 * Called once before a document's first page is read; it may throw to stop (the ingest's pool
	 * shares a few OCR turns among its readers, as each tesseract takes ~70 MB).
	 */
	turn?: () => Promise<void>;
}

/** Runs a program; ENOENT becomes `unavailable`, a time-out `timeout`. */
function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			cmd,
			args,
			// One thread per tesseract: pages and files are already run side by side.
			{ timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
			(err, stdout, stderr) => {
				if (!err) return resolve(stdout);
				const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
				if (e.code === 'ENOENT') reject(new OcrError(`${cmd} was not found: ${OCR_INSTALL_HINT}`, 'unavailable'));
				else if (e.killed || e.signal === 'SIGTERM') reject(new OcrError(`${cmd} took longer than ${Math.round(timeoutMs / 1000)} s`, 'timeout'));
				else reject(new OcrError(`${cmd} failed: ${String(stderr || e.message).trim().split('\n').at(-1)}`, 'failed'));
			}
		);
	});
}

const checked = new Map<string, Promise<void>>();

/** Are tesseract, its languages and pdftoppm installed? Checked once per process (and PATH). */
function checkInstalled(languages: string): Promise<void> {
	const key = `${process.env.PATH}|${languages}`;
	let check = checked.get(key);
	if (check) return check;
	check = (async () => {
		const list = await run('tesseract', ['--list-langs'], 20_000);
		const have = new Set(list.split('\n').map((l) => l.trim()));
		const missing = languages.split('+').filter((l) => !have.has(l));
		if (missing.length > 0) throw new OcrError(`tesseract has no language data for ${missing.join(', ')}: ${OCR_INSTALL_HINT}`, 'unavailable');
		await run('pdftoppm', ['-v'], 20_000);
	})();
	checked.set(key, check);
	return check;
}

/** tesseract's TSV → words (level 5 rows with text), confidence 0–1. */
export function parseTesseractTsv(tsv: string): { width: number; height: number; words: OcrWord[] } {
	let width = 0;
	let height = 0;
	const words: OcrWord[] = [];
	for (const row of tsv.split('\n').slice(1)) {
		const c = row.split('\t');
		if (c.length < 12) continue;
		const [level, , block, par, line, , left, top, w, h, conf] = c.slice(0, 11).map(Number);
		if (level === 1) {
			width = w;
			height = h;
		}
		const text = c.slice(11).join('\t');
		if (level !== 5 || text.trim() === '' || conf < 0) continue;
		words.push({ text, left, top, width: w, height: h, confidence: conf / 100, line: `${block}.${par}.${line}` });
	}
	return { width, height, words };
}

/** Recognises one page image with tesseract. */
export async function recognise(image: string, opts: { languages: string; timeoutMs: number }): Promise<{ width: number; height: number; words: OcrWord[] }> {
	return parseTesseractTsv(await run('tesseract', [image, 'stdout', '-l', opts.languages, '--psm', '3', 'tsv'], opts.timeoutMs));
}

/** Renders one page of a PDF file to a grey PGM (uncompressed: PNG's compression of a noisy scan costs more than the OCR); returns its path. */
export async function renderPage(pdf: string, page: number, dpi: number, outBase: string, timeoutMs: number): Promise<string> {
	await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', '-f', String(page), '-l', String(page), pdf, outBase], timeoutMs);
	return `${outBase}.pgm`;
}

/**
 * Which pages of a PDF paint an image, from poppler's `pdfimages -list` (it lists the images
 * without decoding them; pdf.js would decode every image to find out). null when it cannot tell.
 */
export async function listImagePages(bytes: Uint8Array, timeoutMs = 20_000): Promise<Set<number> | null> {
	const dir = await mkdtemp(join(tmpdir(), 'kotokartta-img-'));
	try {
		const pdf = join(dir, 'in.pdf');
		await writeFile(pdf, bytes);
		const list = await run('pdfimages', ['-list', pdf], timeoutMs);
		const pages = new Set<number>();
		for (const line of list.split('\n').slice(2)) {
			const page = Number(/^\s*(\d+)\s/.exec(line)?.[1]);
			if (page > 0) pages.add(page);
		}
		return pages;
	} catch {
		return null;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

export function tesseractOcr(opts: TesseractOptions = {}): OcrFn {
	const dpi = opts.dpi ?? 200;
	const timeoutMs = (opts.pageSeconds ?? 60) * 1000;
	const languages = opts.languages ?? 'fin+swe';
	const log = opts.log === undefined ? (line: string) => process.stderr.write(line + '\n') : opts.log;
	return async (bytes, pages) => {
		await checkInstalled(languages);
		await opts.turn?.();
		const dir = await mkdtemp(join(tmpdir(), 'kotokartta-ocr-'));
		const pdf = join(dir, 'in.pdf');
		// The next page is rendered while tesseract reads this one. The render settles to a value (never
		// rejects) with its own duration, which counts against its page's time limit.
		const render = (page: number) => {
			const t0 = performance.now();
			return renderPage(pdf, page, dpi, join(dir, `p${page}`), timeoutMs).then(
				(path) => ({ path, ms: performance.now() - t0 }),
				(error: unknown) => ({ error })
			);
		};
		let next: ReturnType<typeof render> | null = null;
		try {
			await writeFile(pdf, bytes);
			const out: OcrOutcome[] = [];
			next = pages.length > 0 ? render(pages[0]) : null;
			for (const [i, page] of pages.entries()) {
				const current = next!;
				next = i + 1 < pages.length ? render(pages[i + 1]) : null;
				try {
					const rendered = await current;
					if ('error' in rendered) throw rendered.error;
					const t1 = performance.now();
					const read = await recognise(rendered.path, { languages, timeoutMs: Math.round(Math.max(1000, timeoutMs - rendered.ms)) });
					await rm(rendered.path, { force: true });
					const image: OcrPageImage = { ...read, seconds: (rendered.ms + performance.now() - t1) / 1000 };
					out.push({ page, image });
					const conf = image.words.length ? image.words.reduce((s, w) => s + w.confidence, 0) / image.words.length : 0;
					log?.(`  OCR page ${page} (${i + 1} of ${pages.length}): ${image.words.length} words, confidence ${conf.toFixed(2)}, ${image.seconds.toFixed(1)} s`);
				} catch (e) {
					if (e instanceof OcrError && e.code === 'unavailable') throw e;
					const error = e instanceof OcrError ? e : new OcrError(String((e as Error)?.message ?? e), 'failed');
					out.push({ page, error });
					log?.(`  OCR page ${page} (${i + 1} of ${pages.length}): not read (${error.message})`);
				}
			}
			return out;
		} finally {
			await next;
			await rm(dir, { recursive: true, force: true });
		}
	};
}
