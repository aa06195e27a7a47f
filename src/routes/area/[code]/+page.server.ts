// The employment area report for the unfiltered scope, computed at build time (one page per
// mainland area) with the same SQL the page runs in the browser when filters change.
import { error } from '@sveltejs/kit';
import { serverDataset } from '$lib/db/dataset.server';
import { loadArea } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { mainlandAreas } from '../areas.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => mainlandAreas().map((a) => ({ code: a.code }));

export const load: PageServerLoad = async ({ params }) => {
	const area = mainlandAreas().find((a) => a.code === params.code);
	if (!area) error(404, `No employment area ${params.code}`);
	const ds = await serverDataset();
	const report = await loadArea(ds.db, EMPTY_FILTERS, area.code);
	const names: Record<string, [string, string]> = Object.fromEntries(ds.municipalities.map((m) => [m.code, [m.nameFi, m.nameSv]]));
	return {
		area: {
			code: area.code,
			name: [area.nameFi, area.nameSv || area.nameFi] as [string, string],
			longName: area.nameLongFi,
			model: area.organisationModel,
			host: area.hostMunicipalityCode,
			memberCodes: area.memberCodes
		},
		report,
		names
	};
};
