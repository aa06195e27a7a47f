// The languages view for the national, unfiltered scope (and the map of the most named
// language), computed at build time with the same SQL the page runs in the browser.
import { serverDataset } from '$lib/db/dataset.server';
import { languageMap, loadLanguages, type LanguageMapRow } from '$lib/db/queries';
import { EMPTY_FILTERS } from '$lib/state/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const languages = await loadLanguages(ds.db, EMPTY_FILTERS, 'national');
	const mapLanguage = languages.national[0]?.language_code ?? null;
	const map = mapLanguage ? await ds.db.run<LanguageMapRow>(languageMap(EMPTY_FILTERS, mapLanguage)) : [];
	const names: Record<string, [string, string]> = Object.fromEntries(ds.municipalities.map((m) => [m.code, [m.nameFi, m.nameSv]]));
	return { languages, map: { language: mapLanguage, rows: map }, names };
};
