/**
 * One reader process of the ingest's pool (ingest/pool.ts): reads one PDF at a time with pdf.js
 * (and OCR via tesseract child processes), derives its facts (ingest/enrich.ts) when the pool
 * asks it to (WorkerInit), so a pathological answer costs this file's time and memory limits,
 * never the batch's, and sends its outcome back over IPC. Started by the pool as a plain
 * JavaScript bundle (ingest/bundle.mjs), reused across files, killed by the pool when a file
 * breaks a limit. Anything that escapes a read (an unhandled rejection, an uncaught exception)
 * is charged to the file being read: the worker reports it and exits, and the pool starts a
 * fresh one.
 *
 * Test hook: KOTOKARTTA_TEST_CRASH_MARKER=<text>: a file whose bytes contain <text> makes the
 * worker leave a rejected promise nobody handles (as pdf.js does on some damaged files);
 * KOTOKARTTA_TEST_BALLAST=<text>:<MB>: a file whose bytes contain <text> makes the worker hold
 * <MB> of touched memory for a second while it reads (a file that costs that much). Only tests
 * set them.
 */
import { readFile } from 'node:fs/promises';
import { extractProgramme, type ExtractDeps, type PdfjsModule } from '../src/lib/programme/extract';
import { capFacts, type Enrichment } from '../src/lib/dataset/rows';
import { ProgrammeReadError, type Programme } from '../src/lib/programme/types';
import { readerEnricher } from './enrich';
import { nodeExtractDeps } from './pdfjs';
import { largestInflated } from './streams';
import type { ReadRequest, WorkerInit, WorkerMessage } from './pool';

let current: ReadRequest | null = null;
let depsPromise: Promise<ExtractDeps> | null = null;
let init: WorkerInit = { enrich: null };

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

/**
 * The dataset's part of the enrichment (the rest, e.g. evidence of the municipality, stays here),
 * capped here already (rows.ts capFacts) so that 100,000s of facts from a hostile answer never
 * reach the parent; none when the parent enriches.
 */
function enrich(programme: Programme, job: ReadRequest): Enrichment | undefined {
	if (!init.enrich) return undefined;
	const e = capFacts(readerEnricher(init.enrich)(programme, [], job.municipalityCodes ? { municipalityCodes: job.municipalityCodes } : undefined));
	return {
		municipalityCodes: e.municipalityCodes,
		municipalityConfidence: e.municipalityConfidence,
		completeness: e.completeness,
		responsibilities: e.responsibilities,
		languages: e.languages,
		cooperation: e.cooperation,
		warnings: e.warnings
	};
}

/**
 * The file's OCR turn (see ReaderPool: OCR turns), asked for once per file before its first OCR
 * page. Refused, the read ends early: `deferred` tells the pool to read the file again later.
 */
let turn: { id: number; state: 'granted' | 'refused' } | null = null;
const answers = new Map<number, (granted: boolean) => void>();
class OcrDeferred extends Error {}
const refused = (job: ReadRequest) => turn?.id === job.id && turn.state === 'refused';
async function ocrTurn(): Promise<void> {
	const job = current;
	if (!job) throw new OcrDeferred('no file');
	if (turn?.id !== job.id) {
		const granted = await new Promise<boolean>((ok) => {
			answers.set(job.id, ok);
			void send({ type: 'ocr-turn', id: job.id });
		});
		turn = { id: job.id, state: granted ? 'granted' : 'refused' };
	}
	if (turn.state === 'refused') throw new OcrDeferred('no OCR turn free');
}

async function read(job: ReadRequest): Promise<WorkerMessage> {
	depsPromise ??= nodeExtractDeps(ocrTurn);
	const deps = await depsPromise;
	// A path in bytes arrives over IPC as a Uint8Array: the file system wants a Buffer.
	const bytes = new Uint8Array(await readFile(typeof job.path === 'string' ? job.path : Buffer.from(job.path)));
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
	// No OCR turn was free: the file is read again (see below), so its facts need not be derived now.
	if (refused(job)) return { type: 'done', id: job.id, result: { kind: 'deferred' } };
	let enrichment;
	try {
		enrichment = enrich(programme, job);
	} catch (e) {
		const reason = `The programme was read, but deriving its facts failed unexpectedly (${(e as Error)?.message ?? e}); this is a bug, please report it with the file.`;
		return { type: 'done', id: job.id, result: { kind: 'error', bytes: bytes.length, code: 'unreadable', reason } };
	}
	return { type: 'done', id: job.id, result: { kind: 'programme', bytes: bytes.length, programme, enrichment } };
}

process.on('message', async (message: ReadRequest | WorkerInit | { type: 'ocr-turn'; id: number; granted: boolean }) => {
	if ('type' in message) {
		answers.get(message.id)?.(message.granted);
		answers.delete(message.id);
		return;
	}
	if (!('id' in message)) {
		init = message;
		return;
	}
	const job = message;
	current = job;
	turn = null;
	let reply: WorkerMessage;
	try {
		reply = await read(job);
	} catch (e) {
		// Not a PDF problem: the file could not be read from disk (e.g. removed since it was hashed).
		reply = { type: 'done', id: job.id, result: { kind: 'error', bytes: null, code: 'unreadable-file', reason: `The file could not be read (${(e as Error).message}).` } };
	}
	// Let rejections the read left behind surface while this file is still the current one.
	await new Promise((ok) => setImmediate(ok));
	await new Promise((ok) => setTimeout(ok, 0));
	if (current !== job) return; // escaped() already reported it
	current = null;
	// No OCR turn was free: whatever the read gave without OCR is dropped, the pool reads the file again.
	if (refused(job)) reply = { type: 'done', id: job.id, result: { kind: 'deferred' } };
	await send(reply);
});

void send({ type: 'ready' });
