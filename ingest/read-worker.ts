/**
 * One reader process of the ingest's pool (ingest/pool.ts): reads one PDF at a time with pdf.js
 * (and OCR via tesseract child processes), derives its facts (ingest/enrich.ts) when asked, and
 * sends the outcome back over IPC. Started by the
 * pool with `node --import tsx`, reused across files, killed by the pool when a file breaks a
 * limit. Anything that escapes a read (an unhandled rejection, an uncaught exception) is charged
 * to the file being read: the worker reports it and exits, and the pool starts a fresh one.
 *
 * Test hook: KOTOKARTTA_TEST_CRASH_MARKER=<text>: a file whose bytes contain <text> makes the
 * worker leave a rejected promise nobody handles (as pdf.js does on some damaged files);
 * KOTOKARTTA_TEST_BALLAST=<text>:<MB>: a file whose bytes contain <text> makes the worker hold
 * <MB> of touched memory for a second while it reads (a file that costs that much). Only tests
 * set them.
 */
import { readFile } from 'node:fs/promises';
import { extractProgramme, type ExtractDeps, type PdfjsModule } from '../src/lib/programme/extract';
import { ProgrammeReadError } from '../src/lib/programme/types';
import { capFacts } from '../src/lib/dataset/rows';
import { readerEnricher } from './enrich';
import { nodeExtractDeps } from './pdfjs';
import { largestInflated } from './streams';
import type { ReadRequest, WorkerMessage } from './pool';

let current: ReadRequest | null = null;
let depsPromise: Promise<ExtractDeps> | null = null;

function send(message: WorkerMessage): Promise<void> {
	return new Promise((ok) => {
		if (!process.send || !process.connected) return ok();
		process.send(message, undefined, undefined, () => ok());
	});
}

/** Escaped errors: the file being read gets the blame, then this process ends (its state is unknown). */
function escaped(kind: string, e: unknown): void {
	const text = e instanceof Error ? e.message : String(e);
	const job = current;
	current = null;
	void send({ type: 'escaped', id: job?.id ?? -1, error: `${kind}: ${text}` }).finally(() => process.exit(70));
}
process.on('unhandledRejection', (e) => escaped('unhandled rejection', e));
process.on('uncaughtException', (e) => escaped('uncaught exception', e));
// The parent is gone: nothing to report to.
process.on('disconnect', () => process.exit(0));

class PageLimitError extends Error {}

/** pdf.js with a page cap: the document is refused once loaded, before any page is read. */
function cappedPdfjs(pdfjs: PdfjsModule, maxPages: number, hit: { pages: number | null }): PdfjsModule {
	return {
		...pdfjs,
		getDocument(src) {
			const task = pdfjs.getDocument(src);
			return {
				promise: task.promise.then((doc) => {
					if (doc.numPages > maxPages) {
						hit.pages = doc.numPages;
						throw new PageLimitError(`${doc.numPages} pages`);
					}
					return doc;
				}),
				destroy: () => task.destroy()
			};
		}
	};
}

async function read(job: ReadRequest): Promise<WorkerMessage> {
	depsPromise ??= nodeExtractDeps();
	const deps = await depsPromise;
	const bytes = new Uint8Array(await readFile(job.path));
	const marker = process.env.KOTOKARTTA_TEST_CRASH_MARKER;
	if (marker && Buffer.from(bytes).includes(marker)) void Promise.reject(new Error('test hook: a rejected promise nobody handles'));
	const [ballastMarker, ballastMb] = (process.env.KOTOKARTTA_TEST_BALLAST ?? '').split(':');
	let ballast: Buffer | null = null;
	if (ballastMarker && Buffer.from(bytes).includes(ballastMarker)) {
		ballast = Buffer.alloc(Number(ballastMb) * 1024 * 1024, 1);
		await new Promise((ok) => setTimeout(ok, 1000));
	}
	if ((await largestInflated(bytes, job.maxStreamMb * 1024 * 1024)) > job.maxStreamMb * 1024 * 1024)
		return { type: 'done', id: job.id, result: { kind: 'limit-stream', bytes: bytes.length } };
	const hit = { pages: null as number | null };
	let programme;
	try {
		programme = await extractProgramme(bytes, { ...deps, pdfjs: cappedPdfjs(deps.pdfjs, job.maxPages, hit) });
	} catch (e) {
		if (hit.pages !== null) return { type: 'done', id: job.id, result: { kind: 'limit-pages', bytes: bytes.length, pages: hit.pages } };
		if (e instanceof ProgrammeReadError) return { type: 'done', id: job.id, result: { kind: 'error', bytes: bytes.length, code: e.code, reason: e.reason } };
		return {
			type: 'done',
			id: job.id,
			result: { kind: 'error', bytes: bytes.length, code: 'unreadable', reason: `Reading failed unexpectedly: ${(e as Error)?.message ?? e}` }
		};
	}
	ballast = null;
	if (!job.enrich) return { type: 'done', id: job.id, result: { kind: 'programme', bytes: bytes.length, programme } };
	try {
		// Capped here already, so that 100,000s of facts from a hostile answer never reach the parent.
		const enrichment = capFacts(readerEnricher(job.enrich.config)(programme, [], job.enrich.municipalityCodes ? { municipalityCodes: job.enrich.municipalityCodes } : undefined));
		return { type: 'done', id: job.id, result: { kind: 'programme', bytes: bytes.length, programme, enrichment } };
	} catch (e) {
		return {
			type: 'done',
			id: job.id,
			result: { kind: 'error', bytes: bytes.length, code: 'unreadable', reason: `The programme was read, but deriving its facts failed unexpectedly (${(e as Error)?.message ?? e}).` }
		};
	}
}

process.on('message', async (job: ReadRequest) => {
	current = job;
	let message: WorkerMessage;
	try {
		message = await read(job);
	} catch (e) {
		// Not a PDF problem: the file could not be read from disk (e.g. removed since it was hashed).
		message = { type: 'done', id: job.id, result: { kind: 'error', bytes: null, code: 'unreadable-file', reason: `The file could not be read (${(e as Error).message}).` } };
	}
	// Let rejections the read left behind surface while this file is still the current one.
	await new Promise((ok) => setImmediate(ok));
	await new Promise((ok) => setTimeout(ok, 0));
	if (current !== job) return; // escaped() already reported it
	current = null;
	await send(message);
});

void send({ type: 'ready' });
