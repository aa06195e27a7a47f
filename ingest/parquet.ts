/**
 * Writes a Dataset as Parquet (one file per table, snappy, rows in each table's order) with
 * @duckdb/node-api, atomically: everything goes to a new version directory, which then replaces
 * the output in one rename of a link (./output.ts). A failed or interrupted run leaves the
 * previous dataset as it was.
 *
 * Deterministic: one DuckDB thread, rows sorted by every column, a manifest without
 * timestamps, so the same dataset always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
	DuckDBInstance,
	LIST,
	VARCHAR,
	dateValue,
	version as duckdbVersion,
	type DuckDBAppender,
	type DuckDBConnection
} from '@duckdb/node-api';
import { validateRows, type Cell, type Dataset, type Row } from '../src/lib/dataset/rows';
import { TABLES, type ColumnDef, type TableDef } from '../src/lib/dataset/tables';
import { writeDerived } from './derived';
import { WORK_DIR, newVersionDir, pendingPaths, publishVersion, pruneStore } from './output';

export interface ManifestTable {
	name: string;
	file: string;
	rows: number;
	bytes: number;
	sha256: string;
}

export interface Manifest {
	dataset: 'kotokartta';
	ingestVersion: string;
	/** The ingest's "today" (ISO): dates after it are flagged as in the future (src/lib/dataset/dates.ts). */
	referenceDate?: string;
	/** The DuckDB library that wrote the files (its version is inside each Parquet file too). */
	writer: string;
	tables: ManifestTable[];
	dictionary: string;
}

export interface WriteOptions {
	ingestVersion: string;
	/** Recorded in the manifest (see Manifest.referenceDate). */
	referenceDate?: string;
	/** Markdown written next to the data as `data-dictionary.md`. */
	dictionary: string;
	/** Test hook: called after each table's file is written (throw to simulate a failure). */
	afterTable?: (name: string) => void | Promise<void>;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Writes a whole in-memory dataset (see DatasetWriter for one written as it is built). */
export async function writeDataset(data: Dataset, outDir: string, opts: WriteOptions): Promise<Manifest> {
	const writer = await DatasetWriter.open(outDir, opts);
	try {
		for (const table of TABLES) {
			const rows = data[table.name];
			if (!rows) throw new Error(`dataset has no rows array for table "${table.name}"`);
			await writer.append(table.name, rows);
		}
		return await writer.finish();
	} finally {
		await writer.abort();
	}
}

/** Rows per appender between flushes: keeps DuckDB's transaction-local buffer small. */
const FLUSH_ROWS = 5000;

/**
 * Appended rows between checkpoints. Rows flushed by an appender stay in DuckDB's memory, outside
 * its memory limit, until a checkpoint writes them to the database file: on the 10× corpus
 * (323 k change rows) the writer's process grew by ~450 MB without one, ~150 MB with one every
 * 20 k rows. The demo corpus's tables stay under that, so it checkpoints once or twice.
 */
const CHECKPOINT_ROWS = 20_000;

/**
 * DuckDB's memory limit while writing: sorts and tables past it go to disk, so the ingest's
 * memory stays flat as the corpus grows (128 MB sorted 1.3 M answer rows, 100× the demo corpus,
 * in ~300 MB of process memory; 64 MB was too little for 130 k). Should one table still need
 * more (a few enormous values), its copy is retried with the next limit.
 */
const MEMORY_LIMITS_MB = [128, 512, 2048];

/**
 * Rows per Parquet row group. The demo corpus's largest table has ~14 k rows, so each file is
 * one group (as with DuckDB's default); a larger corpus gets several, and its Arrow copies are
 * decoded and written a group at a time (./derived.ts), so that memory stays flat too.
 */
const ROW_GROUP_SIZE = 16_384;

/**
 * A dataset written as it is built: rows are appended (in any order) to tables of a DuckDB
 * database in the new version's working directory, which spills to disk past a small memory
 * limit, so a corpus ten times larger does not take ten times the memory. `finish` writes each
 * table sorted by every column (the same bytes whatever order the rows came in), the derived
 * files and the manifest, then swaps the version in; `abort` (also after `finish`) removes
 * whatever is left.
 */
export class DatasetWriter {
	private readonly appenders = new Map<string, { appender: DuckDBAppender; table: TableDef; pending: number; rows: number }>();
	private done = false;
	private flushedSinceCheckpoint = 0;

	private constructor(
		private readonly outDir: string,
		private readonly opts: WriteOptions,
		private readonly tmp: string,
		private readonly instance: DuckDBInstance,
		private readonly connection: DuckDBConnection
	) {}

