/**
 * The console runner: against fakes for time limits and errors, and against the real DuckDB-WASM
 * (its Node build, the same package the site ships) over the synthetic fixture dataset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { openWasmNode } from '../../tools/duckdb-wasm-node';
import { tableFromArrays, type RecordBatch } from 'apache-arrow';
import { CONSOLE_EXAMPLES } from '../../src/lib/console/examples';
import { checkReadOnly } from '../../src/lib/console/guard';
import { CONSOLE_SESSION_SETTINGS, ConsoleError, runConsoleQuery, type ConsoleConnection } from '../../src/lib/console/runner';
import { toCsv } from '../../src/lib/console/csv';
import { loadDataset, wasmRunner } from '../../src/lib/db/browser';
import { tableCounts } from '../../src/lib/db/queries';
import { TABLES } from '../../src/lib/dataset/tables';
import { FIXTURE, writeFixtureDataset } from '../fixtures/make-dataset';


let dir: string;
let db: duckdb.DuckDBBindings;
let conn: duckdb.DuckDBConnection;
let consoleConn: ConsoleConnection;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-console-'));
	await writeFixtureDataset(dir);
	db = (await openWasmNode()).db;
	const loader = db.connect();
	await loadDataset(loader, new Map(TABLES.map((t) => [t.name, new Uint8Array(readFileSync(join(dir, `${t.name}.parquet`))).buffer])));
	// The console's own connection, as the page opens it.
	conn = db.connect();
	for (const s of CONSOLE_SESSION_SETTINGS) conn.query(s);
	consoleConn = {
		async send(sql, stream) {
			const reader = await conn.send(sql, stream);
			return Object.assign(
				(async function* () {
					for (const batch of reader) yield batch as RecordBatch;
				})(),
				{ schema: reader.schema }
			);
		},
		async cancelSent() {
			return conn.cancelSent();
		}
	};
}, 120_000);

afterAll(() => {
	conn?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('console runner on DuckDB-WASM', () => {
	it('runs every example query on the dataset', async () => {
		for (const example of CONSOLE_EXAMPLES) {
			expect(checkReadOnly(example.sql).ok, example.id).toBe(true);
			const result = await runConsoleQuery(consoleConn, example.sql);
			expect(result.columns.length, example.id).toBeGreaterThan(0);
			for (const row of result.rows) expect(row).toHaveLength(result.columns.length);
		}
	});

	it('returns the rows a query selects, with exact values', async () => {
		const result = await runConsoleQuery(consoleConn, 'SELECT programme_id, is_synthetic, updated, municipality_codes, page_count FROM programmes ORDER BY programme_id;');
		expect(result.sql).not.toMatch(/;$/);
		expect(result.columns.map((c) => c.name)).toEqual(['programme_id', 'is_synthetic', 'updated', 'municipality_codes', 'page_count']);
		expect(result.columns.find((c) => c.name === 'page_count')!.numeric).toBe(true);
		const expected = [...FIXTURE.programmes].sort((a, b) => String(a.programme_id).localeCompare(String(b.programme_id)));
		expect(result.rows).toEqual(
			expected.map((p) => [
				p.programme_id,
				p.is_synthetic,
				p.updated ?? null,
				JSON.stringify(p.municipality_codes),
				p.page_count
			])
		);
		expect(result.truncated).toBe(false);
	});

	it('keeps at most maxRows rows and says the result was cut', async () => {
		const result = await runConsoleQuery(consoleConn, 'SELECT * FROM range(100000) t(n)', { maxRows: 250 });
		expect(result.rows).toHaveLength(250);
		expect(result.rows[249]).toEqual([249]);
		expect(result.truncated).toBe(true);
		// The connection is usable afterwards.
		const next = await runConsoleQuery(consoleConn, 'SELECT 42 AS answer');
		expect(next.rows).toEqual([[42]]);
	});

	it('formats decimals, big integers, timestamps and structs exactly', async () => {
		const result = await runConsoleQuery(
			consoleConn,
			"SELECT 12.50::DECIMAL(9,2) AS d, -0.05::DECIMAL(9,2) AS n, 9007199254740993::HUGEINT AS h, TIMESTAMP '2024-11-18 10:30:00' AS t, {'a': 1, 'b': 'x'} AS s, NULL AS z"
		);
		expect(result.rows[0][0]).toBe('12.50');
		expect(result.rows[0][1]).toBe('-0.05');
		// Beyond 2^53: kept exact, as digits.
		expect(result.rows[0][2]).toBe('9007199254740993');
		expect(result.rows[0][3]).toBe('2024-11-18 10:30:00');
		expect(result.rows[0][4]).toBe('{"a":1,"b":"x"}');
		expect(result.rows[0][5]).toBeNull();
	});

	it('gives DESCRIBE and empty results their columns', async () => {
		const described = await runConsoleQuery(consoleConn, 'DESCRIBE answers');
		expect(described.rows.map((r) => r[0])).toEqual(TABLES.find((t) => t.name === 'answers')!.columns.map((c) => c.name));
		const empty = await runConsoleQuery(consoleConn, "SELECT key FROM answers WHERE key = 'no such key'");
		expect(empty.rows).toEqual([]);
		expect(empty.columns.map((c) => c.name)).toEqual(['key']);
	});

	it('reports DuckDB errors in its own words', async () => {
		const error = (await runConsoleQuery(consoleConn, 'SELECT nope FROM answers').catch((e: unknown) => e)) as ConsoleError;
		expect(error.code).toBe('failed');
		expect(error.message).toMatch(/^Binder Error: .*"nope" not found/);
		// Without the echoed query and caret, on one line.
		expect(error.message).not.toMatch(/LINE 1|\^|\n/);
	});

	it('refuses what the guard refuses without sending it', async () => {
		let sent = 0;
		const spy: ConsoleConnection = { send: (...a) => (sent++, consoleConn.send(...a)), cancelSent: consoleConn.cancelSent };
		for (const sql of ["COPY answers TO '/tmp/x.csv'", "ATTACH 'x.db'", 'SELECT 1; SELECT 2']) {
			const error = await runConsoleQuery(spy, sql).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(ConsoleError);
			expect((error as ConsoleError).code).toBe('rejected');
			expect((error as ConsoleError).guard?.ok).toBe(false);
		}
		expect(sent).toBe(0);
	});

	it('with the console settings, even SQL that skipped the guard cannot read a file', async () => {
		const file = join(dir, 'secret.csv');
		writeFileSync(file, 'a\n1\n');
		expect(() => conn.query(`SELECT * FROM read_csv('${file}')`)).toThrow(/disabled|Permission/i);
		expect(() => conn.query(`SELECT * FROM '${file}'`)).toThrow(/disabled|Permission/i);
		expect(() => conn.query('SET enable_external_access = true')).toThrow();
		// The dashboard's own queries still run afterwards.
		const counts = await wasmRunner({ query: (s: string) => Promise.resolve(conn.query(s)), prepare: (s: string) => Promise.resolve(conn.prepare(s)) } as never).run(tableCounts());
		expect(counts.find((c) => c.table_name === 'answers')!.rows).toBe(FIXTURE.answers.length);
	});

	it('exports what it returned as CSV', async () => {
		const result = await runConsoleQuery(consoleConn, "SELECT '=1+1' AS formula, 'a,b' AS comma, 3 AS n");
		const csv = toCsv(result.columns.map((c) => c.name), result.rows, { bom: false });
		expect(csv).toBe(`formula,comma,n\r\n'=1+1,"a,b",3\r\n`);
	});
});

describe('console runner time limit', () => {
	/** A connection whose query only ends when it is cancelled (as DuckDB-WASM's pending query does). */
	function hangingConnection() {
		let cancel: (() => void) | null = null;
		const state = { cancelled: 0 };
		const conn: ConsoleConnection = {
			send: () =>
				new Promise((_, reject) => {
					cancel = () => reject(new Error('INTERRUPT Error: Interrupted!'));
				}),
			async cancelSent() {
				state.cancelled++;
				cancel?.();
				return true;
			}
		};
		return { conn, state };
	}

	it('cancels the pending query after the limit and says so', async () => {
		const { conn, state } = hangingConnection();
		const started = Date.now();
		const error = await runConsoleQuery(conn, 'SELECT count(*) FROM range(1e12)', { timeoutMs: 200 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConsoleError);
		expect((error as ConsoleError).code).toBe('timeout');
		expect((error as ConsoleError).seconds).toBe(0.2);
		expect((error as ConsoleError).message).toMatch(/0\.2 s/);
		expect(state.cancelled).toBe(1);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('stops reading a stream that outlives the limit', async () => {
		let cancelled = 0;
		const batch = tableFromArrays({ n: Float64Array.from([1, 2, 3]) }).batches[0];
		const conn: ConsoleConnection = {
			async send() {
				return (async function* () {
					for (;;) {
						await new Promise((r) => setTimeout(r, 20));
						yield batch;
					}
				})();
			},
			async cancelSent() {
				cancelled++;
				return true;
			}
		};
		const error = await runConsoleQuery(conn, 'SELECT n FROM t', { timeoutMs: 150, maxRows: 1_000_000 }).catch((e: unknown) => e);
		expect((error as ConsoleError).code).toBe('timeout');
		expect(cancelled).toBe(1);
	});
});

describe('DuckDB errors in plain words', () => {
	it('reads DuckDB-WASM JSON errors and native text errors alike', async () => {
		const { queryProblem, plainMessage } = await import('../../src/lib/console/errors');
		const wasm = new Error('{"exception_type":"Parser","exception_message":"syntax error at or near \\"FORM\\"","position":"9","error_subtype":"SYNTAX_ERROR"}');
		expect(queryProblem(wasm)).toEqual({ kind: 'syntax', near: 'FORM', position: 10 });
		expect(plainMessage(wasm)).toBe('Parser Error: syntax error at or near "FORM"');
		const native = new Error('Parser Error: syntax error at or near "programmes"\n\nLINE 1: SELECT * FORM programmes\n                      ^');
		expect(queryProblem(native)).toEqual({ kind: 'syntax', near: 'programmes', position: null });
		expect(queryProblem(new Error('Parser Error: syntax error at end of input'))).toEqual({ kind: 'syntax', near: null, position: null });
		expect(
			queryProblem(new Error('Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "a", "b"\n\nLINE 1: SELECT nope FROM x\n ^'))
		).toEqual({ kind: 'no-column', name: 'nope', candidates: ['a', 'b'] });
		expect(queryProblem(new Error('{"exception_type":"Catalog","exception_message":"Table with name nosuch does not exist!\\nDid you mean \\"pg_sequences\\"?","position":"14"}'))).toEqual({
			kind: 'no-table',
			name: 'nosuch'
		});
		expect(queryProblem(new Error('Catalog Error: Scalar Function with name nofunc does not exist!'))).toEqual({ kind: 'no-function', name: 'nofunc' });
		expect(queryProblem(new Error('Conversion Error: Could not convert string "a" to INT32\n\nLINE 1: x'))).toEqual({
			kind: 'other',
			message: 'Could not convert string "a" to INT32'
		});
	});

	it('classifies the native DuckDB errors of real queries', async () => {
		const { queryProblem } = await import('../../src/lib/console/errors');
		const { DuckDBInstance } = await import('@duckdb/node-api');
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		await c.run('CREATE TABLE programmes (programme_id VARCHAR)');
		const fail = async (sql: string) => {
			try {
				await c.run(sql);
			} catch (e) {
				return queryProblem(e);
			}
			throw new Error(`no error: ${sql}`);
		};
		expect(await fail('SELECT * FORM programmes')).toMatchObject({ kind: 'syntax', near: 'programmes' });
		expect(await fail('SELECT (1')).toMatchObject({ kind: 'syntax', near: null });
		expect(await fail('SELECT nope FROM programmes')).toEqual({ kind: 'no-column', name: 'nope', candidates: ['programme_id'] });
		expect(await fail('SELECT * FROM nosuch')).toEqual({ kind: 'no-table', name: 'nosuch' });
		expect(await fail('SELECT nofunc(1)')).toEqual({ kind: 'no-function', name: 'nofunc' });
		c.closeSync?.();
	});
});
