/**
 * The ingest's reader pool: each PDF is read, and its facts derived, in a worker process
 * (ingest/read-worker.ts), as many at once as there are cores, so one file can only ever cost
 * itself. Each worker is the leader of its own process group (its tesseract children belong to
 * it) and runs under limits:
 * - wall time per file: the whole group is killed (SIGKILL) when it runs over;
 * - memory: V8's heap is capped (--max-old-space-size), and the resident memory of the worker and
 *   its descendants (tesseract, pdftoppm; from /proc) is polled; over the limit the group is killed.
 *   This is also the backstop for decompression bombs (pdf.js decodes streams into buffers
 *   outside the V8 heap) that the decompressed-bytes cap below does not see.
 *   The readers together stay under a budget too (poolMemoryMb): when they go over it, the
 *   biggest idle reader is retired; else the biggest file becomes the heavy one, which may
 *   grow up to its own limit, and the files beside it are stopped and read again later (no
 *   other file starts while the heavy one leaves less than HEADROOM of the budget). So a
 *   file's outcome never depends on what was read beside it, and no progress of a big file
 *   is thrown away. OCR has turns of its own (see `ocrTurns`);
 * - pages: a document whose page count is over the cap is refused before any page is read;
 * - decompressed bytes: a stream that inflates to more than the cap is refused before pdf.js
 *   reads the file (ingest/streams.ts; bombs end in a second instead of 10–30 s).
 * A killed or crashed worker is replaced by a fresh one; the file becomes an error outcome.
 * Workers are reused across files, and run as one JavaScript bundle without tsx
 * (./bundle.mjs): start-up and pdf.js loading then cost ~0.3 s and ~90 MB, not ~2 s and ~230 MB.
 * Workers also enrich what they read (WorkerInit, ingest/enrich.ts), so the enrichment runs on
 * every core too, under the limits of its file.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type { Enrichment } from '../src/lib/dataset/rows';
import type { Programme } from '../src/lib/programme/types';
import { bundle } from './bundle.mjs';
import type { ReaderEnrichment } from './enrich';
import { terminalSafe } from './names';

export interface ReadLimits {
	/** Worker processes (default: os.availableParallelism()). */
	jobs: number;
	/** Wall time per file, seconds (default 300). */
	maxSeconds: number;
	/** Memory per file: V8 heap and the resident memory of the worker and its children, MB (default 1024). */
	maxMemoryMb: number;
	/** Pages per document (default 2000). */
	maxPages: number;
	/** File size, MB (default 100; checked before the file is read). */
	maxFileMb: number;
	/** What one stream may decompress to, MB (default 256; checked before pdf.js reads the file). */
	maxStreamMb: number;
	/** All readers together, MB (default: poolMemoryMb). */
	maxPoolMemoryMb?: number;
	/** Files a reader reads before a fresh one takes its place (default FILES_PER_READER). */
	filesPerReader?: number;
}

/**
 * Memory for all readers together (MB): the limit per file, or 512 MB per reader when that is
 * more. With the defaults on two cores, 1 GB: the ingest as a whole stays near 1.5 GB at worst.
 */
