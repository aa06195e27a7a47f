// The overview's numbers for the national view, computed at build time with the same SQL the
// page runs in the browser (src/lib/db/queries.ts), so they show before DuckDB-WASM is ready.
import { serverDataset } from '$lib/db/dataset.server';
import { loadOverview } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const overview = await loadOverview(ds.db, EMPTY_FILTERS);
	// Names for the map's table alternative: [Finnish, Swedish] by code.
	const names: Record<string, [string, string]> = Object.fromEntries(
		ds.municipalities.map((m) => [m.code, [m.nameFi, m.nameSv]])
	);
	return { overview, names };
};
