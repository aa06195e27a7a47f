/**
 * One draft, checked: PDF bytes → Programme (the ingest's extractProgramme) → enrichment (the
 * ingest's createEnricher over the same reference data) → the record in the dataset's row schema
 * (buildDataset, src/lib/dataset/rows.ts). Pure: pdf.js and the reference are passed in, so the
 * browser worker and Node (tests, benchmark) run exactly this.
 */
import { buildDataset, type Dataset } from '../dataset/rows';
import { extractProgramme, type ExtractDeps } from '../programme/extract';
import { detectDocumentLanguage, type DocumentLanguage } from '../programme/language';
import { createEnricher, type Enricher } from '../programme/enrich/index';
import type { Enrichment } from '../programme/enrich/types';
import type { Programme } from '../programme/types';
import type { EmploymentArea, Municipality } from '../reference/index';
import type { CheckStep } from './protocol';

export interface CheckReference {
	municipalities: Municipality[];
	employmentAreas: EmploymentArea[];
}

export interface CheckResult {
	/** The file's name as chosen (never its path). */
	name: string;
	bytes: number;
	programme: Programme;
	enrichment: Enrichment;
	documentLanguage: DocumentLanguage;
	/** The reference rows of the municipalities the draft covers (names, area, region, size class). */
	municipalities: Municipality[];
	/** The dataset rows of this one document (every table but the reference `municipalities`). */
	record: Dataset;
	/** Wall-clock milliseconds for extraction and enrichment. */
	timings: { extract: number; enrich: number };
}

export interface Checker {
	check(name: string, bytes: Uint8Array, onStep?: (step: CheckStep) => void): Promise<CheckResult>;
}

/** Builds the enrichment indexes once; `check` then runs per file. */
export function createChecker(deps: ExtractDeps, reference: CheckReference): Checker {
	let enricher: Enricher | null = null;
	return {
		async check(name, bytes, onStep) {
			onStep?.('extract');
			const t0 = performance.now();
			const programme = await extractProgramme(bytes, deps);
			const t1 = performance.now();
			onStep?.('enrich');
			enricher ??= createEnricher(reference);
			const enrichment = enricher(programme);
			const t2 = performance.now();
			onStep?.('record');
			const record = buildDataset({
				files: [{ file: name, bytes: bytes.length, kind: 'programme', programme }],
				municipalities: reference.municipalities,
				enrich: () => enrichment
			});
			delete record.municipalities;
			return {
				name,
				bytes: bytes.length,
				programme,
				enrichment,
				documentLanguage: detectDocumentLanguage(programme.answers),
				municipalities: reference.municipalities.filter((m) => enrichment.municipalityCodes.includes(m.code)),
				record,
				timings: { extract: t1 - t0, enrich: t2 - t1 }
			};
		}
	};
}

/** The record as the JSON download: the rows of each table, in the dataset's schema. */
export function recordJson(result: CheckResult): string {
	return JSON.stringify({ schema: 'kotokartta-check/1', file: result.name, tables: result.record }, null, '\t');
}
