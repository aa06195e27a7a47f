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

/**
 * Characters of one answer that facts are read from. Answers in the demo corpus are under 900
 * characters; a long section of a municipality's own document may reach ~20,000. Past this, a
 * hostile answer (10 MB of one sentence) only costs time, 35 s for 10 MB, for facts that are
 * capped at 1000 per table anyway (rows.ts MAX_FACTS_PER_TABLE). The answer itself is kept whole.
 */
export const MAX_ENRICHED_CHARS = 200_000;

/** The ingest's enricher; the indexes are built on first use (a parent whose readers enrich never builds them). */
export function ingestEnricher(referenceCsv?: string, employmentAreasCsv?: string): IngestEnricher {
	let enrich: ReturnType<typeof createEnricher> | null = null;
	const fn: Enricher = (programme, _reference, options) => {
		enrich ??= createEnricher({
			municipalities: parseMunicipalities(readFileSync(referenceCsv ?? join(REPO_ROOT, 'data/reference/municipalities.csv'), 'utf8')),
			employmentAreas: parseEmploymentAreas(readFileSync(employmentAreasCsv ?? join(REPO_ROOT, 'data/reference/employment_areas.csv'), 'utf8'))
		});
		const long = programme.answers.filter((a) => a.text.length > MAX_ENRICHED_CHARS);
		if (long.length === 0) return enrich(programme, options);
		// Facts from the first MAX_ENRICHED_CHARS of each long answer (their spans hold in the whole text).
		const cut = { ...programme, answers: programme.answers.map((a) => (a.text.length > MAX_ENRICHED_CHARS ? { ...a, text: a.text.slice(0, MAX_ENRICHED_CHARS) } : a)) };
		const e = enrich(cut, options);
		const length = new Map(long.map((a) => [a.key, a.text.length]));
		return {
			...e,
			// Completeness counts the whole answer.
			completeness: e.completeness?.map((r) => (length.has(r.key as string) ? { ...r, chars: length.get(r.key as string)! } : r)),
			warnings: [
				...(e.warnings ?? []),
				...long.map((a) => ({
					code: 'long-answer',
					message: `Answer ${a.key} is ${a.text.length} characters long; its facts were read from the first ${MAX_ENRICHED_CHARS} (real answers are far shorter).`
				}))
			]
		};
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
