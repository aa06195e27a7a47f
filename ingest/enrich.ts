/**
 * The enrichment the ingest plugs into the dataset: municipalities, providers, languages,
 * cooperation and completeness for each programme (src/lib/programme/enrich), with the
 * reference municipalities and employment areas. It runs in the reader processes
 * (ingest/read-worker.ts), next to the reading, so a programme whose enrichment costs too much
 * time or memory (a 10 MB answer) is stopped by the limits of its own file, never the batch's.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Enricher } from '../src/lib/dataset/rows';
import { createEnricher } from '../src/lib/programme/enrich/index';
import { parseEmploymentAreas, parseMunicipalities } from '../src/lib/reference';

const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Where a reader finds the reference data (plain data: it goes to the reader over IPC). */
export interface ReaderEnrichment {
	referenceCsv?: string;
	employmentAreasCsv?: string;
}

/** An enricher that readers can rebuild from `readers` (runIngest hands that to them instead of calling it). */
export type IngestEnricher = Enricher & { readonly readers: ReaderEnrichment };

/** The ingest's enricher; the indexes are built on first use (a parent whose readers enrich never builds them). */
export function ingestEnricher(referenceCsv?: string, employmentAreasCsv?: string): IngestEnricher {
	let enrich: ReturnType<typeof createEnricher> | null = null;
	const fn: Enricher = (programme, _reference, options) => {
		enrich ??= createEnricher({
			municipalities: parseMunicipalities(readFileSync(referenceCsv ?? join(REPO_ROOT, 'data/reference/municipalities.csv'), 'utf8')),
			employmentAreas: parseEmploymentAreas(readFileSync(employmentAreasCsv ?? join(REPO_ROOT, 'data/reference/employment_areas.csv'), 'utf8'))
		});
		return enrich(programme, options);
	};
	return Object.assign(fn, { readers: { referenceCsv, employmentAreasCsv } });
}

const cache = new Map<string, Enricher>();

/** In a reader: the enricher for `config`, built once per process. */
export function readerEnricher(config: ReaderEnrichment): Enricher {
	const key = JSON.stringify([config.referenceCsv ?? null, config.employmentAreasCsv ?? null]);
	let e = cache.get(key);
	if (!e) cache.set(key, (e = ingestEnricher(config.referenceCsv, config.employmentAreasCsv)));
	return e;
}
