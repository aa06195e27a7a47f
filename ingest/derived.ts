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
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { RecordBatch, RecordBatchStreamWriter, Schema, tableToIPC } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { tableFileName } from '../src/lib/dataset/files';
import { TABLES, type TableDef } from '../src/lib/dataset/tables';
import { parquetRowGroupsToArrow, parquetToArrow } from '../src/lib/db/parquet-arrow';
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
		const bytes = new Uint8Array(await readFile(path)).buffer;
		const file = tableFileName(def.name, 'arrow');
		// An empty table has no Arrow copy: the browser makes it from the declared shape.
		if (await writeArrow(bytes, def, path, join(dir, file))) written.push(file);
	}
	return written;
}

/**
 * The Arrow IPC stream of one Parquet file: one record batch per row group, decoded and written
 * one at a time, so memory follows the row group (ROW_GROUP_SIZE in ./parquet.ts), not the table.
 * A file of one row group (every table of the demo corpus) is written in one piece, as before.
 * Returns false for a file without rows (no Arrow copy).
 */
async function writeArrow(bytes: ArrayBuffer, def: TableDef, label: string, out: string): Promise<boolean> {
	const metadata = parquetMetadata(bytes);
	if (metadata.row_groups.length <= 1) {
		const decoded = await parquetToArrow(bytes, def, label);
		if (!decoded.arrow) return false;
		await writeFile(out, tableToIPC(decoded.arrow, 'stream'));
		return true;
	}
	// Every batch carries the whole file's schema: a column is nullable when any row group has a null
	// (a batch's own schema would say so only for its rows, and the stream would restart).
	const nulls = new Map<string, boolean>();
	for (const group of metadata.row_groups) {
		for (const chunk of group.columns) {
			const name = chunk.meta_data?.path_in_schema?.[0];
			const count = chunk.meta_data?.statistics?.null_count;
			if (name !== undefined) nulls.set(name, (nulls.get(name) ?? false) || count === undefined || Number(count) > 0);
		}
	}
	const writer = new RecordBatchStreamWriter();
	const done = pipeline(writer.toNodeStream(), createWriteStream(out));
	let schema: Schema | null = null;
	for await (const part of parquetRowGroupsToArrow(bytes, def, label)) {
		schema ??= new Schema(part.schema.fields.map((f) => f.clone({ nullable: nulls.get(f.name) ?? true })));
		for (const batch of part.batches) writer.write(new RecordBatch(schema, batch.data));
		await new Promise((ok) => setImmediate(ok)); // let the file take what is written so far
	}
	writer.close();
	await done;
	return schema !== null;
}
