// Content first: the prerendered JSON files (src/routes/content/) hold what the same SQL returns,
// and the compare page's merge of one-municipality files equals the query over all of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS_FIXTURE as FX, writeViewsDataset } from '../fixtures/views-dataset';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.server';
import { loadCompare, searchAnswers, searchProgrammes, type CompareData } from '../../src/lib/db/queries';
import { EMPTY_FILTERS } from '../../src/lib/state/filters';
import { alignFacts, alignParts } from '../../src/lib/components/compare/compare';
import { compareContentPath, datasetVersion, fetchCompare, mergeCompare, SEARCH_CONTENT_PATH, type SearchContent } from '../../src/lib/content/static';
import { SearchIndex } from '../../src/lib/search/engine';
import { answerPassages, unpackPassages } from '../../src/lib/search/packed';

let dir: string;
let db: NodeDatabase;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-content-'));
	await writeViewsDataset(dir);
	db = await openNodeDatabase(dir);
	process.env.KOTOKARTTA_DATA_DIR = dir;
});
afterAll(() => {
	db?.close();
	delete process.env.KOTOKARTTA_DATA_DIR;
	rmSync(dir, { recursive: true, force: true });
});

/** What the endpoints write, through JSON as the browser receives it. */
async function endpoint(path: string, params: Record<string, string> = {}): Promise<Response> {
	const mod = path.includes('compare')
		? await import('../../src/routes/content/compare/[code].json/+server')
		: await import('../../src/routes/content/search.json/+server');
	return (mod.GET as (e: unknown) => Promise<Response>)({ params });
}

const aligned = (d: CompareData) => ({
	programmes: d.programmes,
	parts: alignParts(d.parts, d.programmes),
	facts: alignFacts(d.facts, d.programmes)
});

describe('the comparison from one-municipality files', () => {
	for (const codes of [
		['019', '599', '092'],
		['599', '019'],
		['092', '019']
	]) {
		it(`equals the comparison query for ${codes.join(',')}`, async () => {
			const joint = await loadCompare(db, EMPTY_FILTERS, codes);
			const single = await Promise.all(codes.map((c) => loadCompare(db, EMPTY_FILTERS, [c])));
			const merged = mergeCompare(single, codes);
			expect(merged.programmes.map((p) => p.code)).toEqual(codes);
			expect(aligned(merged)).toEqual(aligned(joint));
			// Same rows, not just the same alignment.
			expect(merged.parts.length).toBe(joint.parts.length);
			expect(merged.facts.length).toBe(joint.facts.length);
		});
	}

	it('is what the page fetches from the prerendered endpoint', async () => {
		const codes = ['019', '599'];
		const requested: string[] = [];
		const fetcher = (async (url: string) => {
			requested.push(url);
			const code = /compare\/(\d{3})\.json/.exec(url)?.[1];
			return endpoint(compareContentPath(code!), { code: code! });
		}) as typeof fetch;
		const fetched = await fetchCompare(codes, 'v1', fetcher);
		expect(requested).toEqual(['/content/compare/019.json?v=v1', '/content/compare/599.json?v=v1']);
		expect(aligned(fetched)).toEqual(aligned(JSON.parse(JSON.stringify(await loadCompare(db, EMPTY_FILTERS, codes)))));
	});

	it('has no file for an unknown or Åland municipality', async () => {
		await expect(endpoint(compareContentPath('999'), { code: '999' })).rejects.toMatchObject({ status: 404 });
		await expect(endpoint(compareContentPath('478'), { code: '478' })).rejects.toMatchObject({ status: 404 });
	});
});

describe('the search file', () => {
	it('holds the passages of every answer the search indexes and the programmes, as the SQL returns them', async () => {
		const content = (await (await endpoint(SEARCH_CONTENT_PATH)).json()) as SearchContent;
		const programmes = await db.run(searchProgrammes());
		expect(content.programmes).toEqual(programmes);
		const answers = await db.run(searchAnswers());
		const filled = FX.answers.filter((a) => a.status === 'filled' && FX.programmes.some((p) => p.programme_id === a.programme_id && p.is_current));
		expect(answers.length).toBe(filled.length);
		// The passages the page indexes are those it would cut from the answers itself, synthetic
		// programmes marked.
		const synthetic = new Set(programmes.filter((p) => p.is_synthetic).map((p) => p.programme_id));
		const searchable = answers.map((a) => ({ programmeId: a.programme_id, key: a.key, section: a.section, text: a.text, synthetic: synthetic.has(a.programme_id) }));
		const passages = unpackPassages(content);
		expect(passages).toEqual(answerPassages(searchable));
		expect(passages.length).toBeGreaterThanOrEqual(answers.filter((a) => a.text.trim()).length);
		expect(passages.some((p) => p.synthetic)).toBe(synthetic.size > 0);
		// …and so the index over them answers as the index over the answers.
		for (const q of ['kotoutuminen', 'ukrainn', 'kieli kurssi']) {
			expect(SearchIndex.fromPassages(passages).search(q)).toEqual(SearchIndex.build(searchable).search(q));
		}
	});

	it('is refused by a page that reads another format, with a message', () => {
		expect(() => unpackPassages({ format: 2 } as never)).toThrow(/format 2, not 1: reload/);
	});
});

describe('dataset version', () => {
	it('changes when any file does', () => {
		const files = [
			{ table: 'answers', version: 'a1' },
			{ table: 'programmes', version: 'p1' }
		];
		expect(datasetVersion(files)).toBe(datasetVersion([...files]));
		expect(datasetVersion(files)).not.toBe(datasetVersion([files[0], { table: 'programmes', version: 'p2' }]));
	});
});
