/**
 * The page-facing data layer: one lazily opened DuckDB-WASM for the whole site, and
 * `LiveQuery`, which shows prerendered numbers first and replaces them with live ones when the
 * filters (or other inputs) change.
 *
 * Performance marks (read by `npm run bench`): `kk:db-start`, `kk:db-ready` (between them, from
 * ./browser.ts, `kk:db-modules`, `kk:db-wasm`, `kk:db-open`: the engine's modules loaded, its wasm
 * instantiated, the database open), and per live query `kk:query:<name>:start` / `kk:query:<name>:done`.
 */
import { untrack } from 'svelte';
import { browser } from '$app/environment';
import type { DatasetFile } from './dataset';
import type { BrowserDatabase } from './browser';
import type { Query, QueryRunner } from './types';
import { tableFileName } from '$lib/dataset/files';

export type DatabaseStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Tables (and summary tables) loaded right after the engine starts on pages that filter, in this order. */
const PREWARM = ['programme_facts', 'municipality_programmes', 'programme_coverage', 'programme_scores', 'programmes', 'municipalities', 'completeness', 'languages', 'cooperation', 'responsibilities'];

const mark = (name: string) => {
	if (browser && typeof performance !== 'undefined') performance.mark(name);
};

class DatabaseClient {
	status = $state<DatabaseStatus>('idle');
	error = $state<string | null>(null);
	/** Bytes of the engine and the data received so far while opening (for the loading indicator). */
	bytes = $state(0);
	#files: DatasetFile[] = [];
	#base = '';
	#opening: Promise<BrowserDatabase> | null = null;
	#opened: BrowserDatabase | null = null;

	/** The database once open (null before): a query can then be sent within the call that asks for it. */
	get opened(): QueryRunner | null {
		return this.#opened;
	}

	/** The root layout passes the published files (from the prerender) once. */
	configure(files: readonly DatasetFile[], base = '') {
		this.#files = [...files];
		this.#base = base;
	}

	/** Opens DuckDB-WASM on first use; later calls share the same database. Browser only. */
	open(): Promise<QueryRunner> {
		if (!browser) return Promise.reject(new Error('DuckDB-WASM runs in the browser only'));
		if (!this.#opening) {
			this.status = 'loading';
			mark('kk:db-start');
			const sources = this.#files
				.filter((f) => f.available || f.arrow)
				.map((f) =>
					f.arrow
						? { table: f.table, url: `${this.#base}/data/${tableFileName(f.table, 'arrow')}?v=${f.arrow}`, format: 'arrow' as const }
						: { table: f.table, url: `${this.#base}/data/${tableFileName(f.table)}?v=${f.version}`, format: 'parquet' as const }
				);
			this.#opening = import('./browser')
				.then((m) => m.openBrowserDatabase(sources, (n) => (this.bytes = n)))
				.then(
					(db) => {
						this.#opened = db;
						this.status = 'ready';
						mark('kk:db-ready');
						return db;
					},
					(e: unknown) => {
						this.status = 'error';
						this.error = e instanceof Error ? e.message : String(e);
						throw e;
					}
				);
		}
		return this.#opening;
	}

