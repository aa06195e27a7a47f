/**
 * The browser side of the data layer: one DuckDB-WASM (the "eh" bundle, self-hosted through
 * Vite `?url` imports, no CDN), with each dataset table inserted as `raw_<table>` — from the Arrow
 * IPC copy the ingest writes next to the Parquet (`<table>.arrow`, inserted as it is), or else
 * decoded from Parquet by hyparquet — and copied into a table of the declared shape (./schema.ts):
 * the same columns and types Node's views give, so the same SQL runs on both. The summary tables
 * (./summaries.ts) come the same way from `<summary>.arrow`, or are computed from the tables.
 *
 * Import this module dynamically (in onMount): it pulls in DuckDB-WASM and Arrow, which the
 * prerendered shell must not wait for.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { RecordBatchReader, tableToIPC } from 'apache-arrow';
import { TABLES, type TableDef } from '$lib/dataset/tables';
import { readsFrom, summariesIn, summaryFromSql, summaryTableSql, SUMMARIES, type SummaryDef } from './summaries';
import { arrowRows } from './arrow-rows';
import { parquetToArrow } from './parquet-arrow';
import { emptyTableSql, quoteIdent, rawTableName, SAFETY_SETTINGS, tableSql } from './schema';
import { QueryCancelled, type Query, type QueryRunner, type Row, type RunOptions } from './types';
import { tableFileName } from '$lib/dataset/files';

/** Where to fetch a table from; tables not listed (not produced yet) become empty tables. */
export interface TableSource {
	table: string;
	url: string;
	/** `arrow`: an Arrow IPC stream written by the ingest (ingest/derived.ts); `parquet` (default): the published file. */
	format?: 'arrow' | 'parquet';
}

/** A table's bytes and what they are. */
export interface TableBytes {
	bytes: Promise<ArrayBuffer> | ArrayBuffer;
	format: 'arrow' | 'parquet';
}

/** The part of a DuckDB-WASM connection the runner needs (tests pass a recording fake). */
export type WasmConnection = Pick<AsyncDuckDBConnection, 'query' | 'prepare'>;

/** Tables and statements are loaded and prepared ahead once no statement has run for this long (`tableQueue`). */
export const LOAD_AHEAD_QUIET_MS = 600;

/** How many prepared statements a runner keeps (least recently used closed first). */
export const PREPARED_STATEMENTS_KEPT = 64;

/**
 * A QueryRunner over a DuckDB-WASM connection: the Query's SQL is prepared verbatim and its
 * parameters bound in order, the same SQL text Node runs.
 *
 * Prepared statements are kept by their SQL text and run again with new parameters: a filter
 * change mostly repeats a page's statements with other values (the filter lists are one
 * parameter each, ./queries/sql.ts), and then skips DuckDB's planning and its round trip.
 * A statement that fails is closed and not kept.
 *
 * Statements are sent to the worker as soon as they are asked for, a kept one within the call:
 * the worker runs them one after another by itself while the page's thread redraws, instead of
 * waiting for that thread to take each answer before it sends the next. A query whose signal is
 * aborted before it is sent (while its statement is being prepared) is skipped; one already
 * sent runs, and its rows are still returned to the superseded caller, which drops them.
 */
