/** Running a page's query record: one place instead of one hand-written loader per page. */
import type { Query, QueryRunner, Row } from '../types';

/** A page's queries by name; `null` marks a query that does not apply (its result is `[]`). */
export type QueryRecord = Record<string, Query<any> | null>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The rows of each query of a record, typed by the query's row type. */
export type Results<R extends QueryRecord> = {
	[K in keyof R]: NonNullable<R[K]> extends Query<infer T> ? T[] : never[];
};

/**
 * Runs every query of the record at once and returns their rows under the same names. The
 * runners order statements themselves (DuckDB-WASM has one worker), so issuing them together
 * only spares the round trips between them.
 */
export async function runAll<R extends QueryRecord>(
	runner: QueryRunner,
	queries: R,
	/** Called with each query's rows as they arrive (in the record's order when the runner answers in order). */
	onRows?: (name: keyof R & string, rows: Row[]) => void
): Promise<Results<R>> {
	const names = Object.keys(queries);
	const rows = await Promise.all(
		names.map((n) =>
			(queries[n] ? runner.run(queries[n]!) : Promise.resolve([])).then((r) => {
				onRows?.(n, r);
				return r;
			})
		)
	);
	const out: Record<string, Row[]> = {};
	names.forEach((n, i) => (out[n] = rows[i]));
	return out as Results<R>;
}

/** A page's query record and its loader (the record run at once with any runner: the prerender in Node and the page in the browser call the same function). */
export function pageQueries<A extends unknown[], R extends QueryRecord>(
	queries: (...args: A) => R
): [queries: (...args: A) => R, load: (runner: QueryRunner, ...args: A) => Promise<Results<R>>] {
	return [queries, (runner, ...args) => runAll(runner, queries(...args))];
}

/** What a page shows: the rows of each query of its record. */
export type PageData<F extends (...args: never[]) => QueryRecord> = Results<ReturnType<F>>;
