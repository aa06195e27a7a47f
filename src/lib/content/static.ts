/**
 * Content first, engine later: what a page shows for its default (unfiltered) view, written at
 * build time as small static JSON files by prerendered endpoints (src/routes/content/), so the
 * page shows it without DuckDB-WASM. The values are the very rows the same SQL returns in the
 * browser (the endpoints run the `$lib/db/queries` loaders in Node).
 *
 * - `/content/compare/<code>.json`: `loadCompare(EMPTY_FILTERS, [code])` for one municipality;
 *   the compare page merges the municipalities in its URL (`mergeCompare`).
 * - `/content/search.json`: the answers the search indexes, cut into passages, and their
 *   programmes (src/lib/search/packed.ts).
 *
 * Performance marks (read by `npm run bench`): `kk:content:<name>` once a file is in.
 */
import type { CompareData, SearchProgrammeRow } from '$lib/db/queries';
import type { SearchFile } from '$lib/search/packed';

export type SearchContent = SearchFile<SearchProgrammeRow>;

export const compareContentPath = (code: string) => `/content/compare/${code}.json`;
export const SEARCH_CONTENT_PATH = '/content/search.json';

/**
 * One value for several municipalities from their one-municipality values: the comparison's SQL
 * filters by `code IN (…)` and every row carries its code, so the rows of several one-code
 * queries are the rows of one query over all of them (programmes in the order given, like
 * `loadCompare`; the page lines parts and facts up by key itself, see compare.ts).
 */
export function mergeCompare(values: readonly CompareData[], codes: readonly string[]): CompareData {
	const programmes = values.flatMap((v) => v.programmes).sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code));
	return { programmes, parts: values.flatMap((v) => v.parts), facts: values.flatMap((v) => v.facts) };
}

const mark = (name: string) => {
	if (typeof performance !== 'undefined') performance.mark(`kk:content:${name}`);
};

/** Fetches a prerendered content file (`version` busts caches when the dataset changes). */
export async function fetchContent<T>(path: string, version: string, name: string, fetcher: typeof fetch = fetch): Promise<T> {
	const res = await fetcher(`${path}?v=${encodeURIComponent(version)}`);
	if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
	const value = (await res.json()) as T;
	mark(name);
	return value;
}

/** The comparison of `codes` for the unfiltered view, from the static files (no DuckDB). */
export async function fetchCompare(codes: readonly string[], version: string, fetcher: typeof fetch = fetch): Promise<CompareData> {
	const values = await Promise.all(codes.map((c) => fetchContent<CompareData>(compareContentPath(c), version, `compare:${c}`, fetcher)));
	const merged = mergeCompare(values, codes);
	mark('compare');
	return merged;
}

/** A version of the whole dataset, from the published files' versions (changes when any file does). */
export function datasetVersion(files: readonly { table: string; version: string }[]): string {
	let h = 0;
	for (const f of files) for (const ch of `${f.table}:${f.version};`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
	return (h >>> 0).toString(36);
}
