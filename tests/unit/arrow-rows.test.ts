/**
 * `arrowRows` (src/lib/db/arrow-rows.ts, the browser runner's conversion of a result) gives the
 * same rows as converting row by row (`toJSON`, then `plainCell` per cell): on DuckDB-WASM results
 * of every kind of column the queries return (text with non-ASCII and NULLs, lists of text with
 * NULL elements, NULL and empty lists, numbers, booleans, dates, structs, lists of numbers) and on
 * a table of several chunks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, vectorFromArray, Table, List, Utf8, Field } from 'apache-arrow';
import { openWasmNode } from '../../tools/duckdb-wasm-node';
import { arrowRows } from '../../src/lib/db/arrow-rows';
import { plainCell, type Row } from '../../src/lib/db/types';

/** The conversion arrowRows replaces. */
const rowByRow = (t: Table): Row[] =>
	t.toArray().map((r: { toJSON(): Record<string, unknown> }) => {
		const out: Row = {};
		for (const [k, v] of Object.entries(r.toJSON())) out[k] = plainCell(v);
		return out;
	});

let wasm: Awaited<ReturnType<typeof openWasmNode>>;
beforeAll(async () => {
	wasm = await openWasmNode();
}, 120_000);
afterAll(() => wasm?.conn.close());

const query = (sql: string) => wasm.conn.query(sql) as unknown as Table;

describe('arrowRows = row-by-row plainCell', () => {
	it('on DuckDB-WASM results of every column kind', () => {
		const t = query(`SELECT * FROM (VALUES
			(1, 'Äänekoski', ['answered', NULL, 'ö'], true, DATE '2024-11-18', 0.5::DOUBLE, 7::BIGINT, {'a': 1, 'b': 'x'}, [1, 2], ''),
			(2, NULL, [], NULL, NULL, NULL, NULL, NULL, NULL, 'Närpes'),
			(3, 'Ii', NULL, false, DATE '2025-01-01', 1.0, 0, {'a': NULL, 'b': NULL}, [], 'x'),
			(4, '日本語 🙂', ['a', 'b', 'c', 'd'], true, NULL, -2.25, 12345678901, {'a': 2, 'b': 'y'}, [NULL, 3], NULL)
		) v(id, name, grades, flag, day, score, big, s, nums, tail) ORDER BY id`);
		const rows = arrowRows(t);
		expect(rows).toEqual(rowByRow(t));
		expect(rows.map((r) => Object.keys(r))).toEqual(rowByRow(t).map((r) => Object.keys(r)));
		// Spot checks: the fast paths' values are there (not a comparison of two equally wrong results).
		expect(rows[0].name).toBe('Äänekoski');
		expect(rows[0].grades).toEqual(['answered', null, 'ö']);
		expect(rows[1].grades).toEqual([]);
		expect(rows[2].grades).toBeNull();
		expect(rows[3].name).toBe('日本語 🙂');
		expect(rows[1].tail).toBe('Närpes');
	});

	it('on a result of many rows and a query with the same column name twice', () => {
		const t = query(`SELECT i::INTEGER AS i, 'k' || i AS i, list_transform(range(i % 7), x -> 'g' || x) AS l FROM range(5000) r(i)`);
		expect(arrowRows(t)).toEqual(rowByRow(t));
	});

	it('on a table of several chunks, sliced lists included', () => {
		const grades = (xs: (string | null)[][]) => vectorFromArray(xs, new List(new Field('item', new Utf8(), true)));
		const a = tableFromArrays({ code: ['005', '009'] });
		const codes = vectorFromArray(['005', '009'], new Utf8()).concat(vectorFromArray(['010', null], new Utf8()));
		const both = new Table({ code: codes, grades: grades([['answered', 'thin'], []]).concat(grades([[null, 'missing'], ['é']])) });
		expect(both.getChildAt(0)!.data.length).toBe(2);
		expect(arrowRows(both)).toEqual(rowByRow(both));
		expect(arrowRows(both).map((r) => r.code)).toEqual(['005', '009', '010', null]);
		const sliced = both.slice(1, 3);
		expect(arrowRows(sliced)).toEqual(rowByRow(sliced));
		expect(arrowRows(a)).toEqual(rowByRow(a));
	});
});
