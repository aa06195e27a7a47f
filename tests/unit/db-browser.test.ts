/**
 * The browser's data path, run in Node: Parquet → hyparquet → Arrow → DuckDB-WASM (the same
 * package the site ships, its Node build) → views, queried through `wasmRunner`. Its answers
 * and the SQL it ran must equal the Node path's (@duckdb/node-api over the same files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWasmNode } from '../../tools/duckdb-wasm-node';
import { DuckDBInstance } from '@duckdb/node-api';
import { FIXTURE, writeFixtureDataset } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { arrowColumns, loadDataset, loadTable, tablesIn, wasmRunner, type WasmConnection } from '../../src/lib/db/browser';
import { parquetToArrow } from '../../src/lib/db/parquet-arrow';
import {
	areaQueries,
	changesQueries,
	compareQueries,
	cooperationQueries,
	gapMatrix,
	LANGUAGE_GROUPINGS,
	languageEvidence,
	languageMap,
	languagesQueries,
	loadOverview,
	overviewQueries,
	profileQueries,
	recentChanges,
	responsibilitiesQueries,
	scopeSummary,
	searchScope,
	tableCounts,
	tableRows
} from '../../src/lib/db/queries';
import { summariesIn, summaryTableDef } from '../../src/lib/db/summaries';
import { emptyTableSql } from '../../src/lib/db/schema';
import { QueryCancelled, type Query, type QueryRunner } from '../../src/lib/db/types';
import { EMPTY_FILTERS, INPUT_KINDS, LANGUAGE_STATUSES, POPULATION_CLASS_VALUES, parseView, type Filters } from '../../src/lib/state/filters';
import { MUNICIPALITIES, PROGRAMMES, TABLES } from '../../src/lib/dataset/tables';


async function openWasm() {
	const db = (await openWasmNode()).db;
	return { db, conn: db.connect() };
}

function readFiles(dir: string, tables = TABLES.map((t) => t.name)) {
	return new Map(tables.map((t) => [t, new Uint8Array(readFileSync(join(dir, `${t}.parquet`))).buffer]));
}

/** Records the SQL and parameters a runner was asked to run. */
function recording(runner: QueryRunner, log: Query[]): QueryRunner {
	return { run: (q) => (log.push(q), runner.run(q)) };
}

let dir: string;
let node: NodeDatabase;
let wasm: Awaited<ReturnType<typeof openWasm>>;
let browser: QueryRunner;
const prepared: string[] = [];
const preparedEver = new Set<string>();

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-wasm-'));
	await writeFixtureDataset(dir);
	node = await openNodeDatabase(dir);
	wasm = await openWasm();
	await loadDataset(wasm.conn, readFiles(dir));
	// Spy on what reaches DuckDB-WASM's prepare().
	const conn: WasmConnection = {
		query: wasm.conn.query.bind(wasm.conn) as never,
		prepare: ((sql: string) => (prepared.push(sql), preparedEver.add(sql), wasm.conn.prepare(sql))) as never
	};
	browser = wasmRunner(conn);
}, 120_000);

