// The list of employment area reports, from the reference data (prerendered).
import { serverDataset } from '$lib/db/dataset.server';
import { mainlandAreas } from './areas.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const nameOf = new Map(ds.municipalities.map((m) => [m.code, [m.nameFi, m.nameSv] as [string, string]]));
	return {
		areas: mainlandAreas().map((a) => ({
			code: a.code,
			name: [a.nameFi, a.nameSv || a.nameFi] as [string, string],
			longName: a.nameLongFi,
			host: a.hostMunicipalityCode ? (nameOf.get(a.hostMunicipalityCode) ?? null) : null,
			members: a.memberCodes.length
		}))
	};
};
