/**
 * Statements planned ahead for a first filter change (src/lib/db/filters.ts `filterStatesAhead`,
 * src/lib/db/browser.ts `wasmRunner().prepare`, src/lib/components/page-query.svelte.ts): the states
 * one filter choice away give the very SQL text a real choice runs, and a statement prepared ahead is
 * not prepared again when it runs.
 */
import { describe, expect, it } from 'vitest';
import { aheadJobs, wasmRunner, type WasmConnection } from '../../src/lib/db/browser';
import { filterStatesAhead } from '../../src/lib/db/filters';
import { gapMatrix, languageMap, languagesQueries, overviewQueries } from '../../src/lib/db/queries';
import { EMPTY_FILTERS, parseView } from '../../src/lib/state/filters';

const sqlOf = (record: Record<string, { sql: string } | null>) => Object.values(record).map((q) => q?.sql ?? null);
const at = (search: string) => parseView(new URLSearchParams(search)).filters;

describe('filter states one choice away', () => {
	it('from no filters: one state per list filter, whose statements are those any value of that filter runs', () => {
		const ahead = filterStatesAhead(EMPTY_FILTERS);
		const ahead_sql = new Set(ahead.flatMap((f) => [...sqlOf(languagesQueries(f, 'national')), languageMap(f, 'en').sql]));
		for (const choice of ['region=05', 'region=01&region=19', 'area=12', 'wellbeing=07', 'langstatus=sv', 'pop=lt5k', 'input=scan']) {
			const f = at(choice);
			for (const sql of [...sqlOf(languagesQueries(f, 'national')), languageMap(f, 'en').sql]) if (sql) expect(ahead_sql.has(sql), choice).toBe(true);
		}
		// The overview's and the gap matrix's statements too (their pages prepare ahead as well).
		const other = new Set(ahead.flatMap((f) => [...sqlOf(overviewQueries(f)), gapMatrix(f).sql]));
		for (const choice of ['region=05', 'region=01&region=19', 'area=12', 'wellbeing=07', 'langstatus=sv', 'pop=lt5k', 'input=scan']) {
			const f = at(choice);
			for (const sql of [...sqlOf(overviewQueries(f)), gapMatrix(f).sql]) expect(other.has(sql as string), choice).toBe(true);
		}
		// None of them is the state itself.
		const here = new Set(sqlOf(overviewQueries(EMPTY_FILTERS)));
		for (const f of ahead) expect(sqlOf(overviewQueries(f)).some((sql) => !here.has(sql as string))).toBe(true);
	});

	it('from a region: the region cleared and each other filter added', () => {
		const f = at('region=01&region=02');
		const ahead = filterStatesAhead(f);
		expect(ahead.find((x) => x.region.length === 0)).toMatchObject({ ...EMPTY_FILTERS });
		const withArea = ahead.find((x) => x.area.length > 0)!;
		expect(withArea.region).toEqual(['01', '02']);
		expect(sqlOf(languagesQueries(withArea, 'region'))).toEqual(sqlOf(languagesQueries(at('region=01&area=11'), 'region')));
	});
});

describe('a statement prepared ahead', () => {
	it('is prepared once: a later run sends it with its values, without preparing again', async () => {
		const prepared: string[] = [];
		const sent: unknown[][] = [];
		const conn = {
			query: () => Promise.resolve(null),
			prepare: (sql: string) => {
				prepared.push(sql);
				return Promise.resolve({ query: (...params: unknown[]) => (sent.push(params), Promise.resolve({ toArray: () => [], schema: { fields: [] } })), close: () => Promise.resolve() });
			}
		} as unknown as WasmConnection;
		const runner = wasmRunner(conn);
		await runner.prepare('SELECT ? AS x');
		expect(prepared).toEqual(['SELECT ? AS x']);
		expect(sent).toEqual([]);
		await runner.run({ id: 't', sql: 'SELECT ? AS x', params: [1] });
		await runner.prepare('SELECT ? AS x');
		expect(prepared).toEqual(['SELECT ? AS x']);
		expect(sent).toEqual([[1]]);
	});
});

describe('statements run ahead', () => {
	it('the first state ahead runs once, before the others are prepared; no text twice, over several calls', () => {
		const ahead = filterStatesAhead(EMPTY_FILTERS);
		const of = (f: typeof EMPTY_FILTERS) => Object.values(overviewQueries(f)).filter((q): q is NonNullable<typeof q> => q !== null);
		const done = new Set<string>();
		const jobs = aheadJobs(ahead.flatMap(of), of(ahead[0]), done);
		const runs = jobs.filter((j) => j.run);
		// The region state's six statements run (with a region's value), first.
		expect(ahead[0].region).toEqual(['01']);
		expect(runs.map((j) => j.query)).toEqual(of(ahead[0]));
		expect(jobs.slice(0, runs.length).every((j) => j.run)).toBe(true);
		// The others are only prepared, each text once, and none of those already run.
		const prepared = jobs.filter((j) => !j.run).map((j) => j.query.sql);
		expect(new Set(prepared).size).toBe(prepared.length);
		for (const j of runs) expect(prepared).not.toContain(j.query.sql);
		expect(new Set([...runs.map((j) => j.query.sql), ...prepared])).toEqual(new Set(ahead.flatMap(of).map((q) => q.sql)));
		// A later call (the page shown again) adds nothing; a text prepared before can still be run.
		expect(aheadJobs(ahead.flatMap(of), of(ahead[0]), done)).toEqual([]);
		const other = of(ahead[1]);
		expect(aheadJobs([], other, done).map((j) => j.key)).toEqual(other.map((q) => `run:${q.sql}`));
	});
});
