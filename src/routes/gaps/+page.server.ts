// The gap matrix of the national view, computed at build time with the same SQL the page runs
// in the browser (src/lib/db/queries.ts gapMatrix), so the matrix shows before DuckDB-WASM is ready.
import { serverDataset } from '$lib/db/dataset.server';
import { gapMatrix, type GapRow } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const matrix = await ds.db.run<GapRow>(gapMatrix(EMPTY_FILTERS));
	return { matrix };
};