export function wasmRunner(conn: WasmConnection, keep = PREPARED_STATEMENTS_KEPT): QueryRunner & { prepare(sql: string): Promise<void> } {
	type Statement = Awaited<ReturnType<WasmConnection['prepare']>>;
	interface Kept {
		/** Set once prepared: then a run sends its query within the call. */
		ready: Statement | null;
		prepared: Promise<Statement>;
		/** Runs sent and not answered: such a statement is not closed. */
		busy: number;
	}
	// Insertion order = least recently used first.
	const kept = new Map<string, Kept>();
	const close = (stmt: Statement) => Promise.resolve().then(() => stmt.close()).catch(() => undefined);
	const forget = (sql: string, entry: Kept) => {
		if (kept.get(sql) !== entry) return;
		kept.delete(sql);
		void entry.prepared.then(close, () => undefined);
	};
	function evict() {
		for (const [sql, entry] of kept) {
			if (kept.size <= keep) break;
			if (entry.busy === 0) forget(sql, entry);
		}
	}
	function statement(sql: string): Kept {
		const found = kept.get(sql);
		if (found) {
			kept.delete(sql);
			kept.set(sql, found);
			return found;
		}
		const entry: Kept = { ready: null, prepared: Promise.resolve(conn.prepare(sql)), busy: 0 };
		entry.prepared.then(
			(stmt) => (entry.ready = stmt),
			() => kept.get(sql) === entry && kept.delete(sql)
		);
		kept.set(sql, entry);
		return entry;
	}
	return {
		prepare(sql: string): Promise<void> {
			const entry = statement(sql);
			evict();
			return entry.prepared.then(() => undefined);
		},
		run<T extends Row = Row>(query: Query<T> | Query, opts?: RunOptions): Promise<T[]> {
			if (opts?.signal?.aborted) return Promise.reject(new QueryCancelled(query.id));
			// For `npm run bench`: each statement's time from sent to rows (statements sent together overlap).
			const start = performance.now();
			const entry = statement(query.sql);
			entry.busy++;
			evict();
			const send = (stmt: Statement) => Promise.resolve(stmt.query(...query.params));
			const sent = entry.ready
				? send(entry.ready)
				: entry.prepared.then((stmt) => {
						// Superseded while its statement was prepared: not sent, the worker is free sooner.
						if (opts?.signal?.aborted) throw new QueryCancelled(query.id);
						return send(stmt);
					});
			return sent
				.then(
					(result) => arrowRows<T>(result),
					(e: unknown) => {
						if (e instanceof QueryCancelled) throw e;
						forget(query.sql, entry);
						throw new Error(`query ${query.id} failed: ${(e as Error).message}`);
					}
				)
				.finally(() => {
					entry.busy--;
					evict();
					performance.measure(`kk:sql:${query.id}`, { start });
				});
		}
	};
}

/** The part of a connection the loader needs: async in the browser, the blocking Node build in tests. */
export interface WasmLoaderConnection {
	query(sql: string): unknown;
	insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): unknown;
}

/**
 * Loads one table: inserts its Arrow IPC bytes, or decodes its Parquet bytes, and creates the
 * table of the declared shape; a table without bytes (not produced yet) or without rows becomes
 * an empty table of that shape. Returns the number of rows.
 */
export async function loadTable(
	conn: WasmLoaderConnection,
	table: TableDef,
	source: Promise<ArrayBuffer> | ArrayBuffer | TableBytes | undefined
): Promise<number> {
	const src = source === undefined ? undefined : isTableBytes(source) ? source : { bytes: source, format: 'parquet' as const };
	const raw = rawTableName(table);
	if (src?.format === 'arrow') {
		const bytes = new Uint8Array(await src.bytes);
		// Read before the insert, which hands the buffer over to the worker.
		const present = arrowColumns(bytes);
		// Sent together: the worker runs them in the order sent, and the page's thread (busy redrawing
		// right after a first filter change) is not waited for between them, where six round trips
		// were. (The first table's time is mostly DuckDB compiling its code on first use.)
		const [, , counted] = await Promise.all([
			conn.query(`DROP TABLE IF EXISTS ${raw}`),
			conn.insertArrowFromIPCStream(bytes, { name: raw, create: true }),
			conn.query(`${tableSql(table, raw, present)};\nDROP TABLE ${raw};\nSELECT count(*)::INTEGER AS n FROM ${quoteIdent(table.name)}`)
		]);
		return Number((counted as { toArray(): { n: number }[] }).toArray()[0].n);
	}
	const decoded = src ? await parquetToArrow(await src.bytes, table, tableFileName(table.name)) : null;
	if (!decoded?.arrow) {
		await conn.query(emptyTableSql(table));
		return 0;
	}
	await conn.query(`DROP TABLE IF EXISTS ${raw}`);
	// Serialised here with our own Arrow module (not the driver's copy) so the instance never mismatches.
	await conn.insertArrowFromIPCStream(tableToIPC(decoded.arrow, 'stream'), { name: raw, create: true });
	await conn.query(tableSql(table, raw, decoded.present));
	await conn.query(`DROP TABLE ${raw}`);
	return decoded.rows;
}

