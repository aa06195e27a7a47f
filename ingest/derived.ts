/**
 * The derived files written next to the dataset, from its Parquet files, before the output is
 * swapped in (one call in ./parquet.ts):
 *
 * - `<summary>.parquet` for each summary table (src/lib/db/summaries.ts): Node reads these;
 * - `<table>.arrow` and `<summary>.arrow`, Arrow IPC streams of the same rows: the browser inserts
 *   them into DuckDB-WASM as they are, instead of decoding Parquet in JavaScript.
 *
 * The Parquet files stay the published dataset; everything here can be recomputed from them.
 * Deterministic: one DuckDB thread, summary rows in a fixed order.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableToIPC } from 'apache-arrow';
import { tableFileName } from '../src/lib/dataset/files';
import { TABLES, type TableDef } from '../src/lib/dataset/tables';
import { parquetToArrow } from '../src/lib/db/parquet-arrow';
import { SUMMARIES, summaryTableDef } from '../src/lib/db/summaries';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Writes the summaries and the Arrow copies into `dir` (which holds the dataset's Parquet files). Returns the files written. */
export async function writeDerived(dir: string): Promise<string[]> {
	const written: string[] = [];
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	try {
		await conn.run('SET autoinstall_known_extensions = false');
		for (const t of TABLES) {
			const path = join(dir, tableFileName(t.name));
			if (existsSync(path)) await conn.run(`CREATE VIEW ${quote(t.name)} AS SELECT * FROM read_parquet(${literal(path)})`);
		}
		for (const s of SUMMARIES) {
			if (!s.from.every((t) => existsSync(join(dir, tableFileName(t))))) continue;
			const file = tableFileName(s.name);
			await conn.run(`COPY (${s.select}) TO ${literal(join(dir, file))} (FORMAT parquet, COMPRESSION snappy)`);
			written.push(file);
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	const defs: TableDef[] = [...TABLES, ...SUMMARIES.map(summaryTableDef)];
	for (const def of defs) {
		const path = join(dir, tableFileName(def.name));
		if (!existsSync(path)) continue;
		const decoded = await parquetToArrow(new Uint8Array(await readFile(path)).buffer, def, path);
		// An empty table has no Arrow copy: the browser makes it from the declared shape.
		if (!decoded.arrow) continue;
		const file = tableFileName(def.name, 'arrow');
		await writeFile(join(dir, file), tableToIPC(decoded.arrow, 'stream'));
		written.push(file);
	}
	return written;
}
