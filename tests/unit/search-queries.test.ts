/**
 * The search page's SQL (src/lib/db/queries.ts, "search" section) run in Node against the
 * synthetic fixture's Parquet, and the index built from what it returns. Expectations are
 * computed in JavaScript from the fixture rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, HOSTILE_TEXT, REFERENCE, writeFixtureDataset } from '../fixtures/make-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import {
	scopeSummary,
	searchAnswers,
	searchProgrammes,
	searchScope,
	type SearchAnswerRow,
	type SearchProgrammeRow
} from '../../src/lib/db/queries';
import { EMPTY_FILTERS, parseView } from '../../src/lib/state/filters';
import { SearchIndex } from '../../src/lib/search/engine';
import { facetScope } from '../../src/lib/search/scope';
import { facetData } from '../../src/lib/db/dataset.server';
import { decodeFacets } from '../../src/lib/db/facets';
import { highlightSegments } from '../../src/lib/search/highlight';

let dir: string;
let db: NodeDatabase;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-search-'));
	await writeFixtureDataset(dir);
	db = await openNodeDatabase(dir);
});
afterAll(() => {
	db?.close();
	rmSync(dir, { recursive: true, force: true });
});

const current = new Set(FIXTURE.programmes.filter((p) => p.is_current).map((p) => p.programme_id as string));

describe('search SQL', () => {
	it('gives every filled answer of current programmes, in form order', async () => {
		const rows = await db.run<SearchAnswerRow>(searchAnswers());
		const expected = FIXTURE.answers
			.filter((a) => current.has(a.programme_id as string) && a.status === 'filled')
			.sort((a, b) => String(a.programme_id).localeCompare(String(b.programme_id)) || Number(a.ordinal) - Number(b.ordinal))
			.map((a) => ({ programme_id: a.programme_id, key: a.key, section: a.section, text: a.text }));
		expect(rows).toEqual(expected);
		expect(rows.length).toBeGreaterThan(0);
	});

	it('names each current programme’s municipalities in the programme’s own order', async () => {
		const rows = await db.run<SearchProgrammeRow>(searchProgrammes());
		const byCode = new Map(REFERENCE.map((m) => [m.code, m]));
		expect(rows.map((r) => r.programme_id).sort()).toEqual([...current].sort());
		for (const r of rows) {
			const p = FIXTURE.programmes.find((x) => x.programme_id === r.programme_id)!;
			const codes = (p.municipality_codes as string[]).filter((c) => byCode.has(c));
			expect(r.codes).toEqual(codes);
			expect(r.names_fi).toEqual(codes.map((c) => byCode.get(c)!.nameFi));
			expect(r.names_sv).toEqual(codes.map((c) => byCode.get(c)!.nameSv));
			expect(r.is_synthetic).toBe(p.is_synthetic);
		}
		// The programme with no resolved municipality is still listed, with no names.
		expect(rows.some((r) => r.codes.length === 0)).toBe(true);
	});

	it('scopes to the same programmes the rest of the dashboard counts', async () => {
		for (const search of ['', 'region=02', 'pop=ge100k', 'langstatus=sv-fi', 'input=fillable-form', 'synthetic=real']) {
			const filters = parseView(new URLSearchParams(search)).filters;
			const ids = await db.run<{ programme_id: string }>(searchScope(filters));
			const [summary] = await db.run<{ programmes: number }>(scopeSummary(filters));
			expect(ids.length, search).toBe(summary.programmes);
			for (const { programme_id } of ids) expect(current.has(programme_id)).toBe(true);
		}
		expect((await db.run(searchScope(EMPTY_FILTERS))).length).toBe(current.size);
	});

	it('scopes without the engine (the layout’s facet table) to the programmes the SQL scope gives', async () => {
		const facets = decodeFacets(await facetData(db, REFERENCE));
		const programmes = await db.run<SearchProgrammeRow>(searchProgrammes());
		let some = 0;
		for (const search of ['region=02', 'region=02,01', 'pop=ge100k', 'langstatus=sv-fi', 'input=fillable-form', 'synthetic=real', 'synthetic=synthetic', 'since=2024-06-01', 'region=02&input=fillable-form', 'region=19&synthetic=real']) {
			const filters = parseView(new URLSearchParams(search)).filters;
			const sql = (await db.run<{ programme_id: string }>(searchScope(filters))).map((r) => r.programme_id);
			expect(facetScope(facets, programmes, filters), search).toEqual(sql);
			if (sql.length > 0 && sql.length < programmes.length) some++;
		}
		expect(some).toBeGreaterThan(3);
		expect(facetScope(facets, programmes, EMPTY_FILTERS)).toBeNull();
		// A table that does not line up with the programmes is not used.
		expect(facetScope(facets, programmes.slice(1), parseView(new URLSearchParams('region=02')).filters)).toBeUndefined();
		expect(facetScope(null, programmes, parseView(new URLSearchParams('region=02')).filters)).toBeUndefined();
	});

	it('feeds an index that finds the fixture’s words and keeps hostile markup as text', async () => {
		const rows = await db.run<SearchAnswerRow>(searchAnswers());
		const index = SearchIndex.build(rows.map((r) => ({ programmeId: r.programme_id, key: r.key, section: r.section, text: r.text })));
		const hits = index.search('somalia').hits;
		expect(hits.length).toBeGreaterThan(0);
		const pwned = index.search('linkki pwned').hits;
		expect(pwned.length).toBeGreaterThan(0);
		const hit = pwned[0];
		expect(hit.passage.text.length).toBeLessThanOrEqual(HOSTILE_TEXT.length);
		expect(HOSTILE_TEXT).toContain(hit.passage.text);
		const marked = highlightSegments(hit.passage.text, hit.ranges).filter((s) => s.hit).map((s) => s.text);
		expect(marked.join(' ')).toMatch(/linkki/);
	});
});
