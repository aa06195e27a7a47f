// The compare page is a prerendered shell (its choice, ?m=, is read in the browser); the server
// gives it the municipality names for the picker and the column headers.
import { serverDataset } from '$lib/db/dataset.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	return {
		municipalities: ds.municipalities.filter((m) => !m.aland).map((m) => ({ code: m.code, nameFi: m.nameFi, nameSv: m.nameSv }))
	};
};
