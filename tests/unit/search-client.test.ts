import { describe, expect, it } from 'vitest';
import { createSearchClient, prestartSearch, searchHeadScript, takeSearchClient, type WorkerLike } from '../../src/lib/search/client';
import { SearchIndex } from '../../src/lib/search/engine';
import { packSearch } from '../../src/lib/search/packed';
import { createSearchHandler, type SearchRequest, type SearchResponse } from '../../src/lib/search/protocol';
import { AURA_ID, auraAnswers } from './search-fixtures';

/**
 * A stand-in for the Web Worker: the real handler behind an asynchronous message boundary
 * (structuredClone, as postMessage does), so the client's worker path runs as in a browser.
 */
class FakeWorker implements WorkerLike {
	private listeners: Record<string, ((event: never) => void)[]> = {};
	requests: SearchRequest[] = [];
	terminated = false;
	constructor(
		private readonly crashOn?: (request: SearchRequest) => boolean,
		private readonly handle = createSearchHandler()
	) {}
	addEventListener(type: string, listener: (event: never) => void): void {
		(this.listeners[type] ??= []).push(listener);
	}
	postMessage(message: SearchRequest): void {
		const request = structuredClone(message);
		this.requests.push(request);
		setTimeout(async () => {
			if (this.terminated) return;
			if (this.crashOn?.(request)) {
				for (const l of this.listeners.error ?? []) l(new Event('error') as never);
				return;
			}
			const response: SearchResponse = structuredClone(await this.handle(request));
			if (this.terminated) return;
			for (const l of this.listeners.message ?? []) l({ data: response } as never);
		}, 1);
	}
	terminate(): void {
		this.terminated = true;
	}
}

