/**
 * Where a filter change's SQL time goes, per query: `npx tsx bench/query-profile.ts [--data static/data]
 * [--changes 20] [--pages overview,gaps]`.
 *
 * Runs every filtering page's query record through DuckDB-WASM's Node build (single-threaded like the
 * browser's worker, the same package the site ships) over the dataset's Arrow/Parquet files, for the
 * same sequence of filter states the dashboard bench clicks (region toggles: on in a first pass, off in
 * a second), and prints per query p50/p95 of the CPU time from prepare to rows, and per page the sum.
 * Statements are kept and run again with new values, as in the browser; the warm-up pass over the
 * unfiltered state does not prepare the filtered shapes, so a page's first filtered state pays its planning.
 * Not a test: the numbers depend on the machine; the browser's worker adds message passing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWasmNode } from '../tools/duckdb-wasm-node';
import { TABLES } from '../src/lib/dataset/tables';
import { loadSummary, loadTable } from '../src/lib/db/browser';
import { SUMMARIES } from '../src/lib/db/summaries';
import { EMPTY_FILTERS, type Filters } from '../src/lib/db/filters';
import {
	areaQueries,
	compareQueries,
	cooperationQueries,
	gapMatrix,
	languageMap,
	languagesQueries,
	overviewQueries,
	responsibilitiesQueries,
	searchScope,
	type QueryRecord
} from '../src/lib/db/queries';
import { plainCell, type Query } from '../src/lib/db/types';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'static/data' }, changes: { type: 'string', default: '20' }, pages: { type: 'string', default: '' } } });
const DIR = resolve(values.data!);
const CHANGES = Number(values.changes);

const PAGES: Record<string, (f: Filters) => QueryRecord> = {
	overview: (f) => overviewQueries(f),
	gaps: (f) => ({ matrix: gapMatrix(f) }),
	compare: (f) => compareQueries(f, ['019', '430']),
	search: (f) => ({ scope: searchScope(f) }),
	languages: (f) => ({ ...languagesQueries(f, 'national'), map: languageMap(f, 'en') }),
	responsibilities: (f) => responsibilitiesQueries(f),
	cooperation: (f) => cooperationQueries(f),
	area: (f) => areaQueries(f, '41')
};

const db = (await openWasmNode()).db;
const conn = db.connect();
const files = new Set(readdirSync(DIR));
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name))).buffer;
for (const t of TABLES) {
	const arrow = `${t.name}.arrow`;
	const src = files.has(arrow) ? { bytes: bytes(arrow), format: 'arrow' as const } : files.has(`${t.name}.parquet`) ? bytes(`${t.name}.parquet`) : undefined;
	await loadTable(conn, t, src);
}
for (const s of SUMMARIES) await loadSummary(conn, s, files.has(`${s.name}.arrow`) ? bytes(`${s.name}.arrow`) : undefined);

/** CPU time spent preparing (parse, bind, plan, optimise), summed over a page's change. */
let prepareMs = 0;
/** Statements kept by their SQL text and run again with new values, as the site's runner does (src/lib/db/browser.ts `wasmRunner`). */
const prepared = new Map<string, ReturnType<typeof conn.prepare>>();
function run(q: Query): { ms: number; rows: number } {
	// CPU time of this process (the blocking build runs the query on this thread): steadier than wall time on a shared machine.
	const t0 = process.cpuUsage();
	const stmt = prepared.get(q.sql) ?? conn.prepare(q.sql);
	prepared.set(q.sql, stmt);
	const p = process.cpuUsage(t0);
	prepareMs += (p.user + p.system) / 1000;
	const result = stmt.query(...q.params);
	const rows = result.toArray().map((r: { toJSON(): Record<string, unknown> }) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, plainCell(v)])));
	const d = process.cpuUsage(t0);
	return { ms: (d.user + d.system) / 1000, rows: rows.length };
}

const regions = (conn.query(`SELECT DISTINCT region_code FROM municipalities WHERE NOT aland ORDER BY 1`).toArray() as { region_code: string }[]).map((r) => String(r.region_code));
const states: Filters[] = [];
let on: string[] = [];
for (let i = 0; i < CHANGES; i++) {
	const r = regions[i % regions.length];
	on = on.includes(r) ? on.filter((x) => x !== r) : [...on, r];
	states.push({ ...EMPTY_FILTERS, region: [...on] });
}

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const f = (n: number) => n.toFixed(1).padStart(7);
const wanted = values.pages ? values.pages.split(',') : Object.keys(PAGES);
// One warm-up pass over the unfiltered state (the first query of a kind pays for lazy init).
for (const name of wanted) for (const q of Object.values(PAGES[name](EMPTY_FILTERS))) if (q) run(q);
for (const name of wanted) {
	const per = new Map<string, number[]>();
	const totals: number[] = [];
	const prepares: number[] = [];
	for (const s of states) {
		let total = 0;
		prepareMs = 0;
		for (const [key, q] of Object.entries(PAGES[name](s))) {
			if (!q) continue;
			const { ms } = run(q);
			total += ms;
			per.set(`${key} (${q.id})`, [...(per.get(`${key} (${q.id})`) ?? []), ms]);
		}
		totals.push(total);
		prepares.push(prepareMs);
	}
	console.log(`\n${name}: all queries p50 ${f(pct(totals, 50))} ms  p95 ${f(pct(totals, 95))} ms (of which preparing p50 ${f(pct(prepares, 50))} ms)`);
	for (const [k, xs] of per) console.log(`  ${k.padEnd(60)} p50 ${f(pct(xs, 50))}  p95 ${f(pct(xs, 95))}`);
}
conn.close();
