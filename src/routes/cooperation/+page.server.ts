// The cooperation view for the national, unfiltered scope, computed at build time with the same
// SQL the page runs in the browser; plus the names the network needs (municipalities, areas).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serverDataset } from '$lib/db/dataset.server';
import { loadCooperation } from '$lib/db/queries';
import { parseEmploymentAreas } from '$lib/reference';
import { EMPTY_FILTERS } from '$lib/state/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const cooperation = await loadCooperation(ds.db, EMPTY_FILTERS);
	const names: Record<string, [string, string]> = Object.fromEntries(ds.municipalities.map((m) => [m.code, [m.nameFi, m.nameSv]]));
	const areaOf: Record<string, string> = Object.fromEntries(ds.municipalities.map((m) => [m.code, m.employmentAreaCode]));
	const areas: Record<string, [string, string]> = Object.fromEntries(
		parseEmploymentAreas(readFileSync(resolve('data/reference/employment_areas.csv'), 'utf8')).map((a) => [a.code, [a.nameFi, a.nameSv]])
	);
	return { cooperation, names, areaOf, areas };
};
