/**
 * The per-file limits hold for the OCR processes a reader starts, not only for the reader: a
 * tesseract that hangs is stopped by the time limit, one that takes too much memory by the memory
 * limit, and the whole process group goes (tesseract and what it started), so nothing is left
 * running. A stand-in tesseract misbehaves on purpose (tests/helpers/fake-tesseract.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../ingest/run';
import { fakeTesseract, isGone, type FakeTesseract } from '../helpers/fake-tesseract';
import { AURA_FIXTURE, scanPdf } from '../helpers/programme-pdfs';

let dir: string;
const PATH = process.env.PATH;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-ocr-limits-'));
	writeFileSync(join(dir, 'scan.pdf'), await scanPdf());
	writeFileSync(join(dir, 'aura.pdf'), readFileSync(AURA_FIXTURE));
	// The same scan with other bytes (a trailing comment), so it is not a duplicate.
	writeFileSync(join(dir, 'scan2.pdf'), Buffer.concat([Buffer.from(await scanPdf()), Buffer.from('\n%second copy\n')]));
});

afterAll(() => {
	process.env.PATH = PATH;
	rmSync(dir, { recursive: true, force: true });
});

async function readWith(fake: FakeTesseract, limits: { maxSeconds?: number; maxMemoryMb?: number }) {
	process.env.PATH = `${fake.dir}:${PATH}`;
	try {
		return await readInputs(
			[
				{ path: join(dir, 'scan.pdf'), file: 'scan.pdf' },
				{ path: join(dir, 'aura.pdf'), file: 'aura.pdf' }
			],
			undefined,
			{ jobs: 1, ...limits }
		);
	} finally {
		process.env.PATH = PATH;
	}
}

describe('OCR processes are under the per-file limits', () => {
	it('a tesseract that hangs is stopped by the time limit, with its own child; the next file is read', async () => {
		const fake = fakeTesseract('hang');
		const [scan, aura] = await readWith(fake, { maxSeconds: 4 });
		expect(scan.kind === 'error' ? scan.code : scan.kind).toBe('limit-time');
		expect(aura.kind).toBe('programme');
		const started = fake.pids();
		expect(started.length).toBeGreaterThanOrEqual(2); // tesseract and its sleep
		for (const { pid } of started) expect(isGone(pid), `pid ${pid} still running`).toBe(true);
	}, 120_000);

	it('a tesseract that takes more memory than the limit is stopped (limit-memory), with its own child', async () => {
		const fake = fakeTesseract('memory', 600);
		const [scan, aura] = await readWith(fake, { maxMemoryMb: 400, maxSeconds: 60 });
		expect(scan.kind === 'error' ? `${scan.code}: ${scan.reason}` : scan.kind).toMatch(/^limit-memory: .*400 MB/);
		expect(aura.kind).toBe('programme');
		const started = fake.pids();
		expect(started.length).toBeGreaterThanOrEqual(1);
		for (const { pid } of started) expect(isGone(pid), `pid ${pid} still running`).toBe(true);
	}, 120_000);
});

describe('OCR turns', () => {
	it('two scans read at once: the one that finds no OCR turn free is read again later, both fully, as with one reader', async () => {
		const fake = fakeTesseract('slow');
		process.env.PATH = `${fake.dir}:${PATH}`;
		try {
			const inputs = ['scan', 'scan2', 'aura'].map((n) => ({ path: join(dir, `${n}.pdf`), file: `${n}.pdf` }));
			const summary = (o: Awaited<ReturnType<typeof readInputs>>[number]) =>
				o.kind === 'programme' ? { kind: o.programme.inputKind, ocr: o.programme.ocr?.pages.map((p) => [p.page, p.words]), warnings: o.programme.warnings.map((w) => w.code) } : o.kind;
			const two = await readInputs(inputs, undefined, { jobs: 2 });
			expect(two.map(summary)).toEqual([
				{ kind: 'scan', ocr: [[1, 1]], warnings: ['scan', 'ocr'] },
				{ kind: 'scan', ocr: [[1, 1]], warnings: ['scan', 'ocr'] },
				expect.objectContaining({ kind: 'fillable-form' })
			]);
			// Two readers, one turn: the two scans' OCR ran one after the other (2 s each), never together.
			const [first, second] = fake.pids();
			expect(fake.pids()).toHaveLength(2);
			expect(Math.abs(second.at - first.at)).toBeGreaterThanOrEqual(1900);
			const one = await readInputs(inputs, undefined, { jobs: 1 });
			expect(two.map(summary)).toEqual(one.map(summary));
		} finally {
			process.env.PATH = PATH;
		}
	}, 120_000);
});
