/**
 * Writes a Dataset as Parquet (one file per table, snappy, rows in each table's order) with
 * @duckdb/node-api, atomically: everything goes to a temporary directory beside the output,
 * which then replaces the output in two renames. A failed or interrupted run leaves the
 * previous dataset as it was.
 *
 * Deterministic: one DuckDB thread, rows sorted by every column, a manifest without
 * timestamps, so the same dataset always gives the same bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
	DuckDBInstance,
	LIST,
	VARCHAR,
	dateValue,
	version as duckdbVersion,
	type DuckDBAppender,
	type DuckDBConnection
} from '@duckdb/node-api';
import type { Cell, Dataset, Row } from '../src/lib/dataset/rows';
import { TABLES, type ColumnDef, type TableDef } from '../src/lib/dataset/tables';
import { writeDerived } from './derived';

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
	/** The DuckDB library that wrote the files (its version is inside each Parquet file too). */
	writer: string;
	tables: ManifestTable[];
	dictionary: string;
}

export interface WriteOptions {
	ingestVersion: string;
	/** Markdown written next to the data as `data-dictionary.md`. */
	dictionary: string;
	/** Test hook: called after each table's file is written (throw to simulate a failure). */
	afterTable?: (name: string) => void | Promise<void>;
}

/** Temporary directories of writes in progress, removed on SIGINT/SIGTERM by the CLI. */
export const pendingDirs = new Set<string>();

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function writeDataset(data: Dataset, outDir: string, opts: WriteOptions): Promise<Manifest> {
	await recoverInterruptedSwap(outDir);
	const parent = dirname(outDir);
	const base = basename(outDir);
	await mkdir(parent, { recursive: true });
	const tmp = join(parent, `.${base}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
	pendingDirs.add(tmp);
	try {
		await mkdir(tmp);
		const tables = await writeTables(data, tmp, opts);
		await writeDerived(tmp); // summary tables and Arrow copies for the browser (ingest/derived.ts)
		await writeFile(join(tmp, 'data-dictionary.md'), opts.dictionary);
		const manifest: Manifest = {
			dataset: 'kotokartta',
			ingestVersion: opts.ingestVersion,
			writer: `@duckdb/node-api (DuckDB ${duckdbVersion()})`,
			tables,
			dictionary: 'data-dictionary.md'
		};
		await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		await swapIn(tmp, outDir);
		return manifest;
	} finally {
		await rm(tmp, { recursive: true, force: true });
		pendingDirs.delete(tmp);
	}
}

async function writeTables(data: Dataset, dir: string, opts: WriteOptions): Promise<ManifestTable[]> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const connection = await instance.connect();
	try {
		const out: ManifestTable[] = [];
		for (const table of TABLES) {
			const rows = data[table.name];
			if (!rows) throw new Error(`dataset has no rows array for table "${table.name}"`);
			const file = `${table.name}.parquet`;
			await writeTable(connection, table, rows, join(dir, file));
			const bytes = await readFile(join(dir, file));
			out.push({ name: table.name, file, rows: rows.length, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
			await opts.afterTable?.(table.name);
		}
		return out;
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

async function writeTable(connection: DuckDBConnection, table: TableDef, rows: readonly Row[], path: string): Promise<void> {
	const columns = table.columns.map((c) => `${quote(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');
	await connection.run(`CREATE OR REPLACE TABLE ${quote(table.name)} (${columns})`);
	const appender = await connection.createAppender(table.name);
	try {
		for (const row of rows) {
			for (const c of table.columns) append(appender, c, row[c.name] ?? null);
			appender.endRow();
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
	const order = [...table.orderBy, ...table.columns.map((c) => c.name).filter((n) => !table.orderBy.includes(n))];
	await connection.run(
		`COPY (SELECT * FROM ${quote(table.name)} ORDER BY ${order.map(quote).join(', ')}) ` +
			`TO ${literal(path)} (FORMAT parquet, COMPRESSION snappy)`
	);
	await connection.run(`DROP TABLE ${quote(table.name)}`);
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

/** Replace `outDir` with `tmp`: two renames; the old dataset is removed only after the new one is in place. */
async function swapIn(tmp: string, outDir: string): Promise<void> {
	const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
	const hadOld = existsSync(outDir);
	if (hadOld) {
		if (!(await stat(outDir)).isDirectory()) throw new Error(`${outDir} exists and is not a directory`);
		await rename(outDir, old);
	}
	try {
		await rename(tmp, outDir);
	} catch (e) {
		if (hadOld) await rename(old, outDir);
		throw e;
	}
	if (hadOld) await rm(old, { recursive: true, force: true });
}

/**
 * A run killed between the two renames leaves no output but a `.<name>.old-*` directory:
 * put it back before anything else. Leftover temporary directories are removed.
 */
export async function recoverInterruptedSwap(outDir: string): Promise<void> {
	const parent = dirname(outDir);
	const base = basename(outDir);
	if (!existsSync(parent)) return;
	const entries = await readdir(parent);
	const olds = entries.filter((e) => e.startsWith(`.${base}.old-`)).sort();
	if (!existsSync(outDir) && olds.length > 0) {
		await rename(join(parent, olds[olds.length - 1]), outDir);
		olds.pop();
	}
	for (const e of [...olds, ...entries.filter((x) => x.startsWith(`.${base}.tmp-`))]) {
		const path = join(parent, e);
		// Another ingest writing to the same place right now keeps its directory.
		if (!pendingDirs.has(path) && !isAlive(Number(/-(\d+)-[0-9a-f]+$/.exec(e)?.[1]))) await rm(path, { recursive: true, force: true });
	}
}

function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}
