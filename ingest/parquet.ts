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
import { readFile, rm, writeFile } from 'node:fs/promises';
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
import type { Cell, Dataset, Row } from '../src/lib/dataset/rows';
import { TABLES, type ColumnDef, type TableDef } from '../src/lib/dataset/tables';
import { writeDerived } from './derived';
import { newVersionDir, pendingPaths, publishVersion, pruneStore } from './output';

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

export async function writeDataset(data: Dataset, outDir: string, opts: WriteOptions): Promise<Manifest> {
	await pruneStore(outDir); // repairs a run killed mid-migration, removes leftovers of dead runs
	const tmp = await newVersionDir(outDir);
	try {
		const tables = await writeTables(data, tmp, opts);
		await writeDerived(tmp); // summary tables and Arrow copies for the browser (ingest/derived.ts)
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
		// Same dataset, same version name: a re-ingest of unchanged inputs relinks the same directory.
		await publishVersion(tmp, outDir, `v-${createHash('sha256').update(manifestText).digest('hex').slice(0, 16)}`);
		return manifest;
	} finally {
		await rm(tmp, { recursive: true, force: true });
		pendingPaths.delete(tmp);
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