function isTableBytes(x: unknown): x is TableBytes {
	return typeof x === 'object' && x !== null && 'format' in x && 'bytes' in x;
}

/** Loads one summary table: its Arrow copy when the ingest wrote one, else computed from the (loaded) dataset tables. */
export async function loadSummary(conn: WasmLoaderConnection, s: SummaryDef, arrow: Promise<ArrayBuffer> | ArrayBuffer | undefined): Promise<void> {
	if (!arrow) {
		await conn.query(summaryTableSql(s));
		return;
	}
	const raw = `raw_${s.name}`;
	const bytes = new Uint8Array(await arrow);
	// Sent together, run in order by the worker (as in `loadTable`).
	await Promise.all([
		conn.query(`DROP TABLE IF EXISTS ${raw}`),
		conn.insertArrowFromIPCStream(bytes, { name: raw, create: true }),
		conn.query(`${summaryFromSql(s, raw)};\nDROP TABLE ${raw}`)
	]);
}

/** The column names of an Arrow IPC stream, from its schema message alone (no record batch is decoded). */
export function arrowColumns(bytes: Uint8Array): Set<string> {
	const reader = RecordBatchReader.from(bytes);
	reader.open();
	return new Set(reader.schema.fields.map((f) => f.name));
}

/** Loads every table (tests, and the SQL console's own connection). */
export async function loadDataset(
	conn: WasmLoaderConnection,
	files: ReadonlyMap<string, Promise<ArrayBuffer> | ArrayBuffer>
): Promise<Record<string, number>> {
	const rows: Record<string, number> = {};
	for (const table of TABLES) rows[table.name] = await loadTable(conn, table, files.get(table.name));
	for (const s of SUMMARIES) await loadSummary(conn, s, undefined);
	return rows;
}

/**
 * The dataset tables a statement reads: the names after FROM or JOIN. Not every mention: a column
 * alias such as `AS municipalities` or `AS languages` made a page's first statements wait until
 * tables they never read had loaded. tests/unit/db-browser.test.ts prepares every page's statements
 * over only the tables found here.
 */
export function tablesIn(sql: string): TableDef[] {
	return TABLES.filter((t) => readsFrom(sql, t.name));
}

/** Loads tables one at a time, each once (see `tableQueue`). */
export interface TableQueue {
	/**
	 * Loads `name` once (later calls share the first's promise). `when`: `now` for a statement waiting
	 * for it; `soon` and `ahead` for work ahead (the current page's first, then the rest), started only
	 * when no statement is waiting or running, after every job asked for `now`. A later call with an
	 * earlier `when` moves a job still waiting forward.
	 */
	load(name: string, load: () => Promise<void>, when?: 'now' | 'soon' | 'ahead'): Promise<void>;
	/** Runs `send`: a statement is waiting or running until its promise settles, and no table starts loading ahead meanwhile. */
	statement<T>(send: () => Promise<T>): Promise<T>;
}

/**
 * The worker runs one thing at a time, so a table loaded ahead (for the next page, or a drill-down)
 * delays whatever statement is sent after it: right after the engine is up, the first filter change
 * waited behind the whole list loaded ahead (0.5 s on /languages). Here a statement's tables go
 * first, and loading ahead waits until no statement has waited or run for `quiet` ms: while a user
 * changes filters one after another, nothing loaded ahead comes between their statements.
 */
