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
import { SUMMARIES, summaryFromSql, summaryTableSql } from './summaries';
import { plainCell, type Query, type QueryRunner, type Row } from './types';
import type { DatasetFile } from './dataset';
import { tableFileName } from '$lib/dataset/files';

export interface NodeDatabase extends QueryRunner {
	/** Where each table (and summary table) came from: the Parquet path, or null when the file does not exist (empty table; computed summary). */
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
	// Summary tables: the ingest's file when there is one (the numbers the browser gets too), else computed now.
	for (const s of SUMMARIES) {
		const path = join(dir, tableFileName(s.name));
		await conn.run(existsSync(path) ? summaryFromSql(s, `read_parquet(${quoteLiteral(path)})`, 'VIEW') : summaryTableSql(s));
		sources[s.name] = existsSync(path) ? path : null;
	}

	const log: Query[] = [];
	// One statement at a time on the one connection (runAll issues a page's queries together).
	let queue: Promise<unknown> = Promise.resolve();
	return {
		sources,
		log,
		async run<T extends Row = Row>(query: Query<T> | Query): Promise<T[]> {
			log.push(query);
			let reader;
			const next = queue.then(() => conn.runAndReadAll(query.sql, query.params as never));
			queue = next.catch(() => undefined);
			try {
				reader = await next;
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
	const version = (path: string) => {
		const st = statSync(path);
		return `${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}`;
	};
	// The Arrow copy (ingest/derived.ts) the browser loads instead of the Parquet, when there is one.
	const arrowOf = (path: string | null) => {
		const arrow = path?.replace(/\.parquet$/, '.arrow');
		return arrow && existsSync(arrow) ? { arrow: version(arrow) } : {};
	};
	const tables: DatasetFile[] = TABLES.map((t) => {
		const path = db.sources[t.name];
		if (!path) return { table: t.name, available: false, bytes: 0, rows: 0, version: '' };
		return { table: t.name, available: true, bytes: statSync(path).size, rows: counts[t.name] ?? 0, version: version(path), ...arrowOf(path) };
	});
	// Summary tables travel only as Arrow (Node reads their Parquet); not part of the published dataset.
	const summaries: DatasetFile[] = SUMMARIES.flatMap((s) => {
		const a = arrowOf(db.sources[s.name] ?? null);
		return a.arrow ? [{ table: s.name, available: false, bytes: 0, rows: 0, version: '', derived: true, ...a }] : [];
	});
	return [...tables, ...summaries];
}
