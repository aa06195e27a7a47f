/**
 * Runs one console query on a DuckDB-WASM connection of its own: the guard first, then the
 * query as a streamed result, keeping at most `maxRows` rows and stopping after `timeoutMs`
 * (the pending query is cancelled with `cancelSent()`, which DuckDB-WASM checks between polls).
 *
 * The row limit is applied while reading the stream, not by rewriting the SQL: the statement
 * runs exactly as written, and DESCRIBE/SHOW/EXPLAIN are limited the same way.
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { checkReadOnly, type GuardRejected } from './guard';
import { cellValue, columnsOf, type ConsoleCell, type ConsoleColumn } from './values';
import { plainMessage, queryProblem, type QueryProblem } from './errors';

export type { QueryProblem } from './errors';

/** What the runner needs from `AsyncDuckDBConnection` (tests pass fakes or Node's DuckDB). */
export interface ConsoleConnection {
	send(sql: string, allowStreamResult?: boolean): Promise<AsyncIterable<RecordBatch> & { schema?: Schema }>;
	cancelSent(): Promise<boolean>;
	query?(sql: string): Promise<unknown>;
}

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Settings for the database the console queries, run once before the first query (after the
 * dashboard has loaded its tables). DuckDB refuses to turn external access back on, so even a
 * query that slipped past the guard could not read a file or a URL. Autoloading extensions is
 * off already (src/lib/db/schema.ts SAFETY_SETTINGS); repeated here so the console never
 * depends on it.
 */
export const CONSOLE_SESSION_SETTINGS: readonly string[] = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	'SET enable_external_access = false'
];

export interface ConsoleResult {
	/** The statement as run (trailing semicolons removed). */
	sql: string;
	columns: ConsoleColumn[];
	rows: ConsoleCell[][];
	/** More rows existed than `maxRows`; only the first `maxRows` are kept. */
	truncated: boolean;
	maxRows: number;
	/** Wall time from sending to the last row read, in milliseconds. */
	ms: number;
}

export type ConsoleErrorCode = 'rejected' | 'timeout' | 'failed';

export class ConsoleError extends Error {
	constructor(
		readonly code: ConsoleErrorCode,
		message: string,
		/** For `rejected`: why the guard refused. */
		readonly guard?: GuardRejected,
		/** For `timeout`: the limit, in seconds. */
		readonly seconds?: number,
		/** For `failed`: what DuckDB objected to, as data (the page words it in the UI language). */
		readonly problem?: QueryProblem
	) {
		super(message);
		this.name = 'ConsoleError';
	}
}

export interface RunOptions {
	maxRows?: number;
	timeoutMs?: number;
	now?: () => number;
}

/**
 * DuckDB's error in plain words: without a leading "Error:", and without the echoed query and
 * caret ("LINE 1: … ^"), which only line up in a terminal.
 */
export function plainDuckDbError(error: unknown): string {
	return plainMessage(error);
}

export async function runConsoleQuery(conn: ConsoleConnection, sql: string, options: RunOptions = {}): Promise<ConsoleResult> {
	const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));

	const check = checkReadOnly(sql);
	if (!check.ok) throw new ConsoleError('rejected', check.message, check);

	const started = now();
	let timedOut = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const seconds = Math.round(timeoutMs / 100) / 10;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			timedOut = true;
			// Interrupts the query inside DuckDB; the connection stays usable.
			conn.cancelSent().catch(() => false);
			reject(new ConsoleError('timeout', `The query was stopped after ${seconds} s.`, undefined, seconds));
		}, timeoutMs);
	});

	const work = (async (): Promise<ConsoleResult> => {
		let reader: Awaited<ReturnType<ConsoleConnection['send']>>;
		try {
			reader = await conn.send(check.sql, true);
		} catch (e) {
			throw new ConsoleError('failed', plainDuckDbError(e), undefined, undefined, queryProblem(e));
		}
		let columns: ConsoleColumn[] | null = null;
		const rows: ConsoleCell[][] = [];
		let truncated = false;
		try {
			for await (const batch of reader) {
				if (timedOut) break;
				columns ??= columnsOf(batch.schema);
				const fields = batch.schema.fields;
				const vectors = fields.map((_, j) => batch.getChildAt(j));
				for (let r = 0; r < batch.numRows; r++) {
					if (rows.length === maxRows) {
						truncated = true;
						break;
					}
					rows.push(fields.map((f, j) => cellValue(vectors[j]?.get(r), f.type)));
				}
				if (truncated) break;
			}
		} catch (e) {
			throw new ConsoleError('failed', plainDuckDbError(e), undefined, undefined, queryProblem(e));
		}
		if (!columns) columns = reader.schema ? columnsOf(reader.schema) : [];
		return { sql: check.sql, columns, rows, truncated, maxRows, ms: now() - started };
	})();
	// If the timeout wins, the abandoned query's own failure is expected: do not report it.
	work.catch(() => undefined);
	try {
		return await Promise.race([work, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