export function tableQueue(quiet = 0): TableQueue {
	const RANK = { now: 0, soon: 1, ahead: 2 } as const;
	interface Job {
		name: string;
		rank: number;
		run: () => void;
		done: Promise<void>;
	}
	const jobs = new Map<string, Job>();
	const waiting: Job[] = [];
	let loading = false;
	let statements = 0;
	let lastAnswered = -Infinity;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const pump = () => {
		if (loading || !waiting.length) return;
		let next = 0;
		for (let i = 1; i < waiting.length; i++) if (waiting[i].rank < waiting[next].rank) next = i;
		if (waiting[next].rank > 0) {
			if (statements > 0) return;
			const wait = lastAnswered + quiet - performance.now();
			if (wait > 0) {
				timer ??= setTimeout(() => ((timer = null), pump()), wait);
				return;
			}
		}
		const [job] = waiting.splice(next, 1);
		loading = true;
		job.run();
	};
	return {
		load(name, load, when = 'now') {
			let job = jobs.get(name);
			if (!job) {
				let run!: () => void;
				const done = new Promise<void>((ok, fail) => {
					run = () => {
						Promise.resolve()
							.then(load)
							.then(ok, fail)
							.finally(() => {
								loading = false;
								pump();
							});
					};
				});
				job = { name, rank: RANK[when], run, done };
				jobs.set(name, job);
				waiting.push(job);
			} else job.rank = Math.min(job.rank, RANK[when]);
			pump();
			return job.done;
		},
		statement(send) {
			statements++;
			const settle = () => {
				statements--;
				lastAnswered = performance.now();
				pump();
			};
			let p;
			try {
				p = send();
			} catch (e) {
				p = Promise.reject(e);
			}
			p.then(settle, settle);
			return p;
		}
	};
}

/**
 * What `prepareAhead` does, in order: the statements of `run` run once (which prepares them too),
 * then the other statements prepared; each SQL text once over the calls that share `done` (a text
 * already run is not prepared again; one prepared may still be run).
 */
export function aheadJobs(queries: readonly Query[], run: readonly Query[], done: Set<string>): { key: string; query: Query; run: boolean }[] {
	const jobs: { key: string; query: Query; run: boolean }[] = [];
	const add = (query: Query, isRun: boolean) => {
		const key = `${isRun ? 'run' : 'prepare'}:${query.sql}`;
		if (done.has(key) || (!isRun && done.has(`run:${query.sql}`))) return;
		done.add(key);
		jobs.push({ key, query, run: isRun });
	};
	for (const q of run) add(q, true);
	for (const q of queries) add(q, false);
	return jobs;
}

export interface BrowserDatabase extends QueryRunner {
	/** Milliseconds spent fetching and instantiating the wasm. */
	timings: { instantiate: number };
	/** A connection of its own over the same tables, all loaded (the SQL console: streamed, cancellable queries). */
	connect(): Promise<AsyncDuckDBConnection>;
	/** Loads these tables now (by default every table) instead of on first use. */
	loadTables(names?: readonly string[]): Promise<void>;
	/**
	 * Prepares these statements (and loads their tables) ahead, each only while no statement waits or
	 * runs (`tableQueue`): a later run of the same SQL finds it planned. Failures are ignored here (the
	 * run reports them). Those in `run` are also run once, their rows dropped: DuckDB-WASM compiles
	 * its code lazily, so a statement's first run in a new engine compiled what its operators need, and
	 * a first filter change a reader makes after looking at the page took twice as long as later ones.
	 */
	prepareAhead(queries: readonly Query[], run?: readonly Query[]): void;
}

/** A response's body, reporting each chunk's size as it arrives (for the loading indicator). */
async function countedBytes(r: Response, onBytes?: (n: number) => void): Promise<ArrayBuffer> {
	if (!onBytes || !r.body) return r.arrayBuffer();
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = r.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		size += value.byteLength;
		onBytes(value.byteLength);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) out.set(c, (at += c.byteLength) - c.byteLength);
	return out.buffer;
}

/**
 * Opens DuckDB-WASM. Never call during prerender. The Parquet files are fetched at once (while
 * the wasm compiles) but each table is decoded and inserted only when a query first mentions it:
 * the overview never pays for the answers table, the search never waits for the others.
 * `onBytes` hears how many bytes of the engine and the data have arrived (a progress indicator).
 */
