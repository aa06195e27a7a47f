/**
 * What the query builders produce and what runs them.
 *
 * A `Query` is SQL with positional `?` parameters plus their values. The same Query object is
 * run by the browser (DuckDB-WASM, ./browser.ts) and by Node (@duckdb/node-api, ./node.server.ts):
 * both implement `QueryRunner`, so a page and a test cannot run different SQL.
 */

/** Values a query may bind. Numbers are bound as DOUBLE; integers the SQL needs are inlined after validation. */
export type Param = string | number | boolean | null;

/** `T` is the row type the query returns (a type only: it lets `runAll` type each result). */
export interface Query<T extends Row = Row> {
	/** Short id, e.g. `overview.figures`; shown next to the SQL in the UI and used in tests. */
	id: string;
	sql: string;
	params: Param[];
	/** Never set: carries `T` so a query record's results can be typed. */
	readonly rowType?: T;
}

/** A plain JSON-like value: what both runners return for every cell. */
export type Cell = string | number | boolean | null | Cell[];
export type Row = Record<string, Cell>;

export interface RunOptions {
	/** Aborted when the answer is no longer wanted (newer inputs): a query not yet started is skipped. */
	signal?: AbortSignal;
}

export interface QueryRunner {
	/** Runs one query; rows come back as plain objects (BIGINT → number, DATE → ISO string, lists → arrays). */
	run<T extends Row = Row>(query: Query<T> | Query, opts?: RunOptions): Promise<T[]>;
}

/** Thrown for a query skipped because its signal was aborted before it started. */
export class QueryCancelled extends Error {
	constructor(id: string) {
		super(`query ${id} cancelled (superseded)`);
		this.name = 'QueryCancelled';
	}
}

/** Normalises one cell from either driver to a plain value. */
export function plainCell(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return value.map(plainCell);
	// Arrow vectors (lists in DuckDB-WASM results) are iterable.
	if (typeof value === 'object' && Symbol.iterator in value) return [...(value as Iterable<unknown>)].map(plainCell);
	return String(value);
}
