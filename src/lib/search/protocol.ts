/**
 * Messages between the search page and the search worker, and the handler that answers them.
 * The handler is plain code (no Worker API), so the worker, the main-thread fallback and the
 * unit tests all run the same thing.
 */
import { SearchIndex, type SearchResult } from './engine';
import { unpackPassages, type SearchFile, type SearchFileProgramme } from './packed';
import type { SearchableAnswer } from './passages';

export type SearchRequest =
	| { type: 'build'; answers: SearchableAnswer[] }
	/** Fetch the search file (packed.ts) and index its passages. */
	| { type: 'load'; url: string }
	| { type: 'search'; id: number; query: string; programmeIds: string[] | null; limit?: number; perProgramme?: number };

export type SearchResponse =
	/** `programmes`: the search file's programmes (after `load`). */
	| { type: 'built'; passages: number; ms: number; programmes?: SearchFileProgramme[] }
	| { type: 'result'; id: number; result: SearchResult; ms: number }
	| { type: 'error'; id: number | null; message: string };

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

async function loadFile(url: string, fetcher: typeof fetch): Promise<SearchFile> {
	const res = await fetcher(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return (await res.json()) as SearchFile;
}

/**
 * Holds one index; `build` and `load` replace it, `search` needs it. Answers `load` with a
 * promise (it fetches), everything else at once.
 */
export function createSearchHandler(
	now: () => number = clock,
	fetcher: typeof fetch = (...args) => fetch(...args)
): (request: SearchRequest) => SearchResponse | Promise<SearchResponse> {
	let index: SearchIndex | null = null;
	return (request) => {
		try {
			if (request.type === 'build') {
				const t0 = now();
				index = SearchIndex.build(request.answers);
				return { type: 'built', passages: index.size, ms: now() - t0 };
			}
			if (request.type === 'load') {
				const t0 = now();
				return loadFile(request.url, fetcher).then(
					(file) => {
						index = SearchIndex.fromPassages(unpackPassages(file));
						return { type: 'built', passages: index.size, ms: now() - t0, programmes: file.programmes };
					},
					(e: unknown) => ({ type: 'error', id: null, message: e instanceof Error ? e.message : String(e) })
				);
			}
			if (request.type === 'search') {
				if (!index) return { type: 'error', id: request.id, message: 'The search index is not built yet.' };
				const t0 = now();
				const result = index.search(request.query, {
					programmeIds: request.programmeIds,
					limit: request.limit,
					perProgramme: request.perProgramme
				});
				return { type: 'result', id: request.id, result, ms: now() - t0 };
			}
			return { type: 'error', id: null, message: `Unknown request ${JSON.stringify((request as { type?: unknown }).type)}` };
		} catch (e) {
			const id = request.type === 'search' ? request.id : null;
			return { type: 'error', id, message: e instanceof Error ? e.message : String(e) };
		}
	};
}