	/**
	 * Starts opening once the page has loaded (content first: the prerendered view never shares the
	 * link with the engine's download), so a first filter change is quick. Call it during component
	 * initialisation: on mount would wait for the whole page to hydrate, then an idle callback; without
	 * both the engine's download starts 0.4–0.8 s earlier (a paired run under load; its ready time
	 * did not measurably change there, compile and init being CPU-bound). The wasm compiles in
	 * DuckDB's worker, off the main thread.
	 */
	preload() {
		if (!browser || this.#opening) return;
		const start = () => {
			if (this.#opening) return;
			this.#prewarm(this.open());
		};
		if (document.readyState === 'complete') start();
		else window.addEventListener('load', start, { once: true });
	}

	/**
	 * Prepares statements a next choice will run, once the engine is open, in the worker's idle time
	 * (./browser.ts `prepareAhead`): planning a filter state's statements for the first time was a large
	 * part of a first filter change's SQL time. Those `run` gives are also run once (./browser.ts).
	 */
	prepareAhead(queries: () => readonly Query[], run: () => readonly Query[] = () => []) {
		if (!browser || !this.#opening) return;
		void this.#opening.then((db) => db.prepareAhead(queries(), run())).catch(() => undefined);
	}

	/** Loads what filtered views read, so the first filter change finds its tables in place (the answers, for search and profiles only, load when first asked for). */
	#prewarm(opening: Promise<QueryRunner>) {
		void opening.then((db) => (db as BrowserDatabase).loadTables(PREWARM)).catch(() => undefined);
	}
}

/** The one DuckDB-WASM of the site. */
export const database = new DatabaseClient();

export type LiveStatus = 'initial' | 'loading' | 'live' | 'error';

export interface LiveQueryOptions<T, D> {
	/** Name for performance marks and error messages, e.g. `overview`. */
	name: string;
	/** The inputs, read synchronously (this is what makes the query re-run), e.g. `() => view.filters`. */
	deps: () => D;
	/**
	 * Runs the queries for those inputs. It may call `progress` with a part of the new value as its
	 * rows arrive (the page then draws that part while DuckDB computes the rest); the resolved value
	 * must hold the same part objects.
	 */
	load: (db: QueryRunner, deps: D, progress: (part: Partial<T>) => void) => Promise<T>;
	/** A value computed ahead (prerendered) and the deps it is valid for; shown without opening DuckDB. */
	initial?: { value: T; deps: D } | null;
	/** Also wait for this before loading (e.g. the page is hydrated). */
	enabled?: () => boolean;
	/** Cache key of the inputs (default: JSON). */
	key?: (deps: D) => string;
	/** The database to query (tests pass their own; the site's one DuckDB-WASM by default). */
	database?: Pick<DatabaseClient, 'opened' | 'open'>;
}

const NO_PARTS: ReadonlySet<string> = new Set();

/**
 * A value that follows its inputs. Create it during component initialisation (it owns an
 * $effect). Results are cached per input, so back/forward shows earlier views at once; a
 * slower earlier answer never overwrites a newer one.
 */
export class LiveQuery<T, D = unknown> {
	value = $state.raw<T | null>(null);
	status = $state<LiveStatus>('initial');
	error = $state<string | null>(null);
	/** True while the value shown belongs to other inputs than the current ones. */
	stale = $state(false);
	/**
	 * While loading: the parts (top-level keys) of `value` that already belong to the current inputs,
	 * published by the loader's `progress`; the other parts are still the previous inputs' values.
	 */
	arrived = $state.raw<ReadonlySet<string>>(NO_PARTS);
	#cache = new Map<string, T>();
	#seq = 0;
	#abort: AbortController | null = null;

	constructor(opts: LiveQueryOptions<T, D>) {
		const keyOf = opts.key ?? ((d: D) => JSON.stringify(d));
		if (opts.initial) {
			this.value = opts.initial.value;
			this.#cache.set(keyOf(opts.initial.deps), opts.initial.value);
		}
		const enabled = $derived(opts.enabled ? opts.enabled() : true);
		const deps = $derived(opts.deps());
		const key = $derived(keyOf(deps));
		// Runs when `enabled` or the inputs' key change; everything else is read untracked. A pre-effect:
		// the statements go to DuckDB's worker before this update's DOM work, which then overlaps them.
		$effect.pre(() => {
			if (!enabled) return;
			const k = key;
			untrack(() => this.#fetch(k, deps, opts));
		});
	}

	#fetch(key: string, deps: D, opts: LiveQueryOptions<T, D>) {
		const seq = ++this.#seq;
		// Newer inputs supersede the previous fetch: its queries still waiting for the worker are skipped.
		this.#abort?.abort();
		const controller = new AbortController();
		this.#abort = controller;
		const cached = this.#cache.get(key);
		if (cached !== undefined) {
			this.value = cached;
			this.stale = false;
			if (this.status !== 'initial') this.status = 'live';
			mark(`kk:query:${opts.name}:cached`);
			return;
		}
		this.stale = this.value !== null;
		this.status = 'loading';
		this.arrived = NO_PARTS;
		mark(`kk:query:${opts.name}:start`);
		// A part is shown at once over the previous value (there must be one: a first load shows all at the end).
		const progress = (part: Partial<T>) => {
			if (seq !== this.#seq || this.value === null) return;
			this.value = { ...this.value, ...part };
			this.arrived = new Set([...this.arrived, ...Object.keys(part)]);
		};
		const load = (db: QueryRunner): Promise<T> => {
			try {
				return opts.load({ run: (q, o) => db.run(q, { signal: controller.signal, ...o }) }, deps, progress);
			} catch (e) {
				return Promise.reject(e);
			}
		};
		// With the database open the statements are sent now, not a promise turn later (after the DOM work).
		const source = opts.database ?? database;
		const opened = source.opened;
		(opened ? load(opened) : source.open().then(load))
			.then(
				(value) => {
					this.#cache.set(key, value);
					if (this.#cache.size > 32) this.#cache.delete(this.#cache.keys().next().value!);
					if (seq !== this.#seq) return;
					this.value = value;
					this.stale = false;
					this.status = 'live';
					this.error = null;
					this.arrived = NO_PARTS;
					mark(`kk:query:${opts.name}:done`);
				},
				(e: unknown) => {
					if (seq !== this.#seq) return;
					this.status = 'error';
					this.error = `${opts.name}: ${e instanceof Error ? e.message : String(e)}`;
				}
			);
	}
}