export function poolMemoryMb(limits: Pick<ReadLimits, 'jobs' | 'maxMemoryMb' | 'maxPoolMemoryMb'>): number {
	return limits.maxPoolMemoryMb ?? Math.max(limits.maxMemoryMb, 512 * limits.jobs);
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = {
	jobs: availableParallelism(),
	maxSeconds: 300,
	maxMemoryMb: 1024,
	maxPages: 2000,
	maxFileMb: 100,
	maxStreamMb: 256
};

export interface ReadRequest {
	id: number;
	/** Bytes when the name is not valid UTF-8 (./walk.ts). */
	path: string | Uint8Array;
	maxPages: number;
	maxStreamMb: number;
	/** The user's municipality for this file (ingest --municipality), for the enrichment. */
	municipalityCodes?: readonly string[];
}

/** Sent once to each worker before any file: what else it does with a programme it read. */
export interface WorkerInit {
	/** Enrich each programme in the reader (ingest/enrich.ts) with this reference data; null: the parent enriches. */
	enrich: ReaderEnrichment | null;
}

/** What a worker read from one file (the parent turns it into a FileOutcome). */
export type ReadResult =
	| { kind: 'programme'; bytes: number; programme: Programme; enrichment?: Enrichment }
	| { kind: 'error'; bytes: number | null; code: string; reason: string }
	| { kind: 'limit-pages'; bytes: number; pages: number }
	| { kind: 'limit-stream'; bytes: number }
	/** The file needs OCR and no turn was free: the pool reads it again when one is (see ReaderPool). */
	| { kind: 'deferred' };

export type WorkerMessage =
	| { type: 'ready' }
	| { type: 'done'; id: number; result: ReadResult }
	| { type: 'escaped'; id: number; error: string }
	/** A file about to be read by OCR asks for an OCR turn (see ReaderPool); answered with `granted`. */
	| { type: 'ocr-turn'; id: number };

/** A file the pool could not read to the end, with its ingest_log code and reason. */
export interface PoolFailure {
	kind: 'failed';
	code: 'limit-time' | 'limit-memory' | 'worker-crashed';
	reason: string;
}

const WORKER_TS = join(import.meta.dirname, 'read-worker.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PAGE_SIZE = 4096;
const POLL_MS = 50;
/** Budget left free before another file starts beside a heavy one: room for an ordinary reader. */
const HEADROOM = 512 * 1024 * 1024;

interface Job {
	request: ReadRequest;
	resolve: (r: ReadResult | PoolFailure) => void;
	/** See ReaderPool.read. */
	hint: ReadHint;
	/** Stopped beside a heavy file: it starts again only when no file is heavy (so it is stopped at most once per heavy file). */
	stopped?: boolean;
}

/** What the parent guesses about a file before it is read; it orders the reading only, never the outcome. */
export interface ReadHint {
	/** Bigger first (the slow files start early instead of ending the batch on one busy reader). */
	size: number;
	/** Probably has scanned pages (it names image objects): first, as OCR is the slowest part. */
	ocr: boolean;
	/** Known to need OCR (it was deferred once): started only with an OCR turn reserved for it. */
	needsTurn?: boolean;
}

/** Why the pool ended a reader: a file's failure, or for the budget (its file is read again later, or it was idle). */
type KillReason = PoolFailure | { kind: 'requeue' } | { kind: 'retire' };

interface Worker {
	child: ChildProcess;
	tmp: string;
	ready: Promise<void>;
	job: Job | null;
	timer: NodeJS.Timeout | null;
	/** Why the pool killed it, if it did. */
	killedFor: KillReason | null;
	stderrTail: string;
	/** Resident memory of the worker and its descendants at the last poll, bytes. */
	rss: number;
	/** Files it has finished. */
	files: number;
}

/**
 * Files a reader reads before it is replaced by a fresh one. A reader's memory creeps up with the
 * files it has read (V8's heap and pdf.js's caches settle higher and higher: ~180 MB after the
 * demo corpus's ~140 files each, up to ~215 MB after ~1,400 at 10×), so a corpus ten times larger
 * would need more memory without this. 256 leaves the demo corpus's two readers alone (a fresh
 * reader costs ~0.3 s of a core) and holds a long corpus's readers near where the demo leaves them.
 */
export const FILES_PER_READER = 256;

/**
 * Resident bytes of a process and all its descendants (the worker, its tesseract and pdftoppm
 * and whatever they start), from /proc (Linux; 0 elsewhere). Walks /proc/PID/task/TID/children
 * instead of scanning every process on the machine: a few reads per poll, not hundreds.
 */
export function treeRss(pid: number): number {
	let total = 0;
	const todo = [pid];
	for (let seen = 0; todo.length > 0 && seen < 10_000; seen++) {
		const p = todo.pop()!;
		try {
			// statm: size resident shared … in pages.
			total += Number(readFileSync(`/proc/${p}/statm`, 'latin1').split(' ')[1]) * PAGE_SIZE;
			for (const tid of readdirSafe(`/proc/${p}/task`)) {
				for (const child of readFileSync(`/proc/${p}/task/${tid}/children`, 'latin1').split(' ')) if (child.trim() !== '') todo.push(Number(child));
			}
		} catch {
			// the process ended meanwhile
		}
	}
	return total;
}

function readdirSafe(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}

export class ReaderPool {
	private readonly workers = new Set<Worker>();
	private readonly idle: Worker[] = [];
	private readonly queue: Job[] = [];
	/** The reader whose file the budget lets grow up to the limit per file (see the header). */
	private heavy: Worker | null = null;
	/** Readers ended for the budget: files stopped beside a heavy one (and read again), idle readers retired. */
	readonly stats = { requeued: 0, retired: 0 };
	private readonly budget: number;
	private poller: NodeJS.Timeout | null = null;
	private closed = false;
	private readonly onExit = () => this.killAll();

	/** `bundle`: the worker as JavaScript (./bundle.mjs), or null to run its TypeScript under tsx. */
	private constructor(
		private readonly limits: ReadLimits,
		private readonly init: WorkerInit,
		private readonly bundle: string | null
	) {
		this.budget = poolMemoryMb(limits) * 1024 * 1024;
		this.ocrTurns = Math.max(1, Math.floor(limits.jobs / 2));
		process.on('exit', this.onExit);
	}

	static async open(limits: ReadLimits, init: WorkerInit = { enrich: null }): Promise<ReaderPool> {
		return new ReaderPool(limits, init, await bundle('ingest/read-worker.ts'));
	}

	/** Files wait in order of the hint: likely scans first, then by size, ties in the order given. */
	read(path: string | Uint8Array, id: number, municipalityCodes?: readonly string[], hint: ReadHint = { size: 0, ocr: false }): Promise<ReadResult | PoolFailure> {
		return new Promise((resolve) => {
			const request: ReadRequest = { id, path, maxPages: this.limits.maxPages, maxStreamMb: this.limits.maxStreamMb, ...(municipalityCodes ? { municipalityCodes } : {}) };
			this.enqueue({ request, resolve, hint });
		});
	}

	private enqueue(job: Job): void {
		const before = (a: ReadHint, b: ReadHint) => (a.ocr !== b.ocr ? a.ocr : a.size > b.size);
		let at = this.queue.length;
		while (at > 0 && before(job.hint, this.queue[at - 1].hint)) at--;
		this.queue.splice(at, 0, job);
		this.pump();
	}

	private pump(): void {
		while (this.queue.length > 0 && !this.closed) {
			// Beside a heavy file, another starts only while the budget has room for it (as of the last poll).
			if (this.heavy && this.budget - [...this.workers].reduce((sum, w) => sum + (w.killedFor ? 0 : w.rss), 0) < HEADROOM) return;
			// Not one already stopped beside the heavy file; a file known to need OCR waits for a free
			// turn; every other file goes meanwhile.
			const next = this.queue.findIndex((j) => !(this.heavy && j.stopped) && (!j.hint.needsTurn || this.ocrHolders.size < this.ocrTurns));
			if (next < 0) return;
			let w = this.idle.pop();
			if (!w && this.workers.size < this.limits.jobs) w = this.start();
			if (!w) return;
			const job = this.queue.splice(next, 1)[0];
			if (job.hint.needsTurn) this.ocrHolders.add(w);
			this.dispatch(w, job);
		}
	}

	private start(): Worker {
		const tmp = mkdtempSync(join(tmpdir(), 'kotokartta-reader-'));
		const heap = `--max-old-space-size=${this.limits.maxMemoryMb}`;
		const child = fork(this.bundle ?? WORKER_TS, [], {
			// Half V8's default young generation: ~20 MB less per reader; smaller ones (1 MB) cost ~20 % more CPU in GC.
			// A fixed heap growing factor (3×): V8 derives the factor from the heap cap, and under a 2 GB cap
			// it grows the old generation by so little over a reader's ~40 MB live heap that it ran a full GC
			// every file or two (445 for the demo corpus instead of ~16), more than half the reader's CPU.
			execArgv: [...(this.bundle ? [] : ['--import', TSX]), heap, '--max-semi-space-size=8', '--heap-growing-percent=200'],
			// Its own process group, so a kill takes tesseract with it; its own temp dir, removed after it.
			detached: true,
			stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
			serialization: 'advanced',
			env: { ...process.env, TMPDIR: tmp }
		});
		let ready!: () => void;
		const w: Worker = {
			child,
			tmp,
			ready: new Promise((ok) => (ready = ok)),
			job: null,
			timer: null,
			killedFor: null,
			stderrTail: '',
			rss: 0,
			files: 0
		};
		// What a reader prints (OCR progress, a crash report) goes on to the terminal, made safe line by line.
		const text = new StringDecoder('utf8');
		child.stderr!.on('data', (chunk: Buffer) => {
			const s = text.write(chunk);
			process.stderr.write(s.split('\n').map(terminalSafe).join('\n'));
			w.stderrTail = (w.stderrTail + s).slice(-4000);
		});
		child.on('message', (m: WorkerMessage) => {
			if (m.type === 'ready') return ready();
			const job = w.job;
			if (!job || m.id !== job.request.id) return;
			if (m.type === 'ocr-turn') {
				const granted = this.ocrHolders.has(w) || this.ocrHolders.size < this.ocrTurns;
				if (granted) this.ocrHolders.add(w);
				if (w.child.connected) w.child.send({ type: 'ocr-turn', id: m.id, granted });
				return;
			}
			if (m.type === 'done') {
				if (m.result.kind === 'deferred') {
					// Read again once a turn is free (reserved for it then); the reader takes other files meanwhile.
					this.finish(w, null);
					this.enqueue({ ...job, hint: { ...job.hint, ocr: true, needsTurn: true } });
				} else this.finish(w, m.result);
				// A reader being ended (its exit is on the way) takes no further file. One that a big
				// file left with half the limit resident (V8 keeps its heap) is retired, not kept idle:
				// it would push the readers over their budget and get a small file stopped. So is one that
				// has read its share of files (FILES_PER_READER).
				if (!this.closed && !w.killedFor) {
					w.files++;
					const worn = w.files >= (this.limits.filesPerReader ?? FILES_PER_READER);
					if (worn || w.rss > (this.limits.maxMemoryMb * 1024 * 1024) / 2) this.end(w, { kind: 'retire' });
					else this.idle.push(w);
					this.pump();
				}
			} else this.finish(w, { kind: 'failed', code: 'worker-crashed', reason: `Reading the file crashed its reader process (${m.error}); the file may be damaged.` });
		});
		child.on('error', () => undefined); // a failed kill or send; 'exit' follows
		child.send(this.init);
		child.on('exit', (code, signal) => this.exited(w, code, signal));
		this.workers.add(w);
		this.ensurePoller();
		return w;
	}

	private dispatch(w: Worker, job: Job): void {
		w.job = job;
		w.timer = setTimeout(
			() => this.kill(w, { kind: 'failed', code: 'limit-time', reason: `Reading took longer than the time limit of ${this.limits.maxSeconds} s per file (--max-seconds); it was stopped.` }),
			this.limits.maxSeconds * 1000
		);
		// Started on dispatch, so worker start-up counts against the first file's time too (it is short).
		void w.ready.then(() => {
			if (w.job === job && w.child.connected) w.child.send(job.request);
		});
	}

	/** Ends the worker's current file (`null`: without an outcome, the file goes back to the queue) and frees its OCR turn. */
	private finish(w: Worker, result: ReadResult | PoolFailure | null): void {
		const job = w.job;
		if (w.timer) clearTimeout(w.timer);
		w.timer = null;
		w.job = null;
		if (this.heavy === w) this.heavy = null;
		this.ocrHolders.delete(w);
		if (job && result) job.resolve(result);
	}

	/**
	 * OCR turns: a file's OCR (pdftoppm and tesseract, ~70 MB a page) runs only with a turn, held
	 * until the file is done, and the pool has half as many turns as readers (at least one), so the
	 * batch's peak memory does not grow by a tesseract per reader when scans come together. A file
	 * that finds no turn free is not waited on: its reader drops it and takes the next file, and
	 * it is read again later with a turn reserved for it (the pages before OCR are read twice;
	 * they are cheap next to OCR).
	 */
	private readonly ocrTurns: number;
	private readonly ocrHolders = new Set<Worker>();

	private kill(w: Worker, why: PoolFailure): void {
		this.end(w, why);
	}

	private end(w: Worker, why: KillReason): void {
		if (w.killedFor) return;
		w.killedFor = why;
		if (why.kind === 'requeue') this.stats.requeued++;
		if (why.kind === 'retire') this.stats.retired++;
		const i = this.idle.indexOf(w);
		if (i >= 0) this.idle.splice(i, 1);
		try {
			process.kill(-w.child.pid!, 'SIGKILL');
		} catch {
			w.child.kill('SIGKILL');
		}
	}

	private exited(w: Worker, code: number | null, signal: NodeJS.Signals | null): void {
		this.workers.delete(w);
		this.ocrHolders.delete(w);
		const i = this.idle.indexOf(w);
		if (i >= 0) this.idle.splice(i, 1);
		// Its children may outlive it (the group leader died alone): end them and its temp files.
		try {
			process.kill(-w.child.pid!, 'SIGKILL');
		} catch {
			// no one left
		}
		rmSync(w.tmp, { recursive: true, force: true });
		if (this.heavy === w) this.heavy = null;
		if (w.job && w.killedFor?.kind === 'requeue') {
			// Stopped for the budget, beside a heavy file, not for anything it did: read it again, first.
			if (w.timer) clearTimeout(w.timer);
			w.timer = null;
			this.queue.unshift({ ...w.job, stopped: true });
			w.job = null;
		} else if (w.job) {
			const heap = /heap limit|JavaScript heap out of memory|Allocation failed/i.test(w.stderrTail);
			const killed = w.killedFor?.kind === 'failed' ? w.killedFor : null;
			this.finish(
				w,
				killed ??
					(heap
						? this.overMemory()
						: {
								kind: 'failed',
								code: 'worker-crashed',
								reason: `Reading the file crashed its reader process (${signal ? `signal ${signal}` : `exit code ${code}`}); the file may be damaged.`
							})
			);
		}
		if (this.workers.size === 0 && this.poller) {
			clearInterval(this.poller);
			this.poller = null;
		}
		this.pump();
	}

	private ensurePoller(): void {
		if (this.poller) return;
		const limit = this.limits.maxMemoryMb * 1024 * 1024;
		this.poller = setInterval(() => {
			const live = [...this.workers].filter((w) => !w.killedFor).map((w) => ({ w, rss: (w.rss = treeRss(w.child.pid!)) }));
			for (const { w, rss } of live) if (w.job && rss > limit) this.kill(w, this.overMemory());
			if (live.reduce((sum, x) => sum + x.rss, 0) <= this.budget) {
				if (this.heavy) this.pump(); // the heavy file may have left room since
				return;
			}
			// Over the readers' budget: end the biggest idle reader; else the biggest file is (or stays)
			// the heavy one and the files beside it are stopped, to be read again.
			const byRss = (list: typeof live) => list.filter((x) => !x.w.killedFor).sort((a, b) => b.rss - a.rss);
			const idle = byRss(live.filter((x) => !x.w.job))[0]?.w;
			if (idle) return this.end(idle, { kind: 'retire' });
			const busy = byRss(live.filter((x) => x.w.job));
			this.heavy ??= busy[0]?.w ?? null;
			for (const { w } of busy) if (w !== this.heavy) this.end(w, { kind: 'requeue' });
		}, POLL_MS);
		this.poller.unref();
	}

	/** A file over the memory limit, by V8's heap cap or by the group's resident memory. */
	private overMemory(): PoolFailure {
		return {
			kind: 'failed',
			code: 'limit-memory',
			reason: `Reading needed more than the memory limit of ${this.limits.maxMemoryMb} MB (--max-memory-mb; the reader and its OCR processes together); it was stopped.`
		};
	}

	private killAll(): void {
		for (const w of this.workers) {
			try {
				process.kill(-w.child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
			rmSync(w.tmp, { recursive: true, force: true });
		}
	}

	/** Ends every worker (after the last file); resolves when they have exited. */
	async close(): Promise<void> {
		this.closed = true;
		const exits = [...this.workers].map((w) => new Promise<void>((ok) => (w.child.exitCode !== null || w.child.signalCode !== null ? ok() : w.child.once('exit', () => ok()))));
		for (const w of this.workers) if (w.child.connected) w.child.disconnect();
		await Promise.all(exits);
		process.off('exit', this.onExit);
		if (this.poller) clearInterval(this.poller);
		this.poller = null;
	}
}
