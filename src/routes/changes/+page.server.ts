// The national list of recent changes, computed at build time with the same SQL the page runs in
// the browser when the filters change (src/lib/db/queries/changes.ts).
import { serverDataset } from '$lib/db/dataset.server';
import { recentChanges, type RecentChange } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	return { recent: await ds.db.run<RecentChange>(recentChanges(EMPTY_FILTERS)) };
};
