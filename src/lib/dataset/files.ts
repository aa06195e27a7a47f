/**
 * The published file of each dataset table, named in one place: `<table>.parquet` is the dataset
 * (what users download and Node reads); `<table>.arrow` is the same rows as an Arrow IPC stream,
 * the browser's copy (DuckDB-WASM inserts it without decoding Parquet in JavaScript).
 */
export type TableFileFormat = 'parquet' | 'arrow';

export function tableFileName(table: string, format: TableFileFormat = 'parquet'): string {
	return `${table}.${format}`;
}