	/** `tmp`: a version directory from newVersionDir to write into (default: a new one); the writer owns it from here. */
	static async open(outDir: string, opts: WriteOptions, tmp?: string): Promise<DatasetWriter> {
		if (!tmp) {
			await pruneStore(outDir); // repairs a run killed mid-migration, removes leftovers of dead runs
			tmp = await newVersionDir(outDir);
		}
		const work = join(tmp, WORK_DIR);
		try {
			await mkdir(work, { recursive: true });
			const instance = await DuckDBInstance.create(join(work, 'rows.duckdb'), {
				threads: '1',
				memory_limit: `${MEMORY_LIMITS_MB[0]}MB`,
				temp_directory: join(work, 'duckdb-tmp')
			});
			const connection = await instance.connect();
			const writer = new DatasetWriter(outDir, opts, tmp, instance, connection);
			for (const table of TABLES) {
				const columns = table.columns.map((c) => `${quote(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');
				await connection.run(`CREATE TABLE ${quote(table.name)} (${columns})`);
				writer.appenders.set(table.name, { appender: await connection.createAppender(table.name), table, pending: 0, rows: 0 });
			}
			return writer;
		} catch (e) {
			await rm(tmp, { recursive: true, force: true });
			pendingPaths.delete(tmp);
			throw e;
		}
	}

	/** Checks the rows against the table's columns (validateRows) and appends them. */
	async append(tableName: string, rows: readonly Row[]): Promise<void> {
		const a = this.appenders.get(tableName);
		if (!a) throw new Error(`no table "${tableName}" in tables.ts`);
		validateRows(a.table, rows);
		for (const row of rows) {
			for (const c of a.table.columns) append(a.appender, c, row[c.name] ?? null);
			a.appender.endRow();
			if (++a.pending >= FLUSH_ROWS) {
				a.appender.flushSync();
				a.pending = 0;
				if ((this.flushedSinceCheckpoint += FLUSH_ROWS) >= CHECKPOINT_ROWS) {
					this.flushedSinceCheckpoint = 0;
					await this.connection.run('FORCE CHECKPOINT');
				}
			}
		}
		a.rows += rows.length;
	}

	async finish(): Promise<Manifest> {
		const { tmp, opts } = this;
		const tables: ManifestTable[] = [];
		for (const a of this.appenders.values()) a.appender.closeSync();
		this.appenders.clear();
		for (const table of TABLES) {
			const file = `${table.name}.parquet`;
			await copyTable(this.connection, table, join(tmp, file));
			const bytes = await readFile(join(tmp, file));
			const [{ n }] = (await this.connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${quote(table.name)}`)).getRowObjectsJS() as { n: number }[];
			tables.push({ name: table.name, file, rows: n, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
			await opts.afterTable?.(table.name);
		}
		this.close();
		await rm(join(tmp, WORK_DIR), { recursive: true, force: true });
		const derived = await writeDerived(tmp); // summary tables and Arrow copies for the browser (ingest/derived.ts)
		await writeFile(join(tmp, 'data-dictionary.md'), opts.dictionary);
		const manifest: Manifest = {
			dataset: 'kotokartta',
			ingestVersion: opts.ingestVersion,
			...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}),
			writer: `@duckdb/node-api (DuckDB ${duckdbVersion()})`,
			tables,
			dictionary: 'data-dictionary.md'
		};
		const manifestText = JSON.stringify(manifest, null, '\t') + '\n';
		await writeFile(join(tmp, 'manifest.json'), manifestText);
		// Same dataset, same version name: a re-ingest of unchanged inputs relinks the same directory. The
		// derived files count too: a changed summary table (new code, same inputs) is a new version, not
		// the old files relinked.
		const version = createHash('sha256').update(manifestText);
		for (const file of [...derived].sort()) version.update(`\0${file}\0`).update(await readFile(join(tmp, file)));
		await publishVersion(tmp, this.outDir, `v-${version.digest('hex').slice(0, 16)}`);
		this.done = true;
		return manifest;
	}

	/** Removes the working files and the unpublished version (a no-op after a successful finish). */
	async abort(): Promise<void> {
		this.close();
		await rm(this.tmp, { recursive: true, force: true });
		pendingPaths.delete(this.tmp);
	}

	private closed = false;
	private close(): void {
		if (this.closed) return;
		this.closed = true;
		for (const a of this.appenders.values()) {
			try {
				a.appender.closeSync();
			} catch {
				// closing after a failure: the database is thrown away anyway
			}
		}
		this.appenders.clear();
		this.connection.closeSync();
		this.instance.closeSync();
	}
}

async function copyTable(connection: DuckDBConnection, table: TableDef, path: string): Promise<void> {
	const order = [...table.orderBy, ...table.columns.map((c) => c.name).filter((n) => !table.orderBy.includes(n))];
	const copy = `COPY (SELECT * FROM ${quote(table.name)} ORDER BY ${order.map(quote).join(', ')}) TO ${literal(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`;
	for (let i = 0; i < MEMORY_LIMITS_MB.length; i++) {
		try {
			return void (await connection.run(copy));
		} catch (e) {
			if (i === MEMORY_LIMITS_MB.length - 1 || !/out of memory/i.test((e as Error)?.message ?? '')) throw e;
			await connection.run(`SET memory_limit = '${MEMORY_LIMITS_MB[i + 1]}MB'`);
		}
	}
}

function append(appender: DuckDBAppender, c: ColumnDef, v: Cell): void {
	if (v === null) return appender.appendNull();
	switch (c.type) {
		case 'VARCHAR':
			return appender.appendVarchar(v as string);
		case 'INTEGER':
			return appender.appendInteger(v as number);
		case 'BIGINT':
			return appender.appendBigInt(BigInt(v as number));
		case 'DOUBLE':
			return appender.appendDouble(v as number);
		case 'BOOLEAN':
			return appender.appendBoolean(v as boolean);
		case 'DATE': {
			const [year, month, day] = (v as string).split('-').map(Number);
			return appender.appendDate(dateValue({ year, month, day }));
		}
		case 'VARCHAR[]':
			return appender.appendList(v as string[], LIST(VARCHAR));
	}
}
