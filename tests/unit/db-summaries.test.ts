/**
 * The derived data path: the ingest's summary tables and Arrow copies (ingest/derived.ts).
 * - Node over a dataset with the derived summary files answers exactly as Node computing the
 *   summaries itself (the fixture has none), for the overview, the gap matrix and the responsibilities;
 * - DuckDB-WASM (its Node build) loaded from the `.arrow` files (no hyparquet) answers as Node.
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
import { gapMatrix, loadOverview, loadResponsibilities, scoped } from '../../src/lib/db/queries';
import { hasMunicipalityFilters } from '../../src/lib/db/filters';
import { type QueryRunner } from '../../src/lib/db/types';
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
	it('writes every summary as Parquet, and an Arrow copy of every non-empty summary and table', async () => {
		for (const s of SUMMARIES) {
			const [{ n }] = await computed.run<{ n: number }>({ id: 'count', sql: `SELECT count(*)::INTEGER AS n FROM ${s.name}`, params: [] });
			expect(written).toContain(`${s.name}.parquet`);
			// An empty table has no Arrow copy: the browser makes it from the declared shape.
			if (n > 0) expect(written).toContain(`${s.name}.arrow`);
			else expect(written).not.toContain(`${s.name}.arrow`);
		}
		expect(written).toContain('programme_facts.arrow');
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
		const responsibilities = await loadResponsibilities(computed, f);
		if (!search) expect(responsibilities.gaps.length * responsibilities.kinds.length).toBeGreaterThan(0);
		expect(await loadResponsibilities(fromFiles, f)).toEqual(responsibilities);
		expect(await loadResponsibilities(wasm, f)).toEqual(responsibilities);
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
		// The same scope read from the summary tables (programme_facts, municipality_programmes).
		const facts = scoped<{ programme_id: string }>('test.scope_facts', f, 'SELECT programme_id FROM scope_facts ORDER BY programme_id');
		const factsCoverage = scoped<{ pair: string }>('test.scope_facts_codes', f, `SELECT programme_id || ' ' || unnest(scope_codes) AS pair FROM scope_facts ORDER BY pair`);
		const cells = scoped<{ pair: string }>('test.scope_cells', f, `SELECT programme_id || ' ' || code AS pair FROM scope_cells WHERE in_scope AND programme_in_scope ORDER BY pair`);
		const cellMunis = scoped<{ code: string }>('test.scope_cells_munis', f, 'SELECT DISTINCT code FROM scope_cells WHERE in_scope ORDER BY code');
		for (const db of [computed, fromFiles, wasm]) {
			expect((await db.run(coverage)).map((r) => r.pair)).toEqual(wantCoverage);
			expect((await db.run(scopeProgrammes)).map((r) => r.programme_id)).toEqual(wantProgrammes);
			expect((await db.run(facts)).map((r) => r.programme_id)).toEqual(wantProgrammes);
			expect((await db.run(factsCoverage)).map((r) => r.pair)).toEqual(wantCoverage);
			expect((await db.run(cells)).map((r) => r.pair)).toEqual(wantCoverage);
			expect((await db.run(cellMunis)).map((r) => r.code)).toEqual([...inScope].sort());
		}
		if (search === '') expect(wantCoverage.length).toBeGreaterThan(0);
	});
});

describe('the views’ summary tables (programme_facts, municipality_programmes)', () => {
	// Computed here in plain JavaScript from the fixture rows.
	type R = Record<string, unknown>;
	const byCode = new Map(FIXTURE.municipalities.map((m) => [m.code as string, m]));
	const current = FIXTURE.programmes.filter((p) => p.is_current).sort((a, b) => cmp(a.programme_id, b.programme_id));
	function cmp(a: unknown, b: unknown): number {
		return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
	}
	const mandatory = (pid: unknown) =>
		FIXTURE.completeness.filter((c) => c.programme_id === pid && c.mandatory).sort((a, b) => (a.ordinal as number) - (b.ordinal as number) || cmp(a.key, b.key));
	const plausible = (p: R) => (['ok', 'month'].includes(p.updated_status as string) ? (p.updated as string | null) : null);
	function facts(p: R) {
		const parts = mandatory(p.programme_id);
		const gaps = parts.filter((c) => ['missing', 'empty', 'placeholder', 'thin'].includes(c.grade as string));
		const score = parts.length ? parts.reduce((s, c) => s + (c.score as number), 0) / parts.length : null;
		const covered = [...new Set(p.municipality_codes as string[])]
			.map((c) => byCode.get(c))
			.filter((m): m is R => !!m && !m.aland)
			.sort((a, b) => cmp(a.code, b.code));
		const langs = new Map<string, { context: string; code: string; name: string }>();
		for (const l of FIXTURE.languages.filter((l) => l.programme_id === p.programme_id)) {
			const k = `${l.context} ${l.language_code}`;
			const name = l.language_name_fi as string;
			const had = langs.get(k);
			if (!had || name < had.name) langs.set(k, { context: l.context as string, code: l.language_code as string, name });
		}
		const ordered = [...langs.values()].sort((a, b) => cmp(a.context, b.context) || cmp(a.code, b.code));
		const mentions = new Map<string, number>();
		for (const c of FIXTURE.cooperation.filter((c) => c.programme_id === p.programme_id))
			mentions.set(c.arrangement_type as string, (mentions.get(c.arrangement_type as string) ?? 0) + 1);
		const types = [...mentions.keys()].sort(cmp);
		return {
			programme_id: p.programme_id,
			mandatory_score: score,
			weak_parts: parts.length ? parts.filter((c) => ['missing', 'empty', 'placeholder'].includes(c.grade as string)).length : null,
			thin_parts: parts.length ? parts.filter((c) => c.grade === 'thin').length : null,
			score_bin: score === null ? null : Math.min(Math.floor(score * 10), 9),
			muni_codes: covered.map((m) => m.code),
			muni_regions: covered.map((m) => m.region_code),
			muni_population_classes: covered.map((m) => m.population_class),
			gap_part_keys: gaps.map((c) => c.key),
			gap_part_grades: gaps.map((c) => c.grade),
			gap_part_sections: gaps.map((c) => c.section),
			gap_part_ordinals: gaps.map((c) => String(c.ordinal)),
			language_contexts: ordered.map((l) => l.context),
			language_codes: ordered.map((l) => l.code),
			language_names: ordered.map((l) => l.name),
			arrangement_types: types,
			arrangement_mentions: types.map((t) => String(mentions.get(t)))
		};
	}
	const expected = current.map(facts);
	// The gap matrix's choice: best score, then the latest plausible date, then the id.
	const ranked = [...current].sort((a, b) => {
		const sa = expected.find((e) => e.programme_id === a.programme_id)!.mandatory_score;
		const sb = expected.find((e) => e.programme_id === b.programme_id)!.mandatory_score;
		if (sa !== sb) return sa === null ? 1 : sb === null ? -1 : sb - sa;
		const da = plausible(a), db = plausible(b);
		if (da !== db) return da === null ? 1 : db === null ? -1 : cmp(db, da);
		return cmp(a.programme_id, b.programme_id);
	});

	const columns = Object.keys(expected[0]).filter((c) => c !== 'mandatory_score');
	const factsQuery = { id: 'test.programme_facts', sql: `SELECT ${columns.join(', ')}, mandatory_score, best_rank, CAST(updated AS VARCHAR) AS updated, is_synthetic, input_kind FROM programme_facts ORDER BY programme_id`, params: [] };

	it('programme_facts: one row per current programme, each measure as computed from the dataset rows (Node, Node over the ingest’s file, WASM over its Arrow copy)', async () => {
		expect(current.length).toBeGreaterThan(3);
		expect(expected.some((e) => e.muni_codes.length > 1)).toBe(true);
		expect(expected.some((e) => e.arrangement_types.length > 0 && e.language_codes.length > 0)).toBe(true);
		for (const db of [computed, fromFiles, wasm]) {
			const rows = await db.run(factsQuery);
			expect(rows.map((r) => r.programme_id)).toEqual(current.map((p) => p.programme_id));
			rows.forEach((r, i) => {
				const e = expected[i];
				const p = current[i];
				for (const c of columns) expect(r[c], `${e.programme_id} ${c}`).toEqual(e[c as keyof typeof e]);
				if (e.mandatory_score === null) expect(r.mandatory_score).toBeNull();
				else expect(r.mandatory_score as number).toBeCloseTo(e.mandatory_score, 12);
				expect([r.updated, r.is_synthetic, r.input_kind]).toEqual([p.updated ?? null, p.is_synthetic, p.input_kind]);
				expect(r.best_rank, String(p.programme_id)).toBe(ranked.indexOf(p) + 1);
			});
		}
	});

	it('municipality_programmes: every municipality × each current programme covering it (one row without a programme where none does)', async () => {
		const want: string[] = [];
		for (const m of [...FIXTURE.municipalities].sort((a, b) => cmp(a.code, b.code))) {
			const covering = current.filter((p) => (p.municipality_codes as string[]).includes(m.code as string));
			if (!covering.length) want.push(`${m.code} ${m.region_code} ${m.aland} - - -`);
			for (const p of covering) {
				const e = expected.find((x) => x.programme_id === p.programme_id)!;
				const s3a2 = FIXTURE.completeness.find((c) => c.programme_id === p.programme_id && c.key === 's3.a2');
				want.push(`${m.code} ${m.region_code} ${m.aland} ${p.programme_id} ${ranked.indexOf(p) + 1} ${mandatory(p.programme_id).length}:${e.language_codes.join(',')}:${e.language_codes.filter((_, i) => e.language_contexts[i] === 'orientation').join(',')}:${s3a2?.grade ?? null}`);
			}
		}
		expect(want.some((w) => w.endsWith(' - - -'))).toBe(true);
		const q = {
			id: 'test.municipality_programmes',
			sql: `SELECT code || ' ' || region_code || ' ' || aland || ' ' || coalesce(programme_id || ' ' || best_rank || ' ' || len(part_keys) || ':' || coalesce(array_to_string(language_codes, ','), '') || ':' || coalesce(array_to_string(orientation_languages, ','), '') || ':' || coalesce(language_part_grade, 'null'), '- - -') AS row
FROM municipality_programmes ORDER BY code, programme_id`,
			params: []
		};
		for (const [name, db] of [["computed", computed], ["files", fromFiles], ["wasm", wasm]] as const) expect((await db.run<{ row: string }>(q)).map((r) => r.row), name).toEqual(want);
	});
});
