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
import { tableToIPC } from 'apache-arrow';
import { TABLES, type TableDef } from '$lib/dataset/tables';
import { summariesIn, summaryFromSql, summaryTableSql, SUMMARIES, type SummaryDef } from './summaries';
import { parquetToArrow } from './parquet-arrow';
import { emptyTableSql, rawTableName, SAFETY_SETTINGS, tableSql } from './schema';
import { plainCell, QueryCancelled, type Query, type QueryRunner, type Row, type RunOptions } from './types';
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

/** How many prepared statements a runner keeps (least recently used closed first). */
export const PREPARED_STATEMENTS_KEPT = 64;

/**
 * How many statements a runner has sent to the worker and not yet had back. Two: while the worker
 * runs one statement, the next is already in its message queue, so it never waits for the main
 * thread (busy drawing the previous results) to send it; a statement still waiting here can be
 * skipped when a newer filter change supersedes it, at most one already sent runs in vain.
 */
export const STATEMENTS_IN_FLIGHT = 2;

/**
 * A QueryRunner over a DuckDB-WASM connection: the Query's SQL is prepared verbatim and its
 * parameters bound in order, the same SQL text Node runs. The worker runs one statement at a time,
 * in the order they were sent; up to STATEMENTS_IN_FLIGHT are sent ahead, the others wait here in
 * call order, and a waiting call whose signal has been aborted is skipped.
 *
 * Prepared statements are kept by their SQL text and run again with new parameters: a filter
 * change mostly repeats a page's statements with other values (the filter lists are one
 * parameter each, ./queries/sql.ts), and then skips DuckDB's planning and two of the three
 * round trips to the worker. A statement that fails is closed and not kept.
 */
