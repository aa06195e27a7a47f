/**
 * Versions through the whole ingest (issue 15 and issue 9 item 5), with real PDFs:
 * - adding a newer PDF of one municipality and re-ingesting changes only that municipality's
 *   current version (programmes.is_current, programme_versions.is_latest), and gives one change
 *   record pair, for it, whose word diff holds the words that changed;
 * - a copy of a programme re-saved by qpdf (other bytes, same answers) is a duplicate by content;
 * - the reference date is recorded in the manifest, and the same inputs and date give the same bytes;
 * - the ingest, which writes rows file by file and the changes pair by pair without holding the
 *   programmes, gives the same tables as buildDataset over the same outcomes in memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../ingest/parquet';
import { findInputs, INGEST_VERSION, ingestEnricher, readInputs, REPO_ROOT, runIngest, type IngestReport } from '../../ingest/run';
import { dataDictionary } from '../../src/lib/dataset/dictionary';
import { buildDataset } from '../../src/lib/dataset/rows';
import { parseMunicipalities } from '../../src/lib/reference';
import { ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { parquet, query, type JsonRow } from '../helpers/duckdb';
import { AURA_FIXTURE, auraSeed, fillablePdf } from '../helpers/programme-pdfs';

const TODAY = '2026-01-15';
let dir: string;
let before: string;
let after: string;
let again: string;
let reportAfter: IngestReport;

/** A municipality's programme: every part answered with its name in it, the given values on top. */
function ownProgramme(name: string, values: Record<string, string>) {
	return fillablePdf(ANSWER_FIELDS.map((f) => ({ name: f.fieldName, value: values[f.key] ?? `${name}: palvelu järjestetään kunnan omana työnä (${f.key}).` })));
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-versions-'));
	mkdirSync(join(dir, 'pdfs'));
	writeFileSync(join(dir, 'pdfs/aura-2024-11-18.pdf'), readFileSync(AURA_FIXTURE));
	writeFileSync(join(dir, 'pdfs/loimaa-2025-01-02.pdf'), await ownProgramme('Loimaa', { 'header.municipalities': 'Loimaan kaupunki', 'header.updated': '2.1.2025', 's3.a2': 'Ukrainaksi ja arabiaksi.' }));
	writeFileSync(join(dir, 'pdfs/oripaa-2024-12-02.pdf'), await ownProgramme('Oripää', { 'header.municipalities': 'Oripään kunta', 'header.updated': '2.12.2024', 's3.a2': 'Ukrainaksi.' }));
	// Re-saved by a real tool: object streams, other bytes, the same form and answers.
	execFileSync('qpdf', ['--object-streams=generate', join(dir, 'pdfs/aura-2024-11-18.pdf'), join(dir, 'pdfs/aura-tallennettu.pdf')]);
	before = join(dir, 'before');
	await runIngest({ inputs: [join(dir, 'pdfs')], out: before, root: dir, enrich: ingestEnricher(), referenceDate: TODAY });

	// A newer programme of Aura only: dated later, orientation in Somali too.
	const newer = auraSeed().map((s) => ({
		name: s.fieldName,
		value: s.key === 'header.updated' ? '3.6.2025' : s.key === 's3.a2' ? 'Ukrainan ja somalin kielellä.' : s.value
	}));
	writeFileSync(join(dir, 'pdfs/aura-2025-06-03.pdf'), await fillablePdf(newer));
	after = join(dir, 'after');
	reportAfter = await runIngest({ inputs: [join(dir, 'pdfs')], out: after, root: dir, enrich: ingestEnricher(), referenceDate: TODAY });
	again = join(dir, 'again');
	await runIngest({ inputs: [join(dir, 'pdfs')], out: again, root: dir, enrich: ingestEnricher(), referenceDate: TODAY });
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (out: string, table: string, order: string) => query(`SELECT * FROM ${parquet(out, table)} ORDER BY ${order}`);
const byFile = (list: JsonRow[]) => Object.fromEntries(list.map((r) => [String(r.file).split('/').pop(), r]));

describe('adding a newer PDF of one municipality', () => {
	it('changes only that municipality’s current version', async () => {
		const p0 = byFile(await rows(before, 'programmes', 'file'));
		const p1 = byFile(await rows(after, 'programmes', 'file'));
		expect(Object.keys(p1).sort()).toEqual([...Object.keys(p0), 'aura-2025-06-03.pdf'].sort());
		// Every programme that was there is unchanged, except that Aura's old one is no longer current.
		for (const [name, row] of Object.entries(p0)) {
			expect(p1[name], name).toEqual(name === 'aura-2024-11-18.pdf' ? { ...(row as JsonRow), is_current: false } : row);
		}
		expect(p1['aura-2025-06-03.pdf'].is_current).toBe(true);

		const latest = async (out: string) =>
			Object.fromEntries(
				(await query(`SELECT v.code, list(p.file ORDER BY p.file) AS files FROM ${parquet(out, 'programme_versions')} v JOIN ${parquet(out, 'programmes')} p USING (programme_id) WHERE v.is_latest GROUP BY v.code ORDER BY v.code`)).map(
					(r) => [r.code, (r.files as string[]).map((f) => f.split('/').pop())]
				)
			);
		const l0 = await latest(before);
		const l1 = await latest(after);
		expect(l0['019']).toEqual(['aura-2024-11-18.pdf']);
		expect(l1['019']).toEqual(['aura-2025-06-03.pdf']);
		expect({ ...l1, '019': l0['019'] }).toEqual(l0);
	});

	it('gives one pair of change records, Aura’s, with the added language and the changed words', async () => {
		const c0 = await rows(before, 'programme_changes', 'to_programme_id');
		const c1 = await rows(after, 'programme_changes', 'ordinal, change, direction');
		expect(c0).toEqual([]);
		const p1 = byFile(await rows(after, 'programmes', 'file'));
		expect(new Set(c1.map((c) => `${c.from_programme_id}>${c.to_programme_id}`))).toEqual(
			new Set([`${p1['aura-2024-11-18.pdf'].programme_id}>${p1['aura-2025-06-03.pdf'].programme_id}`])
		);
		expect(c1.every((c) => JSON.stringify(c.municipality_codes) === '["019"]')).toBe(true);
		const changed = c1.map((c) => [c.change, c.direction, c.key]);
		// header.updated and s3.a2 changed; Somali orientation was added; nothing else.
		expect(changed).toEqual(
			expect.arrayContaining([
				['text', 'changed', 'header.updated'],
				['text', 'changed', 's3.a2'],
				['language', 'added', 's3.a2']
			])
		);
		expect(c1.filter((c) => c.change === 'text').map((c) => c.key)).toEqual(['header.updated', 's3.a2']);
		const lang = c1.find((c) => c.change === 'language')!;
		expect([lang.language_code, lang.context, lang.from_key, lang.to_key, lang.to_snippet]).toEqual(['so', 'orientation', null, 's3.a2', 'somalin kielellä']);
		const s3 = c1.find((c) => c.change === 'text' && c.key === 's3.a2')!;
		// Whole words: "ja somalin" inserted before the kept "kielellä." (whose trailing space went).
		expect(JSON.parse(s3.diff as string)).toEqual([
			['=', 'Ukrainan '],
			['+', 'ja somalin '],
			['=', 'kielellä.']
		]);
		expect([s3.words_added, s3.words_removed]).toEqual([2, 0]);
		// Evidence on both sides: the insertion point in the earlier text, the inserted words in the later.
		expect([s3.from_span_start, s3.from_span_end, s3.from_snippet, s3.to_snippet]).toEqual([9, 9, '', 'ja somalin']);
		const a1 = await query(`SELECT text FROM ${parquet(after, 'answers')} WHERE programme_id = '${s3.to_programme_id}' AND key = 's3.a2'`);
		expect(String(a1[0].text).slice(s3.to_span_start as number, s3.to_span_end as number)).toBe(s3.to_snippet);
	});
});

describe('a copy re-saved by qpdf', () => {
	it('is a duplicate by content, named as such, not a second programme', () => {
		const copy = reportAfter.files.find((f) => f.file === 'pdfs/aura-tallennettu.pdf')!;
		expect([copy.status, copy.code]).toEqual(['warning', 'duplicate-content']);
		expect(copy.reason).toContain('Same answers as pdfs/aura-2024-11-18.pdf');
		expect(copy.programmeId).toBe(reportAfter.files.find((f) => f.file === 'pdfs/aura-2024-11-18.pdf')!.programmeId);
		expect(readFileSync(join(dir, 'pdfs/aura-tallennettu.pdf')).equals(readFileSync(join(dir, 'pdfs/aura-2024-11-18.pdf')))).toBe(false);
	});
});

describe('the reference date', () => {
	it('is in the manifest, and the same inputs and date give the same bytes', () => {
		const m1 = JSON.parse(readFileSync(join(after, 'manifest.json'), 'utf8'));
		const m2 = JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8'));
		expect(m1.referenceDate).toBe(TODAY);
		expect(m2).toEqual(m1);
	});
});

describe('the streamed ingest', () => {
	it('gives the same tables, byte for byte, as buildDataset over the same outcomes (versions, changes and a content duplicate included)', async () => {
		const enricher = ingestEnricher();
		const { inputs, verdicts } = await findInputs([join(dir, 'pdfs')], dir);
		const files = [...(await readInputs(inputs, undefined, {}, { enricher })), ...verdicts];
		const municipalities = parseMunicipalities(readFileSync(join(REPO_ROOT, 'data/reference/municipalities.csv'), 'utf8'));
		const data = buildDataset({ files, municipalities, enrich: enricher, referenceDate: TODAY });
		expect(data.programme_changes.length).toBeGreaterThan(0);
		expect(data.ingest_log.some((r) => r.code === 'duplicate-content')).toBe(true);
		const inMemory = await writeDataset(data, join(dir, 'in-memory'), { ingestVersion: INGEST_VERSION, referenceDate: TODAY, dictionary: dataDictionary() });
		const streamed = JSON.parse(readFileSync(join(after, 'manifest.json'), 'utf8'));
		expect(inMemory.tables).toEqual(streamed.tables);
	}, 120_000);
});

describe('--today', () => {
	it('must be a calendar date: anything else is a usage error, and nothing is read or written', () => {
		const cli = join(import.meta.dirname, '../../ingest/cli.ts');
		const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
		for (const bad of ['2025-02-30', '1.6.2025', 'tomorrow']) {
			const r = spawnSync(tsx, [cli, join(dir, 'pdfs'), '--out', join(dir, 'never'), '--today', bad], { encoding: 'utf8' });
			expect(r.status, bad).toBe(2);
			expect(r.stderr).toContain(`--today "${bad}"`);
		}
		expect(existsSync(join(dir, 'never'))).toBe(false);
	});
});
