/**
 * The derived data path: the ingest's summary tables and Arrow copies (ingest/derived.ts).
 * - Node over a dataset with the derived summary files answers exactly as Node computing the
 *   summaries itself (the fixture has none), for the overview and the gap matrix;
 * - DuckDB-WASM (its Node build) loaded from the `.arrow` files (no hyparquet) answers as Node;
 * - the WASM runner skips a query whose signal was aborted before it started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWasmNode } from '../../tools/duckdb-wasm-node';
import { FIXTURE, writeFixtureDataset } from '../fixtures/make-dataset';
import { writeDerived } from '../../ingest/derived';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { loadSummary, loadTable, wasmRunner, type WasmConnection } from '../../src/lib/db/browser';
import { SUMMARIES } from '../../src/lib/db/summaries';
import { gapMatrix, loadOverview, scoped } from '../../src/lib/db/queries';
import { hasMunicipalityFilters } from '../../src/lib/db/filters';
import { QueryCancelled, type QueryRunner } from '../../src/lib/db/types';
import { parseView } from '../../src/lib/state/filters';
import { TABLES } from '../../src/lib/dataset/tables';


let plain: string;
let derived: string;
let computed: NodeDatabase;
let fromFiles: NodeDatabase;
let wasm: QueryRunner;
let closeWasm: () => void;
let written: string[];

beforeAll(async () => {
	plain = mkdtempSync(join(tmpdir(), 'kk-sum-'));
	await writeFixtureDataset(plain);
	derived = mkdtempSync(join(tmpdir(), 'kk-sum-derived-'));
	cpSync(plain, derived, { recursive: true });
	written = await writeDerived(derived);
	computed = await openNodeDatabase(plain);
	fromFiles = await openNodeDatabase(derived);

	const db = (await openWasmNode()).db;
	const conn = db.connect();
	const arrow = (name: string) => {
		const path = join(derived, `${name}.arrow`);
		return existsSync(path) ? new Uint8Array(readFileSync(path)).buffer : undefined;
	};
	for (const t of TABLES) {
		const bytes = arrow(t.name);
		await loadTable(conn as never, t, bytes ? { bytes, format: 'arrow' } : undefined);
	}
	for (const s of SUMMARIES) await loadSummary(conn as never, s, arrow(s.name));
	wasm = wasmRunner(conn as unknown as WasmConnection);
	closeWasm = () => conn.close();
}, 180_000);

afterAll(() => {
	computed?.close();
	fromFiles?.close();
	closeWasm?.();
	for (const d of [plain, derived]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('derived files', () => {
	it('writes every summary as Parquet and Arrow, and an Arrow copy of every non-empty table', () => {
		for (const s of SUMMARIES) expect(written).toEqual(expect.arrayContaining([`${s.name}.parquet`, `${s.name}.arrow`]));
		expect(written).toEqual(expect.arrayContaining(['programmes.arrow', 'completeness.arrow', 'municipalities.arrow']));
		expect(fromFiles.sources.programme_scores).toMatch(/programme_scores\.parquet$/);
		expect(computed.sources.programme_scores).toBeNull();
	});

	const cases = ['', 'region=02', 'pop=ge100k', 'input=fillable-form', 'synthetic=real'];
	it.each(cases.map((c) => [c || '(no filters)', c]))('%s: summaries from files = computed; WASM over Arrow = Node', async (_n, search) => {
		const f = parseView(new URLSearchParams(search)).filters;
		const expected = await loadOverview(computed, f);
		expect(await loadOverview(fromFiles, f)).toEqual(expected);
		expect(await loadOverview(wasm, f)).toEqual(expected);
		const gaps = await computed.run(gapMatrix(f));
		expect(gaps.length).toBeGreaterThan(0);
		expect(await fromFiles.run(gapMatrix(f))).toEqual(gaps);
		expect(await wasm.run(gapMatrix(f))).toEqual(gaps);
	});
});

describe('cancellation', () => {
	it('skips a queued query whose signal is aborted, and still runs the next one', async () => {
		const prepared: string[] = [];
		const fake: WasmConnection = {
			query: (() => undefined) as never,
			prepare: (async (sql: string) => {
				prepared.push(sql);
				return { query: async () => ({ toArray: () => [{ toJSON: () => ({ n: 1 }) }] }), close: async () => undefined };
			}) as never
		};
		const runner = wasmRunner(fake);
		const controller = new AbortController();
		const first = runner.run({ id: 'a', sql: 'SELECT 1 AS n', params: [] });
		const superseded = runner.run({ id: 'b', sql: 'SELECT 2 AS n', params: [] }, { signal: controller.signal });
		const next = runner.run({ id: 'c', sql: 'SELECT 3 AS n', params: [] });
		controller.abort();
		expect(await first).toEqual([{ n: 1 }]);
		await expect(superseded).rejects.toBeInstanceOf(QueryCancelled);
		expect(await next).toEqual([{ n: 1 }]);
		expect(prepared).toEqual(['SELECT 1 AS n', 'SELECT 3 AS n']);
	});
});

describe('the filter scope', () => {
	// Computed here in plain JavaScript from the fixture: current programme × mainland municipality it
	// covers, both matching the filters (the scope rules of src/lib/db/queries/scope.ts).
	const cases = ['', 'region=02', 'region=01&region=02', 'pop=ge100k', 'langstatus=sv-fi', 'area=08&region=01', 'input=fillable-form', 'synthetic=real', 'since=2024-12-01', 'wellbeing=02&synthetic=synthetic'];
	it.each(cases.map((c) => [c || '(no filters)', c]))('%s: scope_coverage and scope_programmes equal the direct computation', async (_n, search) => {
		const f = parseView(new URLSearchParams(search)).filters;
		const munis = FIXTURE.municipalities.filter(
			(m) =>
				!m.aland &&
				(!f.region.length || f.region.includes(m.region_code as string)) &&
				(!f.wellbeing.length || f.wellbeing.includes(m.wellbeing_county_code as string)) &&
				(!f.area.length || f.area.includes(m.employment_area_code as string)) &&
				(!f.languageStatus.length || (f.languageStatus as string[]).includes(m.language_status as string)) &&
				(!f.populationClass.length || (f.populationClass as string[]).includes(m.population_class as string))
		);
		const inScope = new Set(munis.map((m) => m.code as string));
		const muniFilter = hasMunicipalityFilters(f);
		const programmes = FIXTURE.programmes.filter(
			(p) =>
				p.is_current &&
				(!f.inputKind.length || (f.inputKind as string[]).includes(p.input_kind as string)) &&
				(f.synthetic === 'all' || p.is_synthetic === (f.synthetic === 'synthetic')) &&
				(!f.since || (['ok', 'month'].includes(p.updated_status as string) && (p.updated as string) >= f.since))
		);
		const covers = (p: (typeof programmes)[number]) => [...new Set(p.municipality_codes as string[])].filter((c) => inScope.has(c));
		const wantProgrammes = programmes.filter((p) => !muniFilter || covers(p).length > 0).map((p) => p.programme_id as string).sort();
		const wantCoverage = programmes.flatMap((p) => covers(p).map((code) => `${p.programme_id} ${code}`)).sort();
		const coverage = scoped<{ pair: string }>('test.scope_coverage', f, `SELECT programme_id || ' ' || code AS pair FROM scope_coverage ORDER BY pair`);
		const scopeProgrammes = scoped<{ programme_id: string }>('test.scope_programmes', f, 'SELECT programme_id FROM scope_programmes ORDER BY programme_id');
		for (const db of [computed, fromFiles, wasm]) {
			expect((await db.run(coverage)).map((r) => r.pair)).toEqual(wantCoverage);
			expect((await db.run(scopeProgrammes)).map((r) => r.programme_id)).toEqual(wantProgrammes);
		}
		if (search === '') expect(wantCoverage.length).toBeGreaterThan(0);
	});
});
