/**
 * The page's handle on search: runs the index in a Web Worker when it can, on the main thread
 * when it cannot (no Worker, the worker fails to start or crashes). Same answers either way.
 *
 * Typing sends many queries; only the latest matters. At most one query is in flight and one
 * waits; a waiting query that a newer one replaces resolves to null. The same query asked again
 * (the page asking for what was already started for it, see prestartSearch) shares the one
 * answer instead of running twice.
 */
import type { SearchResult } from './engine';
import type { SearchFileProgramme } from './packed';
import type { SearchableAnswer } from './passages';
import { createSearchHandler, type SearchRequest, type SearchResponse } from './protocol';
import searchWorkerUrl from './search.worker.ts?worker&url';

export type SearchMode = 'worker' | 'main-thread';

export interface BuildInfo {
	passages: number;
	/** Time to build the index (from a file: to fetch it too), in milliseconds. */
	ms: number;
	mode: SearchMode;
	/** The search file's programmes (a client made from a file's URL). */
	programmes?: SearchFileProgramme[];
}

/** What the index is built from: answers, or the URL of the search file (packed.ts), fetched where the index lives. */
export type SearchSource = SearchableAnswer[] | { url: string };

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
	/** A query to run as soon as the index is built (the page's first, known from its URL). */
	initial?: SearchQuery | null;
	/**
	 * The worker was sent the build request already (the page head's script, searchHeadScript),
	 * and these are the responses it gave before the client listened.
	 */
	started?: { responses: SearchResponse[] };
}

/** The bundled worker's URL (Vite turns it into a separate, same-origin chunk). */
export const SEARCH_WORKER_URL: string = searchWorkerUrl;

/** The bundled worker. */
export function createSearchWorker(): WorkerLike {
	return new Worker(searchWorkerUrl, { type: 'module', name: 'search' });
}

interface Pending {
	request: Extract<SearchRequest, { type: 'search' }>;
	/** The request's query and options (equal keys: the same answer). */
	key: string;
	/** Everyone waiting for this answer (a repeated query joins the one in flight). */
	resolve: ((result: TimedSearchResult | null) => void)[];
	reject: ((error: Error) => void)[];
}

const keyOf = (r: Pending['request']): string => JSON.stringify([r.query, r.programmeIds, r.limit ?? null, r.perProgramme ?? null]);

const resolveAll = (p: Pending | null, result: TimedSearchResult | null) => p?.resolve.forEach((f) => f(result));

export function createSearchClient(source: SearchSource, options: SearchClientOptions = {}): SearchClient {
	const buildRequest: SearchRequest = Array.isArray(source) ? { type: 'build', answers: source } : { type: 'load', url: source.url };
	const makeWorker =
		options.worker === undefined ? (typeof Worker === 'undefined' ? null : createSearchWorker) : options.worker;

	let mode: SearchMode = 'main-thread';
	let worker: WorkerLike | null = null;
	let local: ((request: SearchRequest) => SearchResponse | Promise<SearchResponse>) | null = null;
	let disposed = false;
	let nextId = 1;
	let inFlight: Pending | null = null;
	let waiting: Pending | null = null;
	/** The last answer, for the same query asked again. */
	let last: { key: string; result: TimedSearchResult } | null = null;
	const initialKey = options.initial ? keyOf({ type: 'search', id: 0, ...options.initial, programmeIds: options.initial.programmeIds ? [...options.initial.programmeIds] : null }) : null;
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
			resolveReady({ passages: response.passages, ms: response.ms, mode, programmes: response.programmes });
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
		if (response.type === 'result') {
			const result = { ...response.result, ms: response.ms, mode };
			last = { key: done.key, result };
			resolveAll(done, result);
		} else {
			const error = new Error(response.message);
			done.reject.forEach((f) => f(error));
		}
		pump();
	}

	function pump(): void {
		if (disposed || inFlight || !waiting) return;
		// The first query goes to the worker with the build (it answers in order): no round trip
		// through a main thread that is busy hydrating the page.
		if (!built && !(worker && waiting.key === initialKey)) return;
		inFlight = waiting;
		waiting = null;
		if (worker) {
			worker.postMessage(inFlight.request);
		} else {
			const request = inFlight.request;
			// Yield first so the page can paint the keystroke before a main-thread search.
			setTimeout(() => {
				if (!disposed && local) void Promise.resolve(local(request)).then(settle);
			}, 0);
		}
	}

	function runLocally(): void {
		worker?.terminate();
		worker = null;
		mode = 'main-thread';
		local = createSearchHandler();
		const handler = local;
		setTimeout(async () => {
			if (disposed) return;
			const response = await handler(buildRequest);
			if (disposed) return;
			// The query the worker was running (or held behind its build) runs again here.
			if (inFlight) {
				const again = inFlight;
				inFlight = null;
				if (!waiting) waiting = again;
				else resolveAll(again, null);
			}
			if (!built) settle(response);
			else pump();
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
			if (options.started) options.started.responses.forEach(settle);
			else worker.postMessage(buildRequest);
		} catch {
			runLocally();
		}
	} else {
		runLocally();
	}

	function search(query: SearchQuery): Promise<TimedSearchResult | null> {
		if (disposed) return Promise.reject(new Error('The search was closed.'));
		const request: Pending['request'] = {
			type: 'search',
			id: nextId++,
			query: query.query,
			programmeIds: query.programmeIds ? [...query.programmeIds] : null,
			limit: query.limit,
			perProgramme: query.perProgramme
		};
		const key = keyOf(request);
		// This query replaces the one waiting, whether it runs or is answered already.
		resolveAll(waiting, null);
		waiting = null;
		if (last?.key === key) return Promise.resolve(last.result);
		return new Promise<TimedSearchResult | null>((resolve, reject) => {
			if (inFlight?.key === key) {
				inFlight.resolve.push(resolve);
				inFlight.reject.push(reject);
				return;
			}
			waiting = { request, key, resolve: [resolve], reject: [reject] };
			pump();
		});
	}

	if (options.initial) void search(options.initial).catch(() => {});

	return {
		get mode() {
			return mode;
		},
		ready,
		search,
		dispose() {
			disposed = true;
			worker?.terminate();
			worker = null;
			resolveAll(waiting, null);
			resolveAll(inFlight, null);
			waiting = inFlight = null;
			if (!built) rejectReady(new Error('The search was closed.'));
		}
	};
}