export function wasmRunner(conn: WasmConnection, keep = PREPARED_STATEMENTS_KEPT, inFlight = STATEMENTS_IN_FLIGHT): QueryRunner {
	type Statement = Awaited<ReturnType<WasmConnection['prepare']>>;
	// Insertion order = least recently used first. Promises: a statement being prepared is shared.
	const prepared = new Map<string, Promise<Statement>>();
	const close = (stmt: Promise<Statement>) =>
		stmt.then((s) => s.close()).catch(() => undefined);
	function statement(sql: string): Promise<Statement> {
		const kept = prepared.get(sql);
		if (kept) {
			prepared.delete(sql);
			prepared.set(sql, kept);
			return kept;
		}
		const stmt = Promise.resolve().then(() => conn.prepare(sql));
		prepared.set(sql, stmt);
		// A failed prepare is not kept.
		stmt.catch(() => prepared.get(sql) === stmt && prepared.delete(sql));
		for (const [oldest, old] of prepared) {
			if (prepared.size <= keep) break;
			prepared.delete(oldest);
			void close(old);
		}
		return stmt;
	}

	// For `npm run bench`: each statement's time in the worker's turn (prepare to rows): from when it
	// was sent or the one before it came back, whichever is later.
	let lastBack = 0;
	async function execute<T extends Row>(query: Query<T> | Query): Promise<T[]> {
		const sent = performance.now();
		const pending = statement(query.sql);
		try {
			const stmt = await pending;
			try {
				const result = await stmt.query(...query.params);
				return result.toArray().map((r: { toJSON(): Record<string, unknown> }) => {
					const out: Row = {};
					for (const [k, v] of Object.entries(r.toJSON())) out[k] = plainCell(v);
					return out as T;
				});
			} catch (e) {
				if (prepared.get(query.sql) === pending) prepared.delete(query.sql);
				await close(pending);
				throw e;
			} finally {
				const start = Math.max(sent, lastBack);
				lastBack = performance.now();
				performance.measure(`kk:sql:${query.id}`, { start });
			}
		} catch (e) {
			throw new Error(`query ${query.id} failed: ${(e as Error).message}`);
		}
	}

	interface Waiting {
		query: Query;
		opts?: RunOptions;
		ok: (rows: Row[]) => void;
		fail: (e: unknown) => void;
	}
	const waiting: Waiting[] = [];
	let sending = 0;
	let pumpDue = false;
	function pump() {
		pumpDue = false;
		while (sending < inFlight && waiting.length) {
			const w = waiting.shift()!;
			// Superseded while it waited (a newer filter change): skip it, the worker is free sooner.
			if (w.opts?.signal?.aborted) {
				w.fail(new QueryCancelled(w.query.id));
				continue;
			}
			sending++;
			execute(w.query)
				.then(w.ok, w.fail)
				.finally(() => {
					sending--;
					pump();
				});
		}
	}
	return {
		run<T extends Row = Row>(query: Query<T> | Query, opts?: RunOptions): Promise<T[]> {
			return new Promise<T[]>((ok, fail) => {
				waiting.push({ query, opts, ok: ok as (rows: Row[]) => void, fail });
				// Sent from a microtask: calls made together (a page's record) queue in order, and a signal
				// aborted right after the call is still seen.
				if (!pumpDue) {
					pumpDue = true;
					queueMicrotask(pump);
				}
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
		await conn.query(`DROP TABLE IF EXISTS ${raw}`);
		await conn.insertArrowFromIPCStream(new Uint8Array(await src.bytes), { name: raw, create: true });
		const described = (await conn.query(`SELECT column_name FROM (DESCRIBE ${raw})`)) as { toArray(): { column_name: string }[] };
		const present = new Set(described.toArray().map((r) => String(r.column_name)));
		const counted = (await conn.query(`SELECT count(*)::INTEGER AS n FROM ${raw}`)) as { toArray(): { n: number }[] };
		await conn.query(tableSql(table, raw, present));
		await conn.query(`DROP TABLE ${raw}`);
		return Number(counted.toArray()[0].n);
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
	await conn.query(`DROP TABLE IF EXISTS ${raw}`);
	await conn.insertArrowFromIPCStream(new Uint8Array(await arrow), { name: raw, create: true });
	await conn.query(summaryFromSql(s, raw));
	await conn.query(`DROP TABLE ${raw}`);
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

/** The dataset tables a statement mentions (a false positive only loads a table early). */
export function tablesIn(sql: string): TableDef[] {
	return TABLES.filter((t) => new RegExp(`\\b${t.name}\\b`).test(sql));
}

export interface BrowserDatabase extends QueryRunner {
	/** Milliseconds spent fetching and instantiating the wasm. */
	timings: { instantiate: number };
	/** A connection of its own over the same tables, all loaded (the SQL console: streamed, cancellable queries). */
	connect(): Promise<AsyncDuckDBConnection>;
	/** Loads these tables now (by default every table) instead of on first use. */
	loadTables(names?: readonly string[]): Promise<void>;
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
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker.default));
	await db.instantiate(wasm.default, null, (p) => ((wasmBytes = p.bytesLoaded), report()));
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	for (const s of SAFETY_SETTINGS) await conn.query(s);
	const t1 = performance.now();
	// For `npm run bench`: the engine is up; tables load on first use.
	performance.mark('kk:db-instantiated');

	// One table at a time, each once, in the order first asked for.
	const loading = new Map<string, Promise<void>>();
	let chain: Promise<unknown> = Promise.resolve();
	const once = (name: string, load: () => Promise<void>) => {
		let p = loading.get(name);
		if (!p) {
			p = chain.then(async () => {
				await load();
				performance.mark(`kk:table:${name}`);
			});
			chain = p.catch(() => undefined);
			loading.set(name, p);
		}
		return p;
	};
	const ensureTables = (tables: readonly TableDef[]) => Promise.all(tables.map((t) => once(t.name, () => loadTable(conn, t, fetched.get(t.name)).then(() => undefined))));
	const ensureSummaries = (summaries: readonly SummaryDef[]) =>
		Promise.all(
			summaries.map(async (s) => {
				const arrow = fetched.get(s.name);
				// Without its Arrow copy a summary is computed from its tables, which must be there first.
				if (!arrow) await ensureTables(TABLES.filter((t) => s.from.includes(t.name)));
				return once(s.name, () => loadSummary(conn, s, arrow?.bytes));
			})
		);
	const ensure = (sql: string) => Promise.all([ensureTables(tablesIn(sql)), ensureSummaries(summariesIn(sql))]);
	const runner = wasmRunner(conn);
	return {
		run: async (query, opts) => {
			await ensure(query.sql);
			return runner.run(query, opts);
		},
		timings: { instantiate: t1 - t0 },
		connect: async () => {
			await Promise.all([ensureTables(TABLES), ensureSummaries(SUMMARIES)]);
			return db.connect();
		},
		loadTables: async (names) => {
			const wanted = (n: string) => !names || names.includes(n);
			await Promise.all([ensureSummaries(SUMMARIES.filter((s) => wanted(s.name))), ensureTables(TABLES.filter((t) => wanted(t.name)))]);
		}
	};
}
