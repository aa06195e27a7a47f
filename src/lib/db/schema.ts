/**
 * How each dataset table becomes a DuckDB view, the same way in Node and in the browser.
 *
 * The raw data arrives differently (Node reads Parquet with `read_parquet`, the browser inserts
 * Arrow tables decoded by hyparquet into `raw_<table>`), so each table is exposed as a view that
 * selects exactly the columns of `src/lib/dataset/tables.ts`, cast to their declared types.
 * A column the file lacks becomes a typed NULL, and a table that has not been produced yet
 * becomes an empty table with the declared schema: queries always see the same shape.
 */
import { TABLES, type ColumnDef, type TableDef } from '$lib/dataset/tables';

/** Table names are identifiers from tables.ts; anything else is refused before it reaches SQL. */
export function assertTableName(name: string): TableDef {
	const def = TABLES.find((t) => t.name === name);
	if (!def) throw new Error(`unknown dataset table "${name}"`);
	return def;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A SQL string literal (for file paths in Node only; user input never goes here, it is bound as a parameter). */
export const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

function columnExpr(col: ColumnDef, present: ReadonlySet<string>): string {
	const id = quoteIdent(col.name);
	return present.has(col.name) ? `CAST(${id} AS ${col.type}) AS ${id}` : `CAST(NULL AS ${col.type}) AS ${id}`;
}

/**
 * `CREATE VIEW <table> AS SELECT <declared columns, cast> FROM <source>`.
 * @param source a table name or a table function call, e.g. `raw_programmes` or `read_parquet('…')`
 * @param present the columns the source actually has
 */
export function viewSql(table: TableDef, source: string, present: ReadonlySet<string>): string {
	return `CREATE OR REPLACE VIEW ${quoteIdent(table.name)} AS ${selectSql(table, source, present)}`;
}

/**
 * The same shape as viewSql, materialised: `CREATE TABLE <table> AS SELECT …`. The browser uses
 * it (the data is small and already in memory; a table spares every query the view's casts).
 */
export function tableSql(table: TableDef, source: string, present: ReadonlySet<string>): string {
	return `CREATE OR REPLACE TABLE ${quoteIdent(table.name)} AS ${selectSql(table, source, present)}`;
}

function selectSql(table: TableDef, source: string, present: ReadonlySet<string>): string {
	const cols = table.columns.map((c) => columnExpr(c, present)).join(',\n\t');
	return `SELECT\n\t${cols}\nFROM ${source}`;
}

/** An empty table with the declared schema, for a dataset table that has not been produced yet. */
export function emptyTableSql(table: TableDef): string {
	const cols = table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
	return `CREATE OR REPLACE TABLE ${quoteIdent(table.name)} (${cols})`;
}

/** Name of the table that holds a dataset table's decoded rows in the browser. */
export const rawTableName = (table: TableDef) => `raw_${table.name}`;

/**
 * Settings applied to every connection before anything else: DuckDB must never fetch an
 * extension (the browser build would go to a CDN; the site makes no request off its origin).
 */
export const SAFETY_SETTINGS: readonly string[] = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
];
