// The data page: the ingest log and which companion files exist, read at build time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serverDataset } from '$lib/db/dataset.server';
import { ingestLog, needsReview, type IngestLogRow, type ReviewRow } from '$lib/db/queries';
import { REVIEW_THRESHOLD } from '$lib/programme/enrich/confidence';
import type { PageServerLoad } from './$types';

/** The blank form `npm run form` writes (linked only when it exists: a dead link would fail the prerender). */
const FORM_PDF = 'downloads/kotoutumisohjelma-lomake-TEM-3.9.2024.pdf';

export const load: PageServerLoad = async () => {
	const ds = await serverDataset();
	const log = await ds.db.run<IngestLogRow>(ingestLog());
	// The least sure facts, with their evidence (the page is prerendered: this runs at build time).
	const review = await ds.db.run<ReviewRow>(needsReview(REVIEW_THRESHOLD));
	const companion = (name: string) => existsSync(join(ds.dir, name));
	return {
		log,
		review,
		reviewThreshold: REVIEW_THRESHOLD,
		companions: {
			dictionary: companion('data-dictionary.md'),
			readme: companion('README.md'),
			manifest: companion('manifest.json')
		},
		formPdf: existsSync(resolve('static', FORM_PDF)) ? `/${FORM_PDF}` : null
	};
};
