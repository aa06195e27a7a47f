// Build-time facts every page needs: the published files (so the browser fetches only those
// that exist), national programme counts for the synthetic-data banner, and the filter options.
import { serverDataset } from '$lib/db/dataset.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	const ds = await serverDataset();
	return { dataset: ds.info, filterOptions: ds.filterOptions };
};
