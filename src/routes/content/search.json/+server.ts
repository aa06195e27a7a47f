// What the search indexes (every filled answer of every current programme, cut into passages)
// and the programmes' names, written at build time with the same SQL the page ran in DuckDB-WASM:
// /search?q=… shows results without the engine (see src/lib/content/static.ts and
// src/lib/search/packed.ts). Filters still use DuckDB.
import { json } from '@sveltejs/kit';
import type { SearchContent } from '$lib/content/static';
import { serverDataset } from '$lib/db/dataset.server';
import { searchAnswers, searchProgrammes, type SearchAnswerRow, type SearchProgrammeRow } from '$lib/db/queries';
import { packSearch } from '$lib/search/packed';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async () => {
	const ds = await serverDataset();
	const content: SearchContent = packSearch(await ds.db.run<SearchAnswerRow>(searchAnswers()), await ds.db.run<SearchProgrammeRow>(searchProgrammes()));
	return json(content);
};
