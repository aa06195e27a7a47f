/**
 * Parquet bytes → Apache Arrow table, with hyparquet (snappy built in), typed by tables.ts.
 *
 * DuckDB-WASM 1.32 has no Parquet reader of its own (it would download the extension from a
 * CDN), so the browser decodes the files here and hands Arrow tables to `insertArrowTable`.
 * Types follow the declared DuckDB type; where Arrow-in-DuckDB-WASM is awkward the value
 * travels in a simpler type and the view casts it back (see ./schema.ts):
 * DATE → ISO string, BIGINT → float64 (exact below 2^53; byte counts and row counts are).
 * Isomorphic: runs in Node tests too.
 */
import { parquetMetadata, parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { Bool, Field, Float64, Int32, List, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { ColumnType, TableDef } from '$lib/dataset/tables';

export interface DecodedTable {
	/** Declared columns that the file has, in declared order; the others become NULL in the view. */
	present: Set<string>;
	rows: number;
	/** Null when the file has no rows (DuckDB gets an empty typed table instead). */
	arrow: Table | null;
}

function arrowType(type: ColumnType): DataType {
	switch (type) {
		case 'VARCHAR':
		case 'DATE':
			return new Utf8();
		case 'INTEGER':
			return new Int32();
		case 'BIGINT':
		case 'DOUBLE':
			return new Float64();
		case 'BOOLEAN':
			return new Bool();
		case 'VARCHAR[]':
			return new List(new Field('item', new Utf8(), true));
	}
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function coerce(value: unknown, type: ColumnType, where: string): unknown {
	if (value === null || value === undefined) return null;
	switch (type) {
		case 'VARCHAR':
			return typeof value === 'string' ? value : String(value);
		case 'DATE':
			if (value instanceof Date) return isoDay(value);
			if (typeof value === 'string') return value;
			if (typeof value === 'number') return isoDay(new Date(value * 86_400_000));
			break;
		case 'INTEGER':
		case 'BIGINT':
		case 'DOUBLE':
			if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
			break;
		case 'BOOLEAN':
			if (typeof value === 'boolean') return value;
			break;
		case 'VARCHAR[]':
			if (Array.isArray(value)) return value.map((v) => (v === null || v === undefined ? null : String(v)));
			break;
	}
	throw new Error(`${where}: expected ${type}, found ${typeof value} ${JSON.stringify(String(value)).slice(0, 40)}`);
}

/**
 * Decodes one published Parquet file into an Arrow table with the declared columns.
 * @param label names the file in error messages
 */
export async function parquetToArrow(bytes: ArrayBuffer, table: TableDef, label: string): Promise<DecodedTable> {
	const { metadata, columns, present } = readLayout(bytes, table, label);
	const rowCount = Number(metadata.num_rows);
	if (rowCount === 0 || columns.length === 0) return { present, rows: 0, arrow: null };
	const arrow = await decodeRows(bytes, metadata, columns, label, 0, rowCount);
	return { present, rows: rowCount, arrow };
}

/** The footer of a Parquet file read through an AsyncBuffer (only the footer's bytes are read). */
export async function parquetFileMetadata(file: AsyncBuffer, label: string): Promise<FileMetaData> {
	try {
		return await parquetMetadataAsync(file);
	} catch (e) {
		throw new Error(`${label}: not a readable Parquet file (${(e as Error).message})`);
	}
}

/**
 * The same as parquetToArrow, one Arrow table per Parquet row group, for a file too large to hold
 * decoded at once (the ingest writes its Arrow copies this way when a table has several row groups).
 * `file` may be an AsyncBuffer over a file on disk: only the group being decoded is read, so memory
 * follows the row group whatever the file's size.
 */
export async function* parquetRowGroupsToArrow(file: AsyncBuffer, metadata: FileMetaData, table: TableDef, label: string): AsyncGenerator<Table> {
	const { columns } = layoutOf(metadata, table);
	if (Number(metadata.num_rows) === 0 || columns.length === 0) return;
	let start = 0;
	for (const group of metadata.row_groups) {
		const end = start + Number(group.num_rows);
		if (end > start) yield await decodeRows(file, metadata, columns, label, start, end);
		start = end;
	}
}

function readLayout(bytes: ArrayBuffer, table: TableDef, label: string) {
	let metadata;
	try {
		metadata = parquetMetadata(bytes);
	} catch (e) {
		throw new Error(`${label}: not a readable Parquet file (${(e as Error).message})`);
	}
	return { metadata, ...layoutOf(metadata, table) };
}

function layoutOf(metadata: FileMetaData, table: TableDef) {
	const fileColumns = new Set(parquetSchema(metadata).children.map((c) => c.element.name));
	const columns = table.columns.filter((c) => fileColumns.has(c.name));
	return { columns, present: new Set(columns.map((c) => c.name)) };
}

async function decodeRows(
	bytes: ArrayBuffer | AsyncBuffer,
	metadata: ReturnType<typeof parquetMetadata>,
	columns: TableDef['columns'],
	label: string,
	rowStart: number,
	rowEnd: number
): Promise<Table> {
	const rows = await new Promise<unknown[][]>((resolve, reject) => {
		parquetRead({
			file: bytes,
			metadata,
			columns: columns.map((c) => c.name),
			rowStart,
			rowEnd,
			parsers: { dateFromDays: (days: number) => isoDay(new Date(days * 86_400_000)) },
			onComplete: (r: unknown[][]) => resolve(r)
		}).catch(reject);
	});
	const vectors: Record<string, Vector> = {};
	columns.forEach((col, i) => {
		const values = rows.map((r, n) => coerce(r[i], col.type, `${label} row ${rowStart + n + 1} column ${col.name}`));
		vectors[col.name] = vectorFromArray(values, arrowType(col.type));
	});
	return new Table(vectors);
}
