/**
 * The comparison views' SQL on the browser's engine: DuckDB-WASM (the version the site ships,
 * its Node build, fed Parquet through hyparquet → Arrow as the page does) must accept every
 * statement and give the same answers as @duckdb/node-api over the same files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWasmNode } from '../../tools/duckdb-wasm-node';
import { writeViewsDataset } from '../fixtures/views-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { loadDataset, wasmRunner } from '../../src/lib/db/browser';
import {
	areaQueries,
	compareQueries,
	cooperationEvidence,
	cooperationQueries,
	languageEvidence,
	languageMap,
	languagesQueries,
	responsibilitiesQueries,
	responsibilityEvidence
} from '../../src/lib/db/queries';
import type { Query, QueryRunner } from '../../src/lib/db/types';
import { parseView } from '../../src/lib/state/filters';
import { TABLES } from '../../src/lib/dataset/tables';


let dir: string;
let node: NodeDatabase;
let browser: QueryRunner;
let close: () => void;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-views-wasm-'));
	await writeViewsDataset(dir);
	node = await openNodeDatabase(dir);
	const db = (await openWasmNode()).db;
	const conn = db.connect();
	await loadDataset(conn, new Map(TABLES.map((t) => [t.name, new Uint8Array(readFileSync(join(dir, `${t.name}.parquet`))).buffer])));
	// The blocking Node build's connection has the same query/prepare surface as the browser's async one.
	browser = wasmRunner(conn as never);
	close = () => conn.close();
}, 120_000);

afterAll(() => {
	node?.close();
	close?.();
	rmSync(dir, { recursive: true, force: true });
});

/** Numbers rounded (the engines may sum floats in another order), everything else as is. */
const normal = (rows: unknown[]) =>
	JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v)));

describe('comparison views: DuckDB-WASM = @duckdb/node-api', () => {
	const cases = ['', 'region=02', 'area=41', 'pop=ge100k', 'synthetic=real'];
	it.each(cases.map((c) => [c || '(no filters)', c]))('%s', async (_n, search) => {
		const f = parseView(new URLSearchParams(search)).filters;
		// A record's null marks a query that does not apply (e.g. the languages' per-group statement nationally).
		const queries = ([
			...Object.values(responsibilitiesQueries(f)),
			...Object.values(languagesQueries(f, 'national')),
			...Object.values(languagesQueries(f, 'area')),
			...Object.values(cooperationQueries(f)),
			...Object.values(areaQueries(f, '41')),
			...Object.values(compareQueries(f, ['019', '091', '853'])),
			languageMap(f, 'uk'),
			responsibilityEvidence(f, { service: 'assessment', clientGroup: 'others' }),
			languageEvidence(f, { language: 'uk', context: 'orientation', grouping: 'wellbeing', group: '05' }),
			cooperationEvidence(f, { arrangementType: 'kuntalaki_54' })
		] as (Query | null)[]).filter((q): q is Query => q !== null);
		let nonEmpty = 0;
		for (const q of queries) {
			const a = await node.run(q);
			const b = await browser.run(q);
			expect(normal(b), q.id).toEqual(normal(a));
			if (a.length) nonEmpty++;
		}
		// The comparison is about real answers, not empty ones.
		if (!search) expect(nonEmpty).toBeGreaterThan(queries.length - 3);
	});
});
