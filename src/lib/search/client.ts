/**
 * The page's handle on search: runs the index in a Web Worker when it can, on the main thread
 * when it cannot (no Worker, the worker fails to start or crashes). Same answers either way.
 *
 * Typing sends many queries; only the latest matters. At most one query is in flight and one
 * waits; a waiting query that a newer one replaces resolves to null.
 */
import type { SearchResult } from './engine';
import type { SearchableAnswer } from './passages';
import { createSearchHandler, type SearchRequest, type SearchResponse } from './protocol';

export type SearchMode = 'worker' | 'main-thread';

export interface BuildInfo {
	passages: number;
	/** Time to build the index, in milliseconds. */
	ms: number;
	mode: SearchMode;
}

export interface TimedSearchResult extends SearchResult {
	/** Time the search took where it ran, in milliseconds. */
	ms: number;
	mode: SearchMode;
}

export interface SearchQuery {
	query: string;
	/** The filtered programmes, or null for all. */
	programmeIds?: readonly string[] | null;
	/** Most programmes, and most hits per programme (see SearchOptions). */
	limit?: number;
	perProgramme?: number;
}

export interface SearchClient {
	/** Where the index lives now (changes to 'main-thread' if the worker fails). */
	readonly mode: SearchMode;
	/** Resolves once the index is built. */
	readonly ready: Promise<BuildInfo>;
	/** Resolves with the result, or null when a newer query replaced this one before it ran. */
	search(query: SearchQuery): Promise<TimedSearchResult | null>;
	dispose(): void;
}

/** The minimal Worker surface we use (so tests can pass a fake). */
export interface WorkerLike {
	postMessage(message: SearchRequest): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<SearchResponse>) => void): void;
	addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
	terminate(): void;
}

export interface SearchClientOptions {
	/** Makes the worker; null forces the main thread. Default: the bundled search worker. */
	worker?: (() => WorkerLike) | null;
}

/** The bundled worker (Vite turns this into a separate, same-origin chunk). */
export function createSearchWorker(): WorkerLike {
	return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
}

interface Pending {
	request: Extract<SearchRequest, { type: 'search' }>;
	resolve: (result: TimedSearchResult | null) => void;
	reject: (error: Error) => void;
}

export function createSearchClient(answers: SearchableAnswer[], options: SearchClientOptions = {}): SearchClient {
	const makeWorker =
		options.worker === undefined ? (typeof Worker === 'undefined' ? null : createSearchWorker) : options.worker;

	let mode: SearchMode = 'main-thread';
	let worker: WorkerLike | null = null;
	let local: ((request: SearchRequest) => SearchResponse) | null = null;
	let disposed = false;
	let nextId = 1;
	let inFlight: Pending | null = null;
	let waiting: Pending | null = null;
	let resolveReady!: (info: BuildInfo) => void;
	let rejectReady!: (error: Error) => void;
	let built = false;
	const ready = new Promise<BuildInfo>((resolve, reject) => {
		resolveReady = resolve;
		rejectReady = reject;
	});
	// A page may never await `ready`; do not report its failure as unhandled.
	ready.catch(() => {});

	function settle(response: SearchResponse): void {
		if (response.type === 'built') {
			built = true;
			resolveReady({ passages: response.passages, ms: response.ms, mode });
			pump();
			return;
		}
		if (response.type === 'error' && response.id === null) {
			if (!built) rejectReady(new Error(response.message));
			return;
		}
		const done = inFlight;
		if (!done || done.request.id !== response.id) return;
		inFlight = null;
		if (response.type === 'result') done.resolve({ ...response.result, ms: response.ms, mode });
		else done.reject(new Error(response.message));
		pump();
	}

	function pump(): void {
		if (disposed || !built || inFlight || !waiting) return;
		inFlight = waiting;
		waiting = null;
		if (worker) {
			worker.postMessage(inFlight.request);
		} else {
			const request = inFlight.request;
			// Yield first so the page can paint the keystroke before a main-thread search.
			setTimeout(() => {
				if (!disposed && local) settle(local(request));
			}, 0);
		}
	}

	function runLocally(): void {
		worker?.terminate();
		worker = null;
		mode = 'main-thread';
		local = createSearchHandler();
		const handler = local;
		setTimeout(() => {
			if (disposed) return;
			if (!built) {
				settle(handler({ type: 'build', answers }));
			} else {
				// The worker died with the index: rebuild here, then redo the query it was running.
				handler({ type: 'build', answers });
				if (inFlight) {
					const again = inFlight;
					inFlight = null;
					if (!waiting) waiting = again;
					else again.resolve(null);
				}
				pump();
			}
		}, 0);
	}

	if (makeWorker) {
		try {
			worker = makeWorker();
			mode = 'worker';
			worker.addEventListener('message', (event) => settle(event.data));
			const fail = () => {
				if (!disposed && worker) runLocally();
			};
			worker.addEventListener('error', fail);
			worker.addEventListener('messageerror', fail);
			worker.postMessage({ type: 'build', answers });
		} catch {
			runLocally();
		}
	} else {
		runLocally();
	}

	return {
		get mode() {
			return mode;
		},
		ready,
		search(query) {
			if (disposed) return Promise.reject(new Error('The search was closed.'));
			return new Promise<TimedSearchResult | null>((resolve, reject) => {
				const request: Pending['request'] = {
					type: 'search',
					id: nextId++,
					query: query.query,
					programmeIds: query.programmeIds ? [...query.programmeIds] : null,
					limit: query.limit,
					perProgramme: query.perProgramme
				};
				waiting?.resolve(null);
				waiting = { request, resolve, reject };
				pump();
			});
		},
		dispose() {
			disposed = true;
			worker?.terminate();
			worker = null;
			waiting?.resolve(null);
			inFlight?.resolve(null);
			waiting = inFlight = null;
			if (!built) rejectReady(new Error('The search was closed.'));
		}
	};
}
