/**
 * The baseline for the dashboard benchmark: a bare page that only instantiates DuckDB-WASM
 * (the very wasm and worker files the site ships) and runs one query. Bundled by
 * bench/dashboard.ts with esbuild; the page sets `window.BARE` to the asset URLs.
 */
import * as duckdb from '@duckdb/duckdb-wasm';

declare global {
	interface Window {
		BARE: { wasm: string; worker: string };
	}
}

async function main() {
	const { wasm, worker } = window.BARE;
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker));
	await db.instantiate(wasm);
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	performance.mark('bare:ready');
	const result = await conn.query('SELECT count(*) AS n, sum(i) AS s FROM range(100000) t(i)');
	performance.mark('bare:query');
	document.body.dataset.result = JSON.stringify(result.toArray()[0].toJSON());
}

main().catch((e) => {
	document.body.dataset.error = String(e);
});
