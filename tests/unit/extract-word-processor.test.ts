/**
 * A municipality's own document printed by a real word processor (LibreOffice, from
 * tests/fixtures/word-processor/jamsa-title-only.fodt by make.sh): the municipality stands only in
 * the visible title on page 1 — no "Kunta tai kunnat" label, no title in the PDF's properties.
 * It must still resolve to its municipality; and a document that names none anywhere gets an
 * error-level finding, which a mapping given to the ingest fixes.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { ingestEnricher, runIngest } from '../../ingest/run';
import { extractProgramme } from '../../src/lib/programme/extract';
import { createEnricher } from '../../src/lib/programme/enrich/index';
import type { Programme } from '../../src/lib/programme/types';
import { reference } from './enrich-fixtures';

const PDF = join(import.meta.dirname, '../fixtures/word-processor/jamsa-title-only.pdf');
let programme: Programme;

beforeAll(async () => {
	programme = await extractProgramme(new Uint8Array(readFileSync(PDF)), await nodeExtractDeps());
});

describe('word-processor document whose municipality is only in its title', () => {
	it('is read as an own-template document with no municipality field and no metadata title', () => {
		expect(programme.metadata.producer).toMatch(/LibreOffice/);
		expect(programme.metadata.title ?? '').not.toMatch(/Jäms/);
		expect(programme.answers.find((a) => a.key === 'header.municipalities')).toBeUndefined();
		expect(programme.answers.filter((a) => /^s\d\.b$/.test(a.key) || a.key === 's1.b1').length).toBeGreaterThan(3);
		expect(programme.leadText).toMatch(/^Jämsän kaupungin kotoutumisohjelma/);
	});

	it('resolves to Jämsä (182) from the title on page 1, and says so', () => {
		const e = createEnricher(reference)(programme);
		expect(e.municipalityCodes).toEqual(['182']);
		expect(e.municipalityEvidence[0]).toMatchObject({ source: 'lead', key: 'metadata.lead', snippet: 'Jämsän kaupungin' });
		expect(e.warnings.map((w) => w.code)).toContain('municipality-from-other-evidence');
		expect(e.warnings.some((w) => w.level === 'error')).toBe(false);
	});

	it('without the title: an error-level no-municipality finding; a mapping gives the municipality', () => {
		const orphan: Programme = { ...programme, leadText: null };
		const enrich = createEnricher(reference);
		const e = enrich(orphan);
		expect(e.municipalityCodes).toEqual([]);
		expect(e.warnings.find((w) => w.code === 'no-municipality')).toMatchObject({ level: 'error' });
		const mapped = enrich(orphan, { municipalityCodes: ['182'] });
		expect(mapped.municipalityCodes).toEqual(['182']);
		expect(mapped.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['municipality-from-mapping']));
		expect(enrich(orphan, { municipalityCodes: ['999'] }).warnings.find((w) => w.code === 'unknown-municipality-mapping')).toMatchObject({ level: 'error' });
	});

	it('a printed document that names no municipality anywhere: error-level no-municipality', async () => {
		const orphan = await extractProgramme(new Uint8Array(readFileSync(PDF.replace('jamsa-title-only', 'no-municipality'))), await nodeExtractDeps());
		const e = createEnricher(reference)(orphan);
		expect(e.municipalityCodes).toEqual([]);
		expect(e.warnings.find((w) => w.code === 'no-municipality')).toMatchObject({ level: 'error' });
	});

	it('the ingest takes the mapping by file name', async () => {
		const out = await mkdtemp(join(tmpdir(), 'kotokartta-wp-'));
		try {
			const report = await runIngest({
				inputs: [PDF],
				out: join(out, 'data'),
				root: join(import.meta.dirname, '../fixtures/word-processor'),
				enrich: ingestEnricher(),
				municipalities: new Map([['jamsa-title-only.pdf', ['179']]])
			});
			expect(report.files[0].status).toBe('warning');
			const db = await (await DuckDBInstance.create(':memory:')).connect();
			const read = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();
			const log = await read(`SELECT code, status FROM read_parquet('${join(out, 'data/ingest_log.parquet')}')`);
			expect(log).toEqual(expect.arrayContaining([{ code: 'municipality-from-mapping', status: 'warning' }]));
			const p = await read(`SELECT municipality_codes FROM read_parquet('${join(out, 'data/programmes.parquet')}')`);
			expect([...(p[0].municipality_codes as string[])]).toEqual(['179']);
			db.closeSync();
		} finally {
			await rm(out, { recursive: true, force: true });
		}
	});
});