/** Where the page head's script leaves the worker it started (searchHeadScript). */
const HEAD_GLOBAL = '__kkSearch';

interface HeadStarted {
	url: string;
	worker: Worker;
	/** The worker's responses before the page took it. */
	responses: SearchResponse[];
	failed: boolean;
}

/** The `name` of the meta element in the search page's head that gives the search file's URL. */
export const SEARCH_FILE_META = 'kk-search-file';

/**
 * A script for the prerendered search page's head, put right after that meta element (by
 * src/hooks.server.ts, as Svelte files render no raw HTML): starts the search worker on the search
 * file as the HTML is parsed, long before the page's modules have loaded and it hydrates, and keeps
 * what the worker says until the page takes it (prestartSearch). Fixed text but for the worker's
 * URL (ours, as JSON).
 */
export function searchHeadScript(): string {
	const json = (v: string) => JSON.stringify(v).replace(/</g, '\\u003c');
	return (
		`try{(function(){var m=document.querySelector('meta[name="${SEARCH_FILE_META}"]');if(!m)return;` +
		`var s={url:m.content,responses:[],failed:false};` +
		`s.worker=new Worker(${json(searchWorkerUrl)},{type:'module',name:'search'});` +
		`s.worker.onmessage=function(e){s.responses.push(e.data)};s.worker.onerror=function(){s.failed=true};` +
		`s.worker.postMessage({type:'load',url:s.url});window.${HEAD_GLOBAL}=s})()}catch(e){}`
	);
}

/** A search started for a page before it hydrated (prestartSearch), until the page takes it. */
let early: { url: string; client: SearchClient } | null = null;

/**
 * Takes the worker the page head started (searchHeadScript), as the page module loads, and sends
 * it the page's first query, so the worker fetches, indexes and searches while the main thread
 * hydrates. The page takes the client with takeSearchClient. Without such a worker (a page
 * reached by navigating within the site, the head script failed) it does nothing.
 */
export function prestartSearch(initial: SearchQuery | null): void {
	if (early || typeof window === 'undefined') return;
	const scope = window as unknown as Record<string, HeadStarted | undefined>;
	const started = scope[HEAD_GLOBAL];
	delete scope[HEAD_GLOBAL];
	if (!started) return;
	const { worker, url, responses } = started;
	worker.onmessage = worker.onerror = null;
	if (started.failed) {
		worker.terminate();
		return;
	}
	early = { url, client: createSearchClient({ url }, { initial, worker: () => worker, started: { responses } }) };
}

/** The prestarted client when it loads this file, else a new one (the page disposes it). */
export function takeSearchClient(url: string, initial: SearchQuery | null, options: SearchClientOptions = {}): SearchClient {
	const e = early;
	early = null;
	if (e && e.url === url) return e.client;
	e?.client.dispose();
	return createSearchClient({ url }, { ...options, initial });
}
