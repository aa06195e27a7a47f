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
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RecordBatch, RecordBatchStreamWriter, Schema, tableToIPC } from 'apache-arrow';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { tableFileName } from '../src/lib/dataset/files';
import { TABLES, type TableDef } from '../src/lib/dataset/tables';
import { parquetFileMetadata, parquetRowGroupsToArrow, parquetToArrow } from '../src/lib/db/parquet-arrow';
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
		const file = tableFileName(def.name, 'arrow');
		// An empty table has no Arrow copy: the browser makes it from the declared shape.
		if (await writeArrow(path, def, join(dir, file))) written.push(file);
	}
	return written;
}

/**
 * The Arrow IPC stream of one Parquet file: one record batch per row group, decoded and written
 * one at a time, so memory follows the row group (ROW_GROUP_SIZE in ./parquet.ts), not the table:
 * the Parquet file is read a group at a time and each batch's bytes go to the file before the
 * next group is decoded (a stream writer's queue had held the whole table: ~240 MB at 10×).
 * A file of one row group (every table of the demo corpus) is written in one piece, as before.
 * Returns false for a file without rows (no Arrow copy).
 */
async function writeArrow(path: string, def: TableDef, out: string): Promise<boolean> {
	const handle = await open(path, 'r');
	try {
		const size = (await handle.stat()).size;
		const file: AsyncBuffer = {
			byteLength: size,
			async slice(start: number, end = size) {
				const bytes = new Uint8Array(end - start);
				await handle.read(bytes, 0, bytes.length, start);
				return bytes.buffer;
			}
		};
		const metadata = await parquetFileMetadata(file, path);
		if (metadata.row_groups.length <= 1) {
			const decoded = await parquetToArrow(await file.slice(0), def, path);
			if (!decoded.arrow) return false;
			await writeFile(out, tableToIPC(decoded.arrow, 'stream'));
			return true;
		}
		return await writeGroups(file, metadata, def, path, out);
	} finally {
		await handle.close();
	}
}

async function writeGroups(file: AsyncBuffer, metadata: FileMetaData, def: TableDef, label: string, out: string): Promise<boolean> {
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
	const fd = openSync(out, 'w');
	try {
		let schema: Schema | null = null;
		let written = 0;
		for await (const part of parquetRowGroupsToArrow(file, metadata, def, label)) {
			schema ??= new Schema(part.schema.fields.map((f) => f.clone({ nullable: nulls.get(f.name) ?? true })));
			for (const batch of part.batches) {
				// A one-batch stream is schema message + batch message + end marker; the file gets the
				// schema once, then each batch's message, then one end marker: the stream one writer makes.
				const bytes = RecordBatchStreamWriter.writeAll([new RecordBatch(schema, batch.data)]).toUint8Array(true);
				writeSync(fd, bytes.subarray(written++ === 0 ? 0 : messageEnd(bytes, 0), bytes.length - END_MARKER.length));
			}
		}
		if (schema === null) return false;
		writeSync(fd, END_MARKER);
		return true;
	} finally {
		closeSync(fd);
	}
}

/** The IPC stream's end-of-stream marker: continuation word, then a zero metadata length. */
const END_MARKER = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Where the body-less message (the schema) starting at `at` ends: continuation word, length, metadata. */
function messageEnd(bytes: Uint8Array, at: number): number {
	return at + 8 + new DataView(bytes.buffer, bytes.byteOffset + at + 4, 4).getInt32(0, true);
}
