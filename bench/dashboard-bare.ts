/**
 * The peer of the dashboard benchmark: a bare page that instantiates the very DuckDB-WASM wasm
 * and worker the site ships, loads the same data files (the Arrow IPC copies the ingest writes,
 * inserted as they are, as the site does; a table without one from its Parquet, decoded with
 * hyparquet and inserted as Arrow: this DuckDB-WASM build has no Parquet reader without loading an
 * extension from off the origin) and runs one small GROUP BY; `window.bareFilter(i)` runs one more with a new
 * parameter (the bare "filter change"). Bundled by bench/dashboard.ts with esbuild; the page sets
 * `window.BARE`.
 *
 * Marks: bare:ready (engine open and every table loaded), bare:query (first query answered).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromJSON } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';

/** Arrow-friendly cells: BIGINT → number, dates → ISO text, lists → JSON text (a baseline, not the site's typed path). */
const cell = (v: unknown): unknown =>
	typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : Array.isArray(v) || (v && typeof v === 'object') ? JSON.stringify(v) : v;

declare global {
	interface Window {
		BARE: { wasm: string; worker: string; files: { table: string; url: string; format: 'arrow' | 'parquet' }[] };
		bareFilter?: (i: number) => Promise<number>;
	}
}

async function main() {
	const { wasm, worker, files } = window.BARE;
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker));
	const bytes = Promise.all(files.map(async (f) => ({ ...f, bytes: new Uint8Array(await (await fetch(f.url)).arrayBuffer()) })));
	await db.instantiate(wasm);
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	for (const f of await bytes) {
		if (f.format === 'arrow') {
			await conn.insertArrowFromIPCStream(f.bytes, { name: f.table, create: true });
			continue;
		}
		const rows = (await parquetReadObjects({ file: f.bytes.buffer as ArrayBuffer })).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)])));
		if (rows.length) await conn.insertArrowTable(tableFromJSON(rows), { name: f.table });
	}
	performance.mark('bare:ready');
	const result = await conn.query(
		`SELECT p.is_synthetic, count(*)::INTEGER AS n FROM answers a JOIN programmes p USING (programme_id) WHERE p.is_current GROUP BY 1 ORDER BY 1`
	);
	performance.mark('bare:query');
	document.body.dataset.result = JSON.stringify(result.toArray().map((r) => r.toJSON()));
	const filter = await conn.prepare(
		`SELECT a.section, count(*)::INTEGER AS n FROM answers a JOIN programmes p USING (programme_id) WHERE p.is_current AND a.ordinal % 20 <> ? GROUP BY 1 ORDER BY 1`
	);
	window.bareFilter = async (i: number) => {
		const t0 = performance.now();
		await filter.query(i % 20);
		return performance.now() - t0;
	};
}

main().catch((e) => {
	document.body.dataset.error = String(e);
});
