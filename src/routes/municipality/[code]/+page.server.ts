// A municipality's profile: one prerendered page per municipality code of the reference data.
// The header (the municipality, the programmes that cover it, their scores) and the default view
// (the first programme's answers, facts and the peer benchmark) are computed at build time with
// the same SQL the browser runs (src/lib/db/queries.ts), so they show without DuckDB-WASM; another
// programme (?doc=) is read in the browser.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { PDF_DIR, publishedPdfPath } from '$lib/components/profile/pdf-link';
import { serverDataset } from '$lib/db/dataset.server';
import {
	loadProfileDetails,
	municipalityChanges,
	municipalityHistory,
	municipalityProgrammes,
	type HistoryVersion,
	type ProfileProgramme,
	type ProgrammeChange
} from '$lib/db/queries';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every municipality code in data/reference/municipalities.csv, Åland included. */
export const entries: EntryGenerator = async () => {
	const ds = await serverDataset();
	return ds.municipalities.map((m) => ({ code: m.code }));
};

export const load: PageServerLoad = async ({ params }) => {
	const ds = await serverDataset();
	const municipality = ds.municipalities.find((m) => m.code === params.code);
	if (!municipality) error(404, `No municipality with code ${params.code}`);
	const programmes = await ds.db.run<ProfileProgramme>(municipalityProgrammes(municipality.code));
	// The history and what changed: small, and the same whatever the filters, so prerendered whole.
	const history = await ds.db.run<HistoryVersion>(municipalityHistory(municipality.code));
	const changes = await ds.db.run<ProgrammeChange>(municipalityChanges(municipality.code));
	// Names of every municipality the programmes cover: [Finnish, Swedish].
	const byCode = new Map(ds.municipalities.map((m) => [m.code, m]));
	const names: Record<string, [string, string]> = {};
	for (const p of [...programmes, ...history])
		for (const c of p.municipality_codes) {
			const m = byCode.get(c);
			if (m) names[c] = [m.nameFi, m.nameSv];
		}
	// Link a PDF only when the build publishes it (scripts/publish-pdfs.ts): a dead link would fail the prerender.
	const published = (file: string) => {
		const rel = publishedPdfPath(file);
		return rel !== null && existsSync(join(resolve('static'), PDF_DIR, rel));
	};
	// The page's default programme is the first (current, best); see +page.svelte's `selected`.
	const programme = programmes[0]?.programme_id ?? null;
	const details = await loadProfileDetails(ds.db, municipality.code, programme);
	return {
		municipality,
		details: { value: details, programme },
		programmes: programmes.map((p) => ({ ...p, pdf: published(p.file) })),
		history,
		changes,
		names
	};
};
