/**
 * DuckDB-WASM's blocking Node build — the engine the browser runs, same version — opened the way
 * the site opens it (BIGINT as double). The tests and benchmarks that run the site's SQL through
 * the browser's engine in Node start from here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/** A new in-memory DuckDB-WASM (Node build), open, with one connection. */
export async function openWasmNode(): Promise<{ db: duckdb.DuckDBBindings; conn: duckdb.DuckDBConnection }> {
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate(() => {});
	db.open({ query: { castBigIntToDouble: true } });
	return { db, conn: db.connect() };
}