export async function openBrowserDatabase(sources: readonly TableSource[], onBytes?: (total: number) => void): Promise<BrowserDatabase> {
	// The wasm's bytes (reported by DuckDB as it streams) plus each data file's, as they arrive.
	let wasmBytes = 0;
	let dataBytes = 0;
	const report = () => onBytes?.(wasmBytes + dataBytes);
	const t0 = performance.now();
	const [duckdb, wasm, worker] = await Promise.all([
		import('@duckdb/duckdb-wasm'),
		import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url')
	]);
	const fetched = new Map(
		sources.map((s) => {
			const bytes = fetch(s.url).then((r) => {
				if (!r.ok) throw new Error(`${s.url}: HTTP ${r.status}`);
				return countedBytes(r, onBytes && ((n) => ((dataBytes += n), report())));
			});
			// Awaited when the table is first used; this keeps an early failure from surfacing as "unhandled".
			bytes.catch(() => undefined);
			return [s.table, { bytes, format: s.format ?? 'parquet' } satisfies TableBytes];
		})
	);
	// Marks of the engine's steps, for `npm run bench` and profiling: its modules loaded, the wasm compiled and instantiated, the database open.
	performance.mark('kk:db-modules');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker.default));
	await db.instantiate(wasm.default, null, (p) => ((wasmBytes = p.bytesLoaded), report()));
	performance.mark('kk:db-wasm');
	await db.open({ query: { castBigIntToDouble: true } });
	performance.mark('kk:db-open');
	const conn = await db.connect();
	for (const s of SAFETY_SETTINGS) await conn.query(s);
	const t1 = performance.now();
	// For `npm run bench`: the engine is up; tables load on first use.
	performance.mark('kk:db-instantiated');

	const queue = tableQueue(LOAD_AHEAD_QUIET_MS);
	type When = 'now' | 'soon' | 'ahead';
	const once = (name: string, load: () => Promise<void>, when: When) =>
		queue.load(
			name,
			() =>
				load().then(() => {
					performance.mark(`kk:table:${name}`);
				}),
			when
		);
	const ensureTables = (tables: readonly TableDef[], when: When = 'now') =>
		Promise.all(tables.map((t) => once(t.name, () => loadTable(conn, t, fetched.get(t.name)).then(() => undefined), when)));
	const ensureSummary = async (s: SummaryDef, when: When = 'now') => {
		const arrow = fetched.get(s.name);
		// Without its Arrow copy a summary is computed from its tables, which must be there first.
		if (!arrow) await ensureTables(TABLES.filter((t) => s.from.includes(t.name)), when);
		return once(s.name, () => loadSummary(conn, s, arrow?.bytes), when);
	};
	const ensure = (sql: string) => Promise.all([ensureTables(tablesIn(sql)), ...summariesIn(sql).map((s) => ensureSummary(s))]);
	// Statements whose tables are all loaded: these are sent within the call (see wasmRunner).
	const tablesReady = new Set<string>();
	const runner = wasmRunner(conn);
	const preparedAhead = new Set<string>();
	return {
		run: (query, opts) =>
			queue.statement(() =>
				tablesReady.has(query.sql)
					? runner.run(query, opts)
					: ensure(query.sql).then(() => {
							tablesReady.add(query.sql);
							return runner.run(query, opts);
						})
			),
		timings: { instantiate: t1 - t0 },
		connect: async () => {
			await Promise.all([ensureTables(TABLES), ...SUMMARIES.map((s) => ensureSummary(s))]);
			return db.connect();
		},
		prepareAhead: (queries, run = []) => {
			for (const job of aheadJobs(queries, run, preparedAhead)) {
				const q = job.query;
				// The tables first, then the statement (a job never waits for another job); before the tables loaded ahead for other pages: these are the page's next statements.
				void Promise.all([ensureTables(tablesIn(q.sql), 'soon'), ...summariesIn(q.sql).map((s) => ensureSummary(s, 'soon'))])
					.then(() => queue.load(job.key, () => (job.run ? runner.run(q).then(() => undefined) : runner.prepare(q.sql)), 'soon'))
					.catch(() => undefined);
			}
		},
		loadTables: async (names = [...SUMMARIES, ...TABLES].map((t) => t.name)) => {
			// In the order given (what a filter change reads first), each only while no statement waits.
			await Promise.all(
				names.map((n) => {
					const s = SUMMARIES.find((x) => x.name === n);
					const t = TABLES.find((x) => x.name === n);
					return s ? ensureSummary(s, 'ahead') : t ? ensureTables([t], 'ahead') : undefined;
				})
			);
		}
	};
}
