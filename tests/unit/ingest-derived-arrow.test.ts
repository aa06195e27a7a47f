/**
 * The Arrow copy of a Parquet file of several row groups (ingest/derived.ts): written a group at a
 * time, schema once, one end marker. It must read back as one valid IPC stream with the same rows
 * as decoding the whole file at once, and say a column is nullable when any group has a null.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RecordBatchStreamWriter, tableFromIPC } from 'apache-arrow';
import { writeDerived } from '../../ingest/derived';
import { parquetToArrow } from '../../src/lib/db/parquet-arrow';
import { TABLES, type ColumnDef } from '../../src/lib/dataset/tables';

const PROGRAMMES = TABLES.find((t) => t.name === 'programmes')!;
const ROWS = 40_000; // three row groups of at most 16,384

/** A value of the column's type for row `i`; nullable columns are null only in the last group. */
function expression(c: ColumnDef): string {
	const value = {
		VARCHAR: `'${c.name}-' || i`,
		DATE: `DATE '2024-01-01' + CAST(i % 700 AS INTEGER)`,
		INTEGER: 'CAST(i % 1000 AS INTEGER)',
		BIGINT: 'i * 1000',
		DOUBLE: 'i / 3',
		BOOLEAN: 'i % 2 = 0',
		'VARCHAR[]': `['${c.name}', 'x' || (i % 7)]`
	}[c.type];
	return c.nullable ? `CASE WHEN i >= 35000 AND i % 5 = 0 THEN NULL ELSE ${value} END` : value;
}

let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-arrow-groups-'));
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const select = PROGRAMMES.columns.map((c) => `CAST(${expression(c)} AS ${c.type}) AS "${c.name}"`).join(', ');
		const path = join(dir, 'programmes.parquet').replace(/'/g, "''");
		await conn.run(`COPY (SELECT ${select} FROM range(${ROWS}) t(i) ORDER BY i) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 16384)`);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	await writeDerived(dir);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Arrow copy of a Parquet file of several row groups', () => {
	it('is one IPC stream, a batch per row group, with the rows of the whole file decoded at once', async () => {
		const stream = tableFromIPC(readFileSync(join(dir, 'programmes.arrow')));
		expect(stream.batches.length).toBe(3);
		expect(stream.numRows).toBe(ROWS);
		const whole = await parquetToArrow(new Uint8Array(readFileSync(join(dir, 'programmes.parquet'))).buffer, PROGRAMMES, 'programmes.parquet');
		const rows = (t: typeof stream) => t.toArray().map((r) => JSON.stringify(r.toJSON()));
		expect(rows(stream)).toEqual(rows(whole.arrow!));
	});

	it('has the bytes one stream writer gives for those batches: the schema once, one end marker', () => {
		const bytes = new Uint8Array(readFileSync(join(dir, 'programmes.arrow')));
		const stream = tableFromIPC(bytes);
		expect(Buffer.from(RecordBatchStreamWriter.writeAll(stream.batches).toUint8Array(true)).equals(Buffer.from(bytes))).toBe(true);
	});

	it('says a column is nullable when any group has a null, though the first has none', () => {
		const stream = tableFromIPC(readFileSync(join(dir, 'programmes.arrow')));
		const nullable = PROGRAMMES.columns.find((c) => c.nullable)!;
		expect(stream.schema.fields.find((f) => f.name === nullable.name)!.nullable).toBe(true);
		expect(stream.getChild(nullable.name)!.get(35_000)).toBeNull();
		expect(stream.getChild(nullable.name)!.get(0)).not.toBeNull();
	});
});