afterAll(() => {
	node?.close();
	wasm?.conn.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('browser path (DuckDB-WASM) = Node path (@duckdb/node-api)', () => {
	const cases = ['', 'region=02', 'pop=ge100k', 'langstatus=sv-fi', 'input=fillable-form', 'synthetic=real', 'area=08&region=01', 'since=2024-12-01'];

	it.each(cases.map((c) => [c || '(no filters)', c]))('overview %s: same SQL, same answers', async (_n, search) => {
		const filters = parseView(new URLSearchParams(search)).filters;
		const nodeLog: Query[] = [];
		const wasmLog: Query[] = [];
		prepared.length = 0;
		const fromNode = await loadOverview(recording(node, nodeLog), filters);
		const fromWasm = await loadOverview(recording(browser, wasmLog), filters);
		expect(fromWasm).toEqual(fromNode);
		expect(wasmLog).toEqual(nodeLog);
		// The SQL string reaches DuckDB-WASM verbatim: prepared now, or kept from an earlier filter state.
		for (const sql of prepared) expect(nodeLog.map((q) => q.sql)).toContain(sql);
		for (const q of nodeLog) expect(preparedEver).toContain(q.sql);
	});

	it.each(['', 'since=2024-06-01', 'region=01'])('recent changes %s: same answers on both paths', async (search) => {
		const q = recentChanges(parseView(new URLSearchParams(search)).filters);
		expect(await browser.run(q)).toEqual(await node.run(q));
	});

	it('row counts of every table agree with the fixture', async () => {
		const rows = await browser.run(tableCounts());
		expect(Object.fromEntries(rows.map((r) => [r.table_name, r.rows]))).toEqual(
			Object.fromEntries(TABLES.map((t) => [t.name, (FIXTURE as Record<string, unknown[]>)[t.name].length]))
		);
	});

	it('typed columns survive the trip: lists, dates, booleans, BIGINT', async () => {
		const q: Query = {
			id: 'test.types',
			sql: `SELECT programme_id, municipality_codes, CAST(updated AS VARCHAR) AS updated, is_current, bytes,
				typeof(municipality_codes) AS t_codes, typeof(updated) AS t_updated, typeof(bytes) AS t_bytes
				FROM programmes ORDER BY programme_id`,
			params: []
		};
		const [a, b] = [await browser.run(q), await node.run(q)];
		expect(a).toEqual(b);
		expect(a[0].t_codes).toBe('VARCHAR[]');
		expect(a[0].t_updated).toBe('DATE');
		expect(a[0].t_bytes).toBe('BIGINT');
		expect(a.map((r) => r.municipality_codes)).toEqual(FIXTURE.programmes.map((p) => p.municipality_codes));
		expect(a.map((r) => r.updated)).toEqual(FIXTURE.programmes.map((p) => p.updated));
	});

	it('answer text with markup and line breaks comes back unchanged', async () => {
		const rows = await browser.run(tableRows('answers'));
		const want = [...FIXTURE.answers]
			.sort((x, y) => String(x.programme_id).localeCompare(String(y.programme_id)) || (x.ordinal as number) - (y.ordinal as number))
			.map((r) => r.text);
		expect(rows.map((r) => r.text)).toEqual(want);
		expect(rows.some((r) => String(r.text).includes('<script>'))).toBe(true);
	});
});

describe('tables not produced yet, columns a file lacks', () => {
	it('a missing table is an empty table of the declared shape on both paths', async () => {
		const partial = mkdtempSync(join(tmpdir(), 'kk-partial-'));
		const only = ['programmes', 'answers', 'municipalities', 'ingest_log'];
		await writeFixtureDataset(partial, only);
		const nodeDb = await openNodeDatabase(partial);
		const w = await openWasm();
		try {
			await loadDataset(w.conn, readFiles(partial, only));
			const runner = wasmRunner(w.conn as never);
			const a = await loadOverview(runner, EMPTY_FILTERS);
			const b = await loadOverview(nodeDb, EMPTY_FILTERS);
			expect(a).toEqual(b);
			expect(a.languages).toEqual([]);
			expect(a.arrangements).toEqual([]);
			expect(a.missingParts).toEqual([]);
			expect(a.figures.mean_completeness).toBeNull();
			expect(a.figures.programmes).toBe(FIXTURE.programmes.filter((p) => p.is_current).length);
			expect(await runner.run(scopeSummary(EMPTY_FILTERS))).toEqual(await nodeDb.run(scopeSummary(EMPTY_FILTERS)));
		} finally {
			nodeDb.close();
			w.conn.close();
			rmSync(partial, { recursive: true, force: true });
		}
	});

	it('a column the file lacks reads as NULL; a non-Parquet file is refused with its name', async () => {
		const odd = mkdtempSync(join(tmpdir(), 'kk-odd-'));
		try {
			const inst = await DuckDBInstance.create(':memory:');
			const c = await inst.connect();
			const path = join(odd, 'programmes.parquet');
			await c.run(
				`COPY (SELECT * EXCLUDE (producer) FROM read_parquet('${join(dir, 'programmes.parquet')}')) TO '${path}' (FORMAT parquet, COMPRESSION snappy)`
			);
			c.closeSync();
			inst.closeSync();
			const decoded = await parquetToArrow(new Uint8Array(readFileSync(path)).buffer, PROGRAMMES, 'programmes.parquet');
			expect(decoded.present.has('producer')).toBe(false);
			expect(decoded.present.has('title')).toBe(true);
			expect(decoded.rows).toBe(FIXTURE.programmes.length);
			const nodeDb = await openNodeDatabase(odd);
			const rows = await nodeDb.run({ id: 't', sql: 'SELECT count(*) AS n, count(producer) AS p FROM programmes', params: [] });
			nodeDb.close();
			expect(rows).toEqual([{ n: FIXTURE.programmes.length, p: 0 }]);
			await expect(parquetToArrow(new TextEncoder().encode('not parquet at all').buffer, PROGRAMMES, 'x/programmes.parquet')).rejects.toThrow(
				/x\/programmes\.parquet: not a readable Parquet file/
			);
		} finally {
			rmSync(odd, { recursive: true, force: true });
		}
	});
});

describe('an Arrow copy is loaded in one go', () => {
	/**
	 * The blocking Node build behind the async interface the browser has: each call runs when it is
	 * made (as the worker runs messages in the order sent), and its answer comes back later, the
	 * answers in reverse order. `sent` lists what reached the engine.
	 */
	function asyncConn(conn: Awaited<ReturnType<typeof openWasm>>['conn']) {
		const sent: string[] = [];
		const pending: (() => void)[] = [];
		const later = <T>(run: () => T): Promise<T> => {
			let out: { ok: true; v: T } | { ok: false; e: unknown };
			try {
				out = { ok: true, v: run() };
			} catch (e) {
				out = { ok: false, e };
			}
			return new Promise<T>((ok, fail) => {
				pending.unshift(() => (out.ok ? ok(out.v) : fail(out.e)));
				queueMicrotask(() => queueMicrotask(() => pending.splice(0).forEach((f) => f())));
			});
		};
		return {
			sent,
			query: (sql: string) => later(() => (sent.push(sql.split('\n')[0].slice(0, 40)), conn.query(sql))),
			insertArrowFromIPCStream: (b: Uint8Array, o: { name: string; create?: boolean }) => later(() => (sent.push(`insert ${o.name}`), conn.insertArrowFromIPCStream(b, o)))
		};
	}

	it('reads the columns from the schema alone, fills those it lacks with NULL, counts the rows, and loads again over itself', async () => {
		const w = await openWasm();
		try {
			const t = tableFromArrays({ code: ['019', '853', '091'], name_fi: ['Aura', 'Turku', 'Helsinki'] });
			const ipc = tableToIPC(t, 'stream');
			expect([...arrowColumns(ipc)]).toEqual(['code', 'name_fi']);
			const conn = asyncConn(w.conn);
			for (let round = 0; round < 2; round++) {
				const rows = await loadTable(conn, MUNICIPALITIES, { bytes: ipc.slice().buffer, format: 'arrow' });
				expect(rows).toBe(3);
			}
			// Three messages per load, sent without waiting for an answer in between.
			expect(conn.sent).toHaveLength(6);
			expect(conn.sent[1]).toBe('insert raw_municipalities');
			const got = w.conn.query('SELECT code, name_fi, region_code, aland FROM municipalities ORDER BY code').toArray().map((r) => ({ ...r }));
			expect(got).toEqual([
				{ code: '019', name_fi: 'Aura', region_code: null, aland: null },
				{ code: '091', name_fi: 'Helsinki', region_code: null, aland: null },
				{ code: '853', name_fi: 'Turku', region_code: null, aland: null }
			]);
			expect(w.conn.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'raw_municipalities'`).toArray()[0].n).toBe(0);
		} finally {
			w.conn.close();
		}
	});

	it('a broken Arrow copy fails and leaves no half table', async () => {
		const w = await openWasm();
		try {
			const ipc = tableToIPC(tableFromArrays({ code: ['019'] }), 'stream');
			const broken = ipc.slice(0, ipc.byteLength - 40);
			await expect(loadTable(asyncConn(w.conn), MUNICIPALITIES, { bytes: broken.buffer, format: 'arrow' })).rejects.toThrow();
			expect(w.conn.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'municipalities'`).toArray()[0].n).toBe(0);
		} finally {
			w.conn.close();
		}
	});
});

describe('tables load on first use', () => {
	it('finds the tables a statement mentions, not columns that merely contain a table name', () => {
		expect(tablesIn('SELECT orientation_languages FROM programmes p JOIN languages l USING (programme_id)').map((t) => t.name)).toEqual([
			'programmes',
			'languages'
		]);
		expect(tablesIn('SELECT count(*) AS programmes_n FROM raw_answers')).toEqual([]);
	});

	it('a column alias named like a table is no read of it: the languages view waits for none of them', () => {
		// `AS municipalities`, `AS programmes`, `AS languages`: the first filter change waited for these tables to load.
		const record = { ...languagesQueries(parseView(new URLSearchParams('region=01')).filters, 'national'), map: languageMap(EMPTY_FILTERS, 'en') };
		const needed = Object.values(record).flatMap((q) => (q ? [...tablesIn(q.sql), ...summariesIn(q.sql)].map((t) => t.name) : []));
		expect(new Set(needed)).toEqual(new Set(['programme_facts', 'municipality_programmes']));
	});

	it('every page’s statements prepare over only the tables and summaries found in them', async () => {
		const every: Filters = {
			...EMPTY_FILTERS,
			region: ['01', '02'],
			wellbeing: ['01'],
			area: ['01'],
			languageStatus: [LANGUAGE_STATUSES[0]],
			populationClass: [POPULATION_CLASS_VALUES[0]],
			inputKind: [INPUT_KINDS[0]],
			synthetic: 'real',
			since: '2024-01-01'
		};
		const states: Filters[] = [EMPTY_FILTERS, parseView(new URLSearchParams('region=01')).filters, every];
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			let checked = 0;
			for (const f of states) {
				const records: Record<string, Query | null>[] = [
					overviewQueries(f),
					{ gaps: gapMatrix(f), search: searchScope(f), map: languageMap(f, 'en'), evidence: languageEvidence(f, { language: 'en', grouping: 'region', group: '01', code: '019' }, 10) },
					...LANGUAGE_GROUPINGS.map((g) => languagesQueries(f, g)),
					responsibilitiesQueries(f),
					cooperationQueries(f),
					areaQueries(f, '41'),
					compareQueries(f, ['019', '430']),
					changesQueries(f),
					profileQueries('019', null),
					profileQueries('019', 'p1')
				];
				for (const q of records.flatMap((r) => Object.values(r))) {
					if (!q) continue;
					const schema = `s${checked++}`;
					await conn.run(`CREATE SCHEMA ${schema}; USE memory.${schema}`);
					for (const t of [...tablesIn(q.sql), ...summariesIn(q.sql).map(summaryTableDef)]) await conn.run(emptyTableSql(t));
					await expect(conn.prepare(q.sql), `${q.id} (${JSON.stringify(f)})`).resolves.toBeDefined();
				}
			}
			expect(checked).toBeGreaterThan(40);
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});

	it('the overview never needs the answers table', () => {
		const needed = new Set(Object.values(overviewQueries(EMPTY_FILTERS)).flatMap((q) => tablesIn(q.sql).map((t) => t.name)));
		expect(needed.has('answers')).toBe(false);
		expect(needed.size).toBeGreaterThan(0);
	});
});

describe('prepared statements are kept and run again with new values', () => {
	/** A runner over the fixture's DuckDB-WASM that counts prepare() and close() calls. */
	function counting(keep?: number) {
		const calls = { prepare: [] as string[], close: [] as string[] };
		const conn: WasmConnection = {
			query: wasm.conn.query.bind(wasm.conn) as never,
			prepare: ((sql: string) => {
				calls.prepare.push(sql);
				const stmt = wasm.conn.prepare(sql);
				return {
					query: (...params: unknown[]) => stmt.query(...(params as never[])),
					close: () => (calls.close.push(sql), stmt.close())
				};
			}) as never
		};
		return { runner: wasmRunner(conn, keep), calls };
	}

	it('a filter list is one parameter: the overview runs the same statements for one region or two', async () => {
		const one = overviewQueries(parseView(new URLSearchParams('region=01')).filters);
		const two = overviewQueries(parseView(new URLSearchParams('region=01&region=02')).filters);
		expect(Object.values(two).map((q) => q.sql)).toEqual(Object.values(one).map((q) => q.sql));
		expect(one.figures.params).toContain('01');
		expect(two.figures.params).toContain('01,02');
	});

	it('filter changes reuse the statements and still give Node’s answers for each state', async () => {
		const { runner, calls } = counting();
		const states = ['region=01', 'region=01&region=02', 'region=02', 'region=01', 'region=02&pop=ge100k'];
		for (const search of states) {
			const f = parseView(new URLSearchParams(search)).filters;
			expect(await loadOverview(runner, f)).toEqual(await loadOverview(node, f));
		}
		const statements = Object.keys(overviewQueries(EMPTY_FILTERS)).length;
		// The first four states share one shape (a region list); the fifth adds a population class.
		expect(calls.prepare).toHaveLength(2 * statements);
		expect(calls.close).toEqual([]);
	});

	it('keeps only the most recently used statements and closes the others', async () => {
		const { runner, calls } = counting(2);
		const q = (n: number): Query => ({ id: `t.${n}`, sql: `SELECT ${n} + ?::INTEGER AS v`, params: [1] });
		expect(await runner.run(q(1))).toEqual([{ v: 2 }]);
		await runner.run(q(2));
		await runner.run(q(1)); // 1 is now the most recently used
		await runner.run(q(3)); // evicts 2
		expect(calls.close).toEqual([q(2).sql]);
		await runner.run(q(1));
		await runner.run(q(2));
		expect(calls.prepare).toEqual([q(1).sql, q(2).sql, q(3).sql, q(2).sql]);
	});

	it('a statement that fails is closed and prepared afresh next time', async () => {
		const { runner, calls } = counting();
		const q: Query = { id: 't.cast', sql: 'SELECT CAST(? AS INTEGER) AS v', params: ['not a number'] };
		await expect(runner.run(q)).rejects.toThrow(/query t\.cast failed/);
		expect(calls.close).toEqual([q.sql]);
		expect(await runner.run({ ...q, params: ['7'] })).toEqual([{ v: 7 }]);
		expect(calls.prepare).toEqual([q.sql, q.sql]);
	});

	it('refuses a filter value that holds the list separator', () => {
		const f = { ...EMPTY_FILTERS, region: ['01,02'] };
		expect(() => overviewQueries(f)).toThrow(/filter value "01,02"/);
	});
});

describe('sending statements and cancelling them', () => {
	/** A connection whose answers wait until released: what was prepared, and what was sent to run. */
	function fakeConnection() {
		const log = { prepared: [] as string[], sent: [] as string[] };
		const waiting: (() => void)[] = [];
		const conn: WasmConnection = {
			query: (() => undefined) as never,
			prepare: (async (sql: string) => {
				log.prepared.push(sql);
				return {
					query: (...params: unknown[]) => {
						log.sent.push(`${sql} ${params.join(',')}`);
						return new Promise((ok) => waiting.push(() => ok(tableFromArrays({ n: [Number(params[0] ?? 1)] }))));
					},
					close: async () => undefined
				};
			}) as never
		};
		const release = () => waiting.splice(0).forEach((f) => f());
		return { conn, log, release };
	}

	it('skips a query aborted before it is sent, before or while its statement is prepared; the next still runs', async () => {
		const { conn, log, release } = fakeConnection();
		const runner = wasmRunner(conn);
		const early = new AbortController();
		early.abort();
		await expect(runner.run({ id: 'a', sql: 'SELECT 1 AS n', params: [] }, { signal: early.signal })).rejects.toBeInstanceOf(QueryCancelled);
		expect(log.prepared).toEqual([]);
		const controller = new AbortController();
		const superseded = runner.run({ id: 'b', sql: 'SELECT 2 AS n', params: [] }, { signal: controller.signal });
		const next = runner.run({ id: 'c', sql: 'SELECT 3 AS n', params: [] });
		controller.abort();
		await expect(superseded).rejects.toBeInstanceOf(QueryCancelled);
		await new Promise((ok) => setTimeout(ok));
		release();
		expect(await next).toEqual([{ n: 1 }]);
		expect(log.sent).toEqual(['SELECT 3 AS n ']);
	});

	it('sends a kept statement within the call, and a page’s statements together without waiting for answers', async () => {
		const { conn, log, release } = fakeConnection();
		const runner = wasmRunner(conn);
		const q = (n: number): Query => ({ id: `q${n}`, sql: `SELECT ? AS n -- ${n}`, params: [n] });
		const first = Promise.all([1, 2, 3].map((n) => runner.run(q(n))));
		await new Promise((ok) => setTimeout(ok));
		// All three were sent although none has been answered.
		expect(log.sent).toHaveLength(3);
		release();
		expect(await first).toEqual([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }]]);
		const again = [4, 5, 6].map((n) => runner.run({ ...q(n - 3), params: [n] }));
		// Kept: sent before this test's code went on, not a promise turn later.
		expect(log.sent.slice(3)).toEqual(['SELECT ? AS n -- 1 4', 'SELECT ? AS n -- 2 5', 'SELECT ? AS n -- 3 6']);
		release();
		expect(await Promise.all(again)).toEqual([[{ n: 4 }], [{ n: 5 }], [{ n: 6 }]]);
		expect(log.prepared).toHaveLength(3);
	});
});