describe('search client', () => {
	const answers = auraAnswers();
	const expected = SearchIndex.build(answers).search('ukrainn');

	it('searches in the worker and gives what the index gives', async () => {
		const worker = new FakeWorker();
		const client = createSearchClient(answers, { worker: () => worker });
		expect(client.mode).toBe('worker');
		const info = await client.ready;
		expect(info.passages).toBeGreaterThan(answers.length / 2);
		const result = await client.search({ query: 'ukrainn' });
		expect(result!.mode).toBe('worker');
		expect(result!.hits).toEqual(expected.hits);
		expect(worker.requests.filter((r) => r.type === 'build')).toHaveLength(1);
		client.dispose();
		expect(worker.terminated).toBe(true);
	});

	it('falls back to the main thread when there is no worker, with the same results', async () => {
		const client = createSearchClient(answers, { worker: null });
		expect(client.mode).toBe('main-thread');
		await client.ready;
		const result = await client.search({ query: 'ukrainn', programmeIds: [AURA_ID] });
		expect(result!.hits).toEqual(expected.hits);
		expect((await client.search({ query: 'ukrainn', programmeIds: [] }))!.hits).toEqual([]);
	});

	it('falls back when the worker cannot start or crashes, and still answers', async () => {
		const broken = createSearchClient(answers, {
			worker: () => {
				throw new Error('Workers are disabled');
			}
		});
		await broken.ready;
		expect(broken.mode).toBe('main-thread');
		expect((await broken.search({ query: 'ukrainn' }))!.hits).toEqual(expected.hits);

		const crashing = new FakeWorker((r) => r.type === 'search');
		const client = createSearchClient(answers, { worker: () => crashing });
		await client.ready;
		const result = await client.search({ query: 'ukrainn' });
		expect(client.mode).toBe('main-thread');
		expect(crashing.terminated).toBe(true);
		expect(result!.hits).toEqual(expected.hits);
	});

	it('answers only the latest of queries typed in quick succession', async () => {
		const worker = new FakeWorker();
		const client = createSearchClient(answers, { worker: () => worker });
		const typed = ['u', 'uk', 'ukr', 'ukra', 'ukrainn'].map((query) => client.search({ query }));
		const results = await Promise.all(typed);
		expect(results.at(-1)!.hits).toEqual(expected.hits);
		// Typed before the index was ready: all but the last were replaced while waiting.
		expect(results.slice(0, -1)).toEqual([null, null, null, null]);
		expect(worker.requests.filter((r) => r.type === 'search')).toHaveLength(1);
	});

	it('builds from the search file where the index lives, from its URL, with the same results', async () => {
		const file = packSearch(
			answers.map((a) => ({ programme_id: a.programmeId, key: a.key, section: a.section, text: a.text })),
			[{ programme_id: AURA_ID, is_synthetic: false, municipalities_text: 'Aura', codes: ['019'], names_fi: ['Aura'], names_sv: ['Aura'] }]
		);
		const fetched: string[] = [];
		const fetcher = (async (url: string) => {
			fetched.push(url);
			return url === '/search.json?v=1' ? new Response(JSON.stringify(file)) : new Response('', { status: 404 });
		}) as typeof fetch;
		const worker = new FakeWorker(undefined, createSearchHandler(undefined, fetcher));
		const client = createSearchClient({ url: '/search.json?v=1' }, { worker: () => worker });
		const info = await client.ready;
		expect(fetched).toEqual(['/search.json?v=1']);
		expect(info.programmes).toEqual(file.programmes);
		expect((await client.search({ query: 'ukrainn' }))!.hits).toEqual(expected.hits);
		expect(worker.requests.map((r) => r.type)).toEqual(['load', 'search']);

		const missing = createSearchClient({ url: '/gone.json' }, { worker: () => new FakeWorker(undefined, createSearchHandler(undefined, fetcher)) });
		await expect(missing.ready).rejects.toThrow('/gone.json: HTTP 404');
	});

	it('runs the first query as soon as the index is built, and shares one answer for the same query', async () => {
		const worker = new FakeWorker();
		const first = { query: 'ukrainn', programmeIds: null, limit: 50, perProgramme: 3 };
		const client = createSearchClient(answers, { worker: () => worker, initial: first });
		await client.ready;
		// Asked again while it runs, and after: one search, the same answer.
		const [a, b] = await Promise.all([client.search({ ...first }), client.search({ ...first })]);
		expect(a!.hits).toEqual(expected.hits);
		expect(b).toBe(a);
		expect(await client.search({ ...first })).toBe(a);
		expect(worker.requests.filter((r) => r.type === 'search')).toHaveLength(1);
		// Another query runs; the first again runs again (only the last answer is kept).
		expect((await client.search({ ...first, programmeIds: [] }))!.hits).toEqual([]);
		expect((await client.search({ ...first }))!.hits).toEqual(expected.hits);
		expect(worker.requests.filter((r) => r.type === 'search')).toHaveLength(3);
	});

	it('takes the worker the page head started, with what it said before the page listened', async () => {
		const file = packSearch(
			answers.map((a) => ({ programme_id: a.programmeId, key: a.key, section: a.section, text: a.text })),
			[{ programme_id: AURA_ID, is_synthetic: false, municipalities_text: 'Aura', codes: ['019'], names_fi: ['Aura'], names_sv: ['Aura'] }]
		);
		const fetcher = (async () => new Response(JSON.stringify(file))) as unknown as typeof fetch;
		// The head script runs as in a page: a global window and Worker, the worker's answers kept.
		const made: (FakeWorker & { onmessage?: unknown; onerror?: unknown; url?: string })[] = [];
		const g = globalThis as Record<string, unknown>;
		g.window = globalThis;
		// The page's meta element names the file (a URL with characters that must stay data).
		g.document = { querySelector: (s: string) => (s === 'meta[name="kk-search-file"]' ? { content: '/content/search.json?v=x</script>' } : null) };
		g.Worker = class extends FakeWorker {
			constructor(public url: string) {
				super(undefined, createSearchHandler(undefined, fetcher));
				made.push(this);
				this.addEventListener('message', (e: never) => (this as unknown as { onmessage?: (e: never) => void }).onmessage?.(e));
			}
		};
		try {
			const script = searchHeadScript();
			expect(script).not.toMatch(/</);
			new Function(script)();
			expect(made).toHaveLength(1);
			expect(made[0].url).toMatch(/search\.worker/);
			expect(made[0].requests).toEqual([{ type: 'load', url: '/content/search.json?v=x</script>' }]);
			// The worker has built the index before the page module runs.
			await new Promise((r) => setTimeout(r, 20));
			const first = { query: 'ukrainn', programmeIds: null, limit: 50, perProgramme: 3 };
			prestartSearch(first);
			expect(g.__kkSearch).toBeUndefined();
			const client = takeSearchClient('/content/search.json?v=x</script>', first);
			expect((await client.ready).programmes).toEqual(file.programmes);
			expect((await client.search({ ...first }))!.hits).toEqual(expected.hits);
			expect(made).toHaveLength(1);
			expect(made[0].requests.map((r) => r.type)).toEqual(['load', 'search']);
			client.dispose();
			expect(made[0].terminated).toBe(true);
			// Nothing started (a page reached by navigating within the site): a client of its own.
			prestartSearch(first);
			const own = takeSearchClient('/content/search.json?v=x</script>', null);
			await own.ready;
			expect(made).toHaveLength(2);
			own.dispose();
		} finally {
			delete g.window;
			delete g.document;
			delete g.Worker;
			delete g.__kkSearch;
		}
	});

	it('reports a search before the index is built as an error from the handler', () => {
		const handle = createSearchHandler();
		expect(handle({ type: 'search', id: 7, query: 'x', programmeIds: null })).toEqual({
			type: 'error',
			id: 7,
			message: 'The search index is not built yet.'
		});
	});
});
