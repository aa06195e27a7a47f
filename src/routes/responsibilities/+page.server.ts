// The responsibilities view for the national, unfiltered scope, computed at build time with the
// same SQL the page runs in the browser (src/lib/db/queries.ts).
import { serverDataset } from '$lib/db/dataset.server';
import { loadResponsibilities } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const responsibilities = await loadResponsibilities(ds.db, EMPTY_FILTERS);
	const names: Record<string, [string, string]> = Object.fromEntries(ds.municipalities.map((m) => [m.code, [m.nameFi, m.nameSv]]));
	return { responsibilities, names };
};
