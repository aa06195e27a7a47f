/**
 * The ingest path gives the golden facts too: Aura's fillable PDF (data/pdfs/aura-2024-11-18.pdf)
 * → extractProgramme → the dataset rows built with the ingest's enricher, compared with the
 * hand-written golden file. The only difference allowed: our fillable copy of the form has
 * responsibility-table fields (left empty), where the real form has none, so the table parts are
 * `empty` here and `missing` in the golden file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestEnricher } from '../../ingest/run';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { buildDataset, type Dataset } from '../../src/lib/dataset/rows';
import { extractProgramme } from '../../src/lib/programme/extract';
import type { Programme } from '../../src/lib/programme/types';
import { AURA_FIXTURE } from '../helpers/programme-pdfs';
import { reference } from './enrich-fixtures';

const golden = JSON.parse(readFileSync(new URL('../golden/aura.enrichment.json', import.meta.url), 'utf8'));

let programme: Programme;
let data: Dataset;

beforeAll(async () => {
	programme = await extractProgramme(new Uint8Array(readFileSync(AURA_FIXTURE)), await nodeExtractDeps());
	data = buildDataset({
		files: [{ file: 'aura.pdf', bytes: 1, kind: 'programme', programme }],
		municipalities: reference.municipalities,
		enrich: ingestEnricher()
	});
});

const lines = (rows: Record<string, unknown>[], fields: string[]) => rows.map((r) => fields.map((f) => String(r[f])).join(' | ')).sort();

describe('Aura through the ingest', () => {
	it('programme row: municipality codes and current', () => {
		expect(data.programmes.map((r) => [r.municipality_codes, r.is_current])).toEqual([[golden.municipalityCodes, true]]);
		expect(data.ingest_log.map((r) => r.status)).toEqual(['ok']);
	});

	it('languages, providers and cooperation as in the golden file', () => {
		expect(lines(data.languages, ['key', 'language_code', 'context', 'snippet'])).toEqual(
			lines(golden.languages, ['key', 'language_code', 'context', 'snippet'])
		);
		const rf = ['key', 'service', 'client_group', 'provider', 'provider_kind', 'provider_municipality_code', 'snippet'];
		expect(lines(data.responsibilities, rf)).toEqual(lines(golden.responsibilities, rf));
		const cf = ['arrangement_type', 'role', 'partner', 'partner_kind', 'partner_municipality_code', 'partner_area_code', 'key', 'snippet'];
		expect(lines(data.cooperation, cf)).toEqual(lines(golden.cooperation, cf));
	});

	it('completeness as in the golden file (table parts empty rather than missing)', () => {
		for (const r of data.completeness) {
			const want = String(r.key).startsWith('table.') ? 'empty' : golden.completeness[r.key as string];
			expect(r.grade, r.key as string).toBe(want);
		}
	});

	it('evidence spans index the extracted answer text', () => {
		const text = new Map(programme.answers.map((a) => [a.key, a.text]));
		for (const r of [...data.responsibilities, ...data.languages, ...data.cooperation]) {
			expect(text.get(r.key as string)!.slice(r.span_start as number, r.span_end as number)).toBe(r.snippet);
		}
	});
});
