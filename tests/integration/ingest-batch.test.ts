/**
 * The ingest over a batch of good and bad files, read back from Parquet with DuckDB.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_LOG_CODES } from '../../src/lib/dataset/dictionary';
import { TABLES } from '../../src/lib/dataset/tables';
import { ALL_FIELDS, ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { runIngest, type IngestReport } from '../../ingest/run';
import { parquet, query } from '../helpers/duckdb';
import { AURA_FIXTURE, auraSeed, encryptPdf, fillablePdf, ROOT, scanPdf, textPdf, truncate } from '../helpers/programme-pdfs';

const run = promisify(execFile);
let dir: string;
let out: string;
let report: IngestReport;

/** The batch: two good forms, a scan, a duplicate, and one file of each bad kind. */
async function writeBatch(into: string): Promise<void> {
	mkdirSync(join(into, 'pdfs/sub'), { recursive: true });
	const aura = new Uint8Array(readFileSync(AURA_FIXTURE));
	const loimaaValues = new Map<string, string>([
		['header.municipalities', 'Loimaan kaupunki, Oripään kunta'],
		['header.updated', '2.1.2025'],
		['s3.a2', 'Ukrainaksi ja arabiaksi.']
	]);
	const loimaa = await fillablePdf(
		ANSWER_FIELDS.map((f) => ({
			name: f.fieldName,
			value: loimaaValues.get(f.key) ?? `Palvelu järjestetään Loimaalla, ja se on tarjolla myös Oripään asukkaille (${f.key}).`
		}))
	);
	// A later version of Aura's programme: the first one is then no longer current.
	const auraLater = await fillablePdf(
		auraSeed().map((s) => ({ name: s.fieldName, value: s.key === 'header.updated' ? '3.6.2025' : s.value }))
	);
	const files: Record<string, Uint8Array | string> = {
		'pdfs/aura.pdf': aura,
		'pdfs/sub/loimaa.pdf': loimaa,
		'pdfs/aura-2025.pdf': auraLater,
		'pdfs/sub/aura-copy.PDF': aura,
		'pdfs/scan.pdf': await scanPdf(),
		'pdfs/empty.pdf': new Uint8Array(),
		'pdfs/notes.pdf': 'Kotoutumisohjelma: luonnos\n',
		'pdfs/truncated.pdf': truncate(aura),
		'pdfs/encrypted.pdf': encryptPdf(aura),
		'pdfs/invoice.pdf': await textPdf(['Lasku 2024-118', 'Summa 1 200,00 EUR']),
		'pdfs/tax-form.pdf': await fillablePdf(['Nimi', 'Henkilötunnus', '1A Palkkatulot'].map((name) => ({ name, value: 'x' }))),
		'pdfs/readme.txt': 'not a pdf, not named: ignored'
	};
	for (const [name, content] of Object.entries(files)) writeFileSync(join(into, name), content);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-ingest-'));
	await writeBatch(dir);
	out = join(dir, 'data');
	report = await runIngest({ inputs: [join(dir, 'pdfs')], out, root: dir });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a batch of good and bad files', () => {
	it('every PDF in the folder tree gets an outcome; good ones land, bad ones are rejected with their reason', () => {
		const byFile = Object.fromEntries(report.files.map((f) => [f.file, [f.status, f.code]]));
		expect(byFile).toEqual({
			'pdfs/aura.pdf': ['ok', 'ok'],
			'pdfs/sub/loimaa.pdf': ['ok', 'ok'],
			'pdfs/aura-2025.pdf': ['ok', 'ok'],
			'pdfs/sub/aura-copy.PDF': ['warning', 'duplicate'],
			'pdfs/scan.pdf': ['warning', 'scan'],
			'pdfs/empty.pdf': ['error', 'empty'],
			'pdfs/notes.pdf': ['error', 'not-pdf'],
			'pdfs/truncated.pdf': ['error', 'truncated'],
			'pdfs/encrypted.pdf': ['error', 'encrypted'],
			'pdfs/invoice.pdf': ['error', 'no-form-fields'],
			'pdfs/tax-form.pdf': ['error', 'foreign-form']
		});
		expect(report.counts).toEqual({ files: 11, programmes: 4, ok: 3, warning: 2, error: 6 });
	});

	it('writes every table of tables.ts with exactly its columns and types', async () => {
		for (const t of TABLES) {
			const cols = await query(`DESCRIBE SELECT * FROM ${parquet(out, t.name)}`);
			expect(cols.map((c) => [c.column_name, c.column_type]), t.name).toEqual(t.columns.map((c) => [c.name, c.type]));
			for (const c of t.columns.filter((c) => !c.nullable)) {
				const [{ n }] = await query(`SELECT count(*) AS n FROM ${parquet(out, t.name)} WHERE "${c.name}" IS NULL`);
				expect(Number(n), `${t.name}.${c.name} has nulls`).toBe(0);
			}
		}
	});

	it('programmes: one per distinct content, with header facts', async () => {
		const rows = await query(`SELECT * FROM ${parquet(out, 'programmes')} ORDER BY file`);
		expect(rows.map((r) => [r.file, r.input_kind, r.municipality_codes, r.updated, r.document_language, r.is_current])).toEqual([
			['pdfs/aura-2025.pdf', 'fillable-form', ['019'], '2025-06-03', 'fi', true],
			['pdfs/aura.pdf', 'fillable-form', ['019'], '2024-11-18', 'fi', false],
			['pdfs/scan.pdf', 'scan', [], null, 'und', true],
			['pdfs/sub/loimaa.pdf', 'fillable-form', ['430', '561'], '2025-01-02', 'fi', true]
		]);
		const aura = rows[1];
		expect(aura.programme_id).toMatch(/^[0-9a-f]{64}$/);
		expect(aura.municipalities_text).toBe('Auran kunta');
		expect(Number(aura.bytes)).toBe(readFileSync(join(dir, 'pdfs/aura.pdf')).length);
		expect(aura.is_synthetic).toBe(false);
	});

	it('answers: Aura’s values exactly as in the seed, in form order, with status and provenance', async () => {
		const rows = await query(
			`SELECT a.* FROM ${parquet(out, 'answers')} a JOIN ${parquet(out, 'programmes')} p USING (programme_id) WHERE p.file = 'pdfs/aura.pdf' ORDER BY ordinal`
		);
		expect(rows.map((r) => r.key)).toEqual(ALL_FIELDS.map((f) => f.key));
		const byKey = new Map(rows.map((r) => [r.key, r]));
		for (const s of auraSeed()) {
			const r = byKey.get(s.key)!;
			expect(r.text, s.key).toBe(s.value);
			expect(r.status, s.key).toBe(s.value.trim() === '' ? 'empty' : 'filled');
			expect(r.field_name).toBe(s.fieldName);
			expect(r.page).toBeGreaterThanOrEqual(1);
			expect(typeof r.x1).toBe('number');
		}
		expect(rows.filter((r) => r.status === 'empty').map((r) => r.key)).toEqual([
			'header.approval',
			...ALL_FIELDS.filter((f) => f.section === 'table').map((f) => f.key)
		]);
	});

	it('ingest_log: rows for every input file; errors carry the code and a reason', async () => {
		const rows = await query(`SELECT * FROM ${parquet(out, 'ingest_log')}`);
		expect(new Set(rows.map((r) => r.file))).toEqual(new Set(report.files.map((f) => f.file)));
		const errors = rows.filter((r) => r.status === 'error');
		expect(errors.map((r) => r.code).sort()).toEqual(['empty', 'encrypted', 'foreign-form', 'no-form-fields', 'not-pdf', 'truncated']);
		for (const e of errors) {
			expect(e.programme_id).toBeNull();
			expect(String(e.reason).length).toBeGreaterThan(20);
		}
		const dup = rows.find((r) => r.code === 'duplicate')!;
		expect(dup.file).toBe('pdfs/sub/aura-copy.PDF');
		expect(dup.reason).toContain('pdfs/aura.pdf');
		expect(rows.find((r) => r.code === 'foreign-form')!.reason).toContain('"Henkilötunnus"');
	});

	it('every ingest_log code is documented in the data dictionary, with its status', async () => {
		const rows = await query(`SELECT DISTINCT code, status FROM ${parquet(out, 'ingest_log')}`);
		const documented = new Map(INGEST_LOG_CODES.map((c) => [c.code, c.status]));
		const also = new Map(INGEST_LOG_CODES.map((c) => [c.code, c.alsoStatus]));
		for (const r of rows) expect([documented.get(String(r.code)), also.get(String(r.code))], String(r.code)).toContain(r.status);
		for (const code of ['not-pdf', 'empty', 'truncated', 'encrypted', 'no-form-fields', 'foreign-form', 'unreadable']) {
			expect(documented.get(code), code).toBe('error');
		}
	});

	it('municipalities: the reference, one row per municipality', async () => {
		const rows = await query(`SELECT * FROM ${parquet(out, 'municipalities')} WHERE code IN ('019', '091')`);
		expect(rows.map((r) => [r.code, r.name_fi, r.name_sv, r.population_class])).toEqual([
			['019', 'Aura', 'Aura', '<5k'],
			['091', 'Helsinki', 'Helsingfors', '≥100k']
		]);
		const [{ n }] = await query(`SELECT count(*) AS n FROM ${parquet(out, 'municipalities')}`);
		expect(Number(n)).toBeGreaterThan(300);
	});

	it('enrichment tables exist with their schema, filled by the ingest\'s own enricher when none is given', async () => {
		const [{ programmes }] = await query(`SELECT count(*) AS programmes FROM ${parquet(out, 'programmes')}`);
		for (const t of ['completeness', 'responsibilities', 'languages', 'cooperation']) {
			const [{ n, ids }] = await query(`SELECT count(*) AS n, count(DISTINCT programme_id) AS ids FROM ${parquet(out, t)}`);
			expect(Number(n), t).toBeGreaterThan(0);
			expect(Number(ids), t).toBeLessThanOrEqual(Number(programmes));
		}
		// Completeness covers every part of every programme.
		const [{ missing }] = await query(
			`SELECT count(*) AS missing FROM ${parquet(out, 'programmes')} p WHERE NOT EXISTS (SELECT 1 FROM ${parquet(out, 'completeness')} c WHERE c.programme_id = p.programme_id)`
		);
		expect(Number(missing)).toBe(0);
	});

	it('writes the manifest (no timestamps) and the data dictionary next to the data', () => {
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect(manifest.tables.map((t: { name: string }) => t.name)).toEqual(TABLES.map((t) => t.name));
		const answers = manifest.tables.find((t: { name: string }) => t.name === 'answers');
		expect(answers.rows).toBe(ALL_FIELDS.length + 2 * ANSWER_FIELDS.length);
		expect(answers.bytes).toBe(readFileSync(join(out, 'answers.parquet')).length);
		expect(JSON.stringify(manifest)).not.toMatch(/20\d\d-\d\d-\d\dT/);
		expect(readFileSync(join(out, 'data-dictionary.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'docs/data-dictionary.md'), 'utf8'));
	});
});

describe('the CLI', () => {
	const cli = (args: string[]) =>
		run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'ingest/cli.ts'), ...args], { cwd: dir, env: { ...process.env, FORCE_COLOR: '0' } }).then(
			(r) => ({ code: 0, ...r }),
			(e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr })
		);

	it('exits 1 when files were rejected, names each bad file and reason on stderr, reports JSON on stdout', async () => {
		const r = await cli(['pdfs', '--out', 'cli-data', '--json']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/pdfs\/encrypted\.pdf: encrypted: .*password/);
		expect(r.stderr).toMatch(/pdfs\/empty\.pdf: empty: /);
		expect(r.stderr).toMatch(/rejected 6/);
		const json = JSON.parse(r.stdout);
		expect(json.counts).toEqual(report.counts);
		expect(json.files.find((f: { file: string }) => f.file === 'pdfs/tax-form.pdf').code).toBe('foreign-form');
	});

	it('exits 0 when every file was read; files named explicitly are taken as given', async () => {
		const r = await cli(['pdfs/aura.pdf', 'pdfs/sub/loimaa.pdf', '--out', 'cli-good']);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/2 programme\(s\)/);
		expect(r.stderr).not.toMatch(/\x1b\[/); // no progress bar when stderr is not a terminal
	});

	it('exits 2 on a usage error or when there is nothing to ingest, and writes nothing', async () => {
		expect((await cli(['--bogus'])).code).toBe(2);
		mkdirSync(join(dir, 'nothing'), { recursive: true });
		const r = await cli(['nothing', '--out', 'cli-none']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/no PDF files found/);
	});

	it('--help documents the options and exit codes', async () => {
		const r = await cli(['--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/--out DIR/);
		expect(r.stdout).toMatch(/Exit codes:[\s\S]*1 {2}some files were rejected/);
	});
});
