// One municipality's comparison for the unfiltered view, written at build time with the same SQL
// the compare page runs in the browser (see src/lib/content/static.ts): /compare?m=… shows it
// without waiting for DuckDB-WASM.
import { error, json } from '@sveltejs/kit';
import { serverDataset } from '$lib/db/dataset.server';
import { loadCompare } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** The municipalities the compare page offers (mainland; Åland has no programme duty). */
export const entries: EntryGenerator = async () => (await serverDataset()).municipalities.filter((m) => !m.aland).map((m) => ({ code: m.code }));

export const GET: RequestHandler = async ({ params }) => {
	const ds = await serverDataset();
	if (!ds.municipalities.some((m) => m.code === params.code && !m.aland)) error(404, `No mainland municipality with code ${params.code}`);
	return json(await loadCompare(ds.db, EMPTY_FILTERS, [params.code]));
};
