/**
 * The Node side of the data layer: the same views and the same Query objects as the browser,
 * over the Parquet files on disk, with @duckdb/node-api. Used by the prerender (build-time
 * figures, CSV downloads) and by tests. Server-only (`.server.ts`): never bundled for the browser.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type TableDef } from '$lib/dataset/tables';
import { emptyTableSql, quoteLiteral, SAFETY_SETTINGS, viewSql } from './schema';
import { plainCell, type Query, type QueryRunner, type Row } from './types';
import type { DatasetFile } from './dataset';
import { tableFileName } from '$lib/dataset/files';

export interface NodeDatabase extends QueryRunner {
	/** Where each table came from: the Parquet path, or null when the file does not exist (empty table). */
	sources: Record<string, string | null>;
	/** Every statement run, in order (setup excluded): lets tests compare with the browser. */
	log: Query[];
	close(): void;
}

/** Opens an in-memory DuckDB with one view per dataset table over `<dir>/<table>.parquet`. */
export async function openNodeDatabase(dataDir: string): Promise<NodeDatabase> {
	const dir = resolve(dataDir);
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const s of SAFETY_SETTINGS) await conn.run(s);
	const sources: Record<string, string | null> = {};
	for (const table of TABLES) sources[table.name] = await createView(conn, table, dir);

	const log: Query[] = [];
	return {
		sources,
		log,
		async run<T extends Row = Row>(query: Query): Promise<T[]> {
			log.push(query);
			let reader;
			try {
				reader = await conn.runAndReadAll(query.sql, query.params as never);
			} catch (e) {
				throw new Error(`query ${query.id} failed: ${(e as Error).message}`);
			}
			return reader.getRowObjectsJS().map((r) => {
				const out: Row = {};
				for (const [k, v] of Object.entries(r)) out[k] = plainCell(v);
				return out as T;
			});
		},
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

async function createView(conn: DuckDBConnection, table: TableDef, dir: string): Promise<string | null> {
	const path = join(dir, tableFileName(table.name));
	if (!existsSync(path)) {
		await conn.run(emptyTableSql(table));
		return null;
	}
	const source = `read_parquet(${quoteLiteral(path)})`;
	let present: Set<string>;
	try {
		const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
		present = new Set(described.getRowObjectsJS().map((r) => String(r.column_name)));
	} catch (e) {
		throw new Error(`${path}: cannot be read as Parquet (${(e as Error).message})`);
	}
	await conn.run(viewSql(table, source, present));
	return path;
}

export async function describeDataset(db: NodeDatabase, counts: Record<string, number>): Promise<DatasetFile[]> {
	return TABLES.map((t) => {
		const path = db.sources[t.name];
		if (!path) return { table: t.name, available: false, bytes: 0, rows: 0, version: '' };
		const st = statSync(path);
		return {
			table: t.name,
			available: true,
			bytes: st.size,
			rows: counts[t.name] ?? 0,
			version: `${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}`
		};
	});
}
