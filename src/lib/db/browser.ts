/**
 * The browser side of the data layer: one DuckDB-WASM (the "eh" bundle, self-hosted through
 * Vite `?url` imports, no CDN), with each dataset table decoded from Parquet by hyparquet,
 * inserted as `raw_<table>` and copied into a table of the declared shape (./schema.ts): the same
 * columns and types Node's views give, so the same SQL runs on both.
 *
 * Import this module dynamically (in onMount): it pulls in DuckDB-WASM and Arrow, which the
 * prerendered shell must not wait for.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { tableToIPC } from 'apache-arrow';
import { TABLES, type TableDef } from '$lib/dataset/tables';
import { parquetToArrow } from './parquet-arrow';
import { emptyTableSql, rawTableName, SAFETY_SETTINGS, tableSql } from './schema';
import { plainCell, type Query, type QueryRunner, type Row } from './types';
import { tableFileName } from '$lib/dataset/files';

/** Where to fetch a table from; tables not listed (not produced yet) become empty tables. */
export interface TableSource {
	table: string;
	url: string;
}

/** The part of a DuckDB-WASM connection the runner needs (tests pass a recording fake). */
export type WasmConnection = Pick<AsyncDuckDBConnection, 'query' | 'prepare'>;

/**
 * A QueryRunner over a DuckDB-WASM connection: the Query's SQL is prepared verbatim and its
 * parameters bound in order, the same SQL text Node runs. Calls are queued: one worker, one
 * statement at a time.
 */
export function wasmRunner(conn: WasmConnection): QueryRunner {
	let queue: Promise<unknown> = Promise.resolve();
	return {
		run<T extends Row = Row>(query: Query): Promise<T[]> {
			const next = queue.then(async () => {
				try {
					const stmt = await conn.prepare(query.sql);
					try {
						const result = await stmt.query(...query.params);
						return result.toArray().map((r: { toJSON(): Record<string, unknown> }) => {
							const out: Row = {};
							for (const [k, v] of Object.entries(r.toJSON())) out[k] = plainCell(v);
							return out as T;
						});
					} finally {
						await stmt.close();
					}
				} catch (e) {
					throw new Error(`query ${query.id} failed: ${(e as Error).message}`);
				}
			});
			queue = next.catch(() => undefined);
			return next;
		}
	};
}

/** The part of a connection the loader needs: async in the browser, the blocking Node build in tests. */
export interface WasmLoaderConnection {
	query(sql: string): unknown;
	insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): unknown;
}

/**
 * Loads one table: decodes its Parquet bytes and creates the table of the declared shape; a
 * table without bytes (not produced yet) or without rows becomes an empty table of that shape.
 * Returns the number of rows.
 */
export async function loadTable(
	conn: WasmLoaderConnection,
	table: TableDef,
	bytes: Promise<ArrayBuffer> | ArrayBuffer | undefined
): Promise<number> {
	const decoded = bytes ? await parquetToArrow(await bytes, table, tableFileName(table.name)) : null;
	if (!decoded?.arrow) {
		await conn.query(emptyTableSql(table));
		return 0;
	}
	await conn.query(`DROP TABLE IF EXISTS ${rawTableName(table)}`);
	// Serialised here with our own Arrow module (not the driver's copy) so the instance never mismatches.
	await conn.insertArrowFromIPCStream(tableToIPC(decoded.arrow, 'stream'), { name: rawTableName(table), create: true });
	await conn.query(tableSql(table, rawTableName(table), decoded.present));
	await conn.query(`DROP TABLE ${rawTableName(table)}`);
	return decoded.rows;
}

/** Loads every table (tests, and the SQL console's own connection). */
export async function loadDataset(
	conn: WasmLoaderConnection,
	files: ReadonlyMap<string, Promise<ArrayBuffer> | ArrayBuffer>
): Promise<Record<string, number>> {
	const rows: Record<string, number> = {};
	for (const table of TABLES) rows[table.name] = await loadTable(conn, table, files.get(table.name));
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

/**
 * Opens DuckDB-WASM. Never call during prerender. The Parquet files are fetched at once (while
 * the wasm compiles) but each table is decoded and inserted only when a query first mentions it:
 * the overview never pays for the answers table, the search never waits for the others.
 */
export async function openBrowserDatabase(sources: readonly TableSource[]): Promise<BrowserDatabase> {
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
				return r.arrayBuffer();
			});
			// Awaited when the table is first used; this keeps an early failure from surfacing as "unhandled".
			bytes.catch(() => undefined);
			return [s.table, bytes];
		})
	);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker.default));
	await db.instantiate(wasm.default);
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	for (const s of SAFETY_SETTINGS) await conn.query(s);
	const t1 = performance.now();
	// For `npm run bench`: the engine is up; tables load on first use.
	performance.mark('kk:db-instantiated');

	// One table at a time, each once, in the order first asked for.
	const loading = new Map<string, Promise<void>>();
	let chain: Promise<unknown> = Promise.resolve();
	const ensure = (tables: readonly TableDef[]) =>
		Promise.all(
			tables.map((t) => {
				let p = loading.get(t.name);
				if (!p) {
					p = chain.then(async () => {
						await loadTable(conn, t, fetched.get(t.name));
						performance.mark(`kk:table:${t.name}`);
					});
					chain = p.catch(() => undefined);
					loading.set(t.name, p);
				}
				return p;
			})
		);
	const runner = wasmRunner(conn);
	return {
		run: async (query) => {
			await ensure(tablesIn(query.sql));
			return runner.run(query);
		},
		timings: { instantiate: t1 - t0 },
		connect: async () => {
			await ensure(TABLES);
			return db.connect();
		},
		loadTables: async (names) => {
			await ensure(names ? TABLES.filter((t) => names.includes(t.name)) : TABLES);
		}
	};
}
