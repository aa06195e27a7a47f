/** Read Parquet back with DuckDB (Node) in tests. */
import { DuckDBInstance } from '@duckdb/node-api';

export type JsonRow = Record<string, unknown>;

export async function query(sql: string): Promise<JsonRow[]> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const connection = await instance.connect();
	try {
		const reader = await connection.runAndReadAll(sql);
		return reader.getRowObjectsJson() as JsonRow[];
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

export const parquet = (dir: string, table: string) => `read_parquet('${dir.replace(/'/g, "''")}/${table}.parquet')`;
