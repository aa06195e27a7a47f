import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameBytes } from '../../ingest/names';
import { runIngest, type IngestReport } from '../../ingest/run';
import { findInputs } from '../../ingest/walk';
import { parquet, query } from '../helpers/duckdb';
import { AURA_FIXTURE, auraSeed, fillablePdf } from '../helpers/programme-pdfs';

function tree() {
	const dir = mkdtempSync(join(tmpdir(), 'walk-'));
	mkdirSync(join(dir, 'a'));
	writeFileSync(join(dir, 'a', 'one.pdf'), '%PDF-1.4\n');
	symlinkSync('.', join(dir, 'a', 'self1'));
	symlinkSync('.', join(dir, 'a', 'self2'));
	symlinkSync('missing.pdf', join(dir, 'a', 'gone.pdf'));
	symlinkSync('loop.pdf', join(dir, 'a', 'loop.pdf'));
	execFileSync('mkfifo', [join(dir, 'a', 'pipe.pdf')]);
	return dir;
}

describe('findInputs', () => {
	it('finishes on a folder with two self-symlinks and lists its file once', async () => {
		const dir = tree();
		const { inputs } = await findInputs([join(dir, 'a')], dir);
		expect(inputs.map((i) => i.file)).toEqual(['a/one.pdf']);
	});
	it('gives one verdict per skipped path, with its code', async () => {
		const dir = tree();
		const { verdicts } = await findInputs([join(dir, 'a')], dir);
		const byFile = Object.fromEntries(verdicts.map((v) => [v.file, v.kind === 'error' ? v.code : v.kind]));
		expect(byFile['a/gone.pdf']).toBe('dangling-symlink');
		expect(byFile['a/loop.pdf']).toBe('symlink-loop');
		expect(byFile['a/pipe.pdf']).toBe('not-a-regular-file');
		expect(new Set(verdicts.map((v) => v.file)).size).toBe(verdicts.length);
	});
	it('does not open a FIFO named on the command line', async () => {
		const dir = tree();
		const { inputs, verdicts } = await findInputs([join(dir, 'a', 'pipe.pdf')], dir);
		expect(inputs).toEqual([]);
		expect(verdicts.map((v) => (v.kind === 'error' ? v.code : v.kind))).toEqual(['not-a-regular-file']);
	});
});

describe('every path given or found gets exactly one verdict', () => {
	// Names as bytes: one not UTF-8 (Latin-1 "Pöytyä"), one holding a terminal escape, CR and LF.
	const latin1Name = Buffer.concat([Buffer.from('P'), Buffer.from([0xf6]), Buffer.from('yty'), Buffer.from([0xe4]), Buffer.from('.pdf')]);
	const evilName = 'evil\x1b[2K\r\nFAKE: ok.pdf';
	let dir: string;
	let report: IngestReport;
	let log: Record<string, unknown>[];

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'walk-verdicts-'));
		const pdfs = join(dir, 'pdfs');
		mkdirSync(pdfs);
		mkdirSync(join(dir, 'nothing-here'));
		writeFileSync(join(dir, 'nothing-here', 'notes.txt'), 'no pdf');
		const aura = readFileSync(AURA_FIXTURE);
		const later = await fillablePdf(auraSeed().map((s) => ({ name: s.fieldName, value: s.key === 'header.updated' ? '3.6.2025' : s.value })));
		writeFileSync(join(pdfs, 'aura.pdf'), aura);
		writeFileSync(join(pdfs, 'copy.pdf'), aura);
		symlinkSync('aura.pdf', join(pdfs, 'link.pdf'));
		symlinkSync('missing.pdf', join(pdfs, 'gone.pdf'));
		symlinkSync('loop.pdf', join(pdfs, 'loop.pdf'));
		execFileSync('mkfifo', [join(pdfs, 'pipe.pdf')]);
		writeFileSync(join(pdfs, 'notes.pdf'), 'Kotoutumisohjelma: luonnos\n');
		writeFileSync(Buffer.concat([Buffer.from(`${pdfs}/`), latin1Name]), later);
		writeFileSync(join(pdfs, evilName), 'not a pdf');
		report = await runIngest({
			// The folder, a file in it again, the folder twice, a folder without PDFs.
			inputs: [join(dir, 'pdfs'), join(dir, 'pdfs', 'aura.pdf'), join(dir, 'pdfs'), join(dir, 'nothing-here')],
			out: join(dir, 'data'),
			root: dir,
			read: { jobs: 1 }
		});
		log = await query(`SELECT * FROM ${parquet(join(dir, 'data'), 'ingest_log')} ORDER BY file, seq`);
	}, 180_000);

	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('one verdict row (seq 0) per path, each path once, in the log and in the report', () => {
		const expected = {
			'nothing-here': 'empty-folder',
			'pdfs/P\\xf6yty\\xe4.pdf': 'ok',
			'pdfs/aura.pdf': 'ok',
			'pdfs/copy.pdf': 'duplicate',
			'pdfs/evil\\x1b[2K\\x0d\\x0aFAKE: ok.pdf': 'not-pdf',
			'pdfs/gone.pdf': 'dangling-symlink',
			'pdfs/link.pdf': 'duplicate',
			'pdfs/loop.pdf': 'symlink-loop',
			'pdfs/notes.pdf': 'not-pdf',
			'pdfs/pipe.pdf': 'not-a-regular-file'
		};
		const verdicts = log.filter((r) => r.seq === 0);
		expect(Object.fromEntries(verdicts.map((r) => [r.file, r.code]))).toEqual(expected);
		expect(verdicts).toHaveLength(Object.keys(expected).length);
		expect(new Set(log.map((r) => r.file))).toEqual(new Set(Object.keys(expected)));
		expect(report.files.map((f) => f.file).sort()).toEqual(Object.keys(expected).sort());
	});

	it('a file whose name is not UTF-8 is read, and named by a rendering that gives back its bytes', async () => {
		const [row] = await query(`SELECT file, updated FROM ${parquet(join(dir, 'data'), 'programmes')} WHERE file LIKE 'pdfs/P%'`);
		expect(row).toEqual({ file: 'pdfs/P\\xf6yty\\xe4.pdf', updated: '2025-06-03' });
		expect(nameBytes(String(row.file)).equals(Buffer.concat([Buffer.from('pdfs/'), latin1Name]))).toBe(true);
		expect(report.files.find((f) => f.file === row.file)?.status).toBe('ok');
	});

	it('no file name puts a control character into the dataset', () => {
		for (const r of log) expect(String(r.file)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});
});
