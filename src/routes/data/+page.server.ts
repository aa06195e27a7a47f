// The data page: the ingest log and which companion files exist, read at build time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serverDataset } from '$lib/db/dataset.server';
import { ingestLog, type IngestLogRow } from '$lib/db/queries';
import type { PageServerLoad } from './$types';

/** The blank form `npm run form` writes (linked only when it exists: a dead link would fail the prerender). */
const FORM_PDF = 'downloads/kotoutumisohjelma-lomake-TEM-3.9.2024.pdf';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const log = await ds.db.run<IngestLogRow>(ingestLog());
	const companion = (name: string) => existsSync(join(ds.dir, name));
	return {
		log,
		companions: {
			dictionary: companion('data-dictionary.md'),
			readme: companion('README.md'),
			manifest: companion('manifest.json')
		},
		formPdf: existsSync(resolve('static', FORM_PDF)) ? `/${FORM_PDF}` : null
	};
};
