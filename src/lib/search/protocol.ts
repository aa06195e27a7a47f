/**
 * Messages between the search page and the search worker, and the handler that answers them.
 * The handler is plain code (no Worker API), so the worker, the main-thread fallback and the
 * unit tests all run the same thing.
 */
import { SearchIndex, type SearchResult } from './engine';
import type { SearchableAnswer } from './passages';

export type SearchRequest =
	| { type: 'build'; answers: SearchableAnswer[] }
	| { type: 'search'; id: number; query: string; programmeIds: string[] | null; limit?: number; perProgramme?: number };

export type SearchResponse =
	| { type: 'built'; passages: number; ms: number }
	| { type: 'result'; id: number; result: SearchResult; ms: number }
	| { type: 'error'; id: number | null; message: string };

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Holds one index; `build` replaces it, `search` needs it. */
export function createSearchHandler(now: () => number = clock): (request: SearchRequest) => SearchResponse {
	let index: SearchIndex | null = null;
	return (request) => {
		try {
			if (request.type === 'build') {
				const t0 = now();
				index = SearchIndex.build(request.answers);
				return { type: 'built', passages: index.size, ms: now() - t0 };
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
