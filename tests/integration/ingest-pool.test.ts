/**
 * Per-file isolation (ingest/pool.ts): each PDF is read in a worker process, so a file that
 * crashes its reader, runs over a limit or is too large costs only itself: it gets an error row
 * with the limit's code and the rest of the batch is read as in one process.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEnricher, readInputs } from '../../ingest/run';
import { DEFAULT_LIMITS, ReaderPool } from '../../ingest/pool';
import type { FileOutcome } from '../../src/lib/dataset/rows';
import { AURA_FIXTURE, textPdf } from '../helpers/programme-pdfs';

let dir: string;
const files: Record<string, string> = {};

/** A one-page PDF whose content stream is `inner` deflated twice: a few KB that decode to `mb` MB. */
function deflateBomb(mb: number): Uint8Array {
	const stream = deflateSync(deflateSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 9 }), { level: 9 });
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'
	];
	const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
	const offsets: number[] = [];
	const size = () => parts.reduce((n, p) => n + p.length, 0);
	objects.forEach((body, i) => {
		offsets.push(size());
		parts.push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
	});
	offsets.push(size());
	parts.push(Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n`), stream, Buffer.from('\nendstream\nendobj\n'));
	const xref = size();
	parts.push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
	return new Uint8Array(Buffer.concat(parts));
}

const inputs = (...names: string[]) => names.map((n) => ({ path: files[n], file: `${n}.pdf` }));
const summary = (o: FileOutcome) => (o.kind === 'programme' ? { file: o.file, kind: o.kind, answers: o.programme.answers } : o.kind === 'error' ? { file: o.file, kind: o.kind, code: o.code } : { file: o.file, kind: o.kind });

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kk-pool-'));
	const write = (name: string, bytes: Uint8Array) => {
		files[name] = join(dir, `${name}.pdf`);
		writeFileSync(files[name], bytes);
	};
	write('aura', new Uint8Array(readFileSync(AURA_FIXTURE)));
	// The marker sits in a trailing comment, where the worker's test hook sees it in the raw bytes.
	write('crash', new Uint8Array(Buffer.concat([Buffer.from(await textPdf(['Kotoutumisohjelma'])), Buffer.from('\n%POOL-TEST-CRASH\n')])));
	write('other', await textPdf(['Kotoutumisohjelma', 'Loimaan kaupunki', '1. Palvelutarpeen arviointi']));
	write('large', new Uint8Array(Buffer.concat([Buffer.from(readFileSync(AURA_FIXTURE)), Buffer.alloc(2 * 1024 * 1024, 0x20)])));
	write('bomb', deflateBomb(1500));
	// Aura with a marker that makes its reader hold 250 MB while reading (a costly but good file).
	for (const n of ['heavy1', 'heavy2']) write(n, new Uint8Array(Buffer.concat([Buffer.from(readFileSync(AURA_FIXTURE)), Buffer.from(`\n%POOL-TEST-BALLAST ${n}\n`)])));
	process.env.KOTOKARTTA_TEST_CRASH_MARKER = 'POOL-TEST-CRASH';
	process.env.KOTOKARTTA_TEST_BALLAST = 'POOL-TEST-BALLAST:450';
}, 60_000);

afterAll(() => {
	delete process.env.KOTOKARTTA_TEST_CRASH_MARKER;
	delete process.env.KOTOKARTTA_TEST_BALLAST;
	rmSync(dir, { recursive: true, force: true });
});

describe('ingest worker pool', () => {
	it('a file that leaves an unhandled rejection is charged to itself; files before and after it are read', async () => {
		const outcomes = await readInputs(inputs('other', 'crash', 'aura'), undefined, { jobs: 1 });
		expect(outcomes.map((o) => [o.file, o.kind === 'error' ? o.code : o.kind])).toEqual([
			['other.pdf', expect.any(String)],
			['crash.pdf', 'worker-crashed'],
			['aura.pdf', 'programme']
		]);
		expect(outcomes[0].kind === 'error' && outcomes[0].code === 'worker-crashed').toBe(false);
	}, 120_000);

	it('gives the same outcomes in the same order with one worker and with two', async () => {
		const names = ['aura', 'other', 'crash', 'large'];
		const one = await readInputs(inputs(...names), undefined, { jobs: 1, maxFileMb: 1 });
		const two = await readInputs(inputs(...names), undefined, { jobs: 2, maxFileMb: 1 });
		expect(two.map(summary)).toEqual(one.map(summary));
		expect(one.map((o) => o.file)).toEqual(names.map((n) => `${n}.pdf`));
	}, 120_000);

	it('a file over the size limit is not read: limit-size, naming the limit', async () => {
		const [large, aura] = await readInputs(inputs('large', 'aura'), undefined, { jobs: 1, maxFileMb: 1 });
		expect(large.kind === 'error' && large.code).toBe('limit-size');
		expect(large.kind === 'error' && large.reason).toMatch(/1 MB/);
		expect(aura.kind).toBe('programme');
	}, 120_000);

	it('a file over the time limit is stopped (limit-time) and the pool goes on with a fresh worker', async () => {
		const [slow] = await readInputs(inputs('aura'), undefined, { jobs: 1, maxSeconds: 0.001 });
		expect(slow.kind === 'error' && slow.code).toBe('limit-time');
		const [again] = await readInputs(inputs('aura'), undefined, { jobs: 1 });
		expect(again.kind).toBe('programme');
	}, 120_000);

	it('derives each programme’s facts in its reader (under its file’s limits), as the parent would, with the user’s municipality for the file', async () => {
		const enricher = ingestEnricher();
		const [plain] = await readInputs(inputs('aura'), undefined, { jobs: 1 }, { enricher });
		const [mapped] = await readInputs(inputs('aura'), undefined, { jobs: 1 }, { enricher, municipalities: new Map([['aura.pdf', ['430']]]) });
		if (plain.kind !== 'programme' || mapped.kind !== 'programme') throw new Error('Aura not read');
		// The reader sends the dataset's part of the enrichment (not the municipality evidence).
		const dataset = ({ municipalityEvidence: _, ...rest }: ReturnType<typeof enricher> & { municipalityEvidence?: unknown }) => rest;
		expect(plain.enrichment).toEqual(dataset(enricher(plain.programme, [])));
		expect(plain.enrichment?.languages?.length).toBeGreaterThan(0);
		expect(mapped.enrichment).toEqual(dataset(enricher(mapped.programme, [], { municipalityCodes: ['430'] })));
		expect(mapped.enrichment?.municipalityCodes).toEqual(['430']);
		// Without the enricher's config the reader only reads.
		const [bare] = await readInputs(inputs('aura'), undefined, { jobs: 1 });
		expect(bare.kind === 'programme' && bare.enrichment).toBeUndefined();
	}, 120_000);

	it('keeps the readers together under their budget: the biggest file goes on, the one beside it is stopped and read again, with the outcome it has alone', async () => {
		// Each heavy file alone needs ~550–650 MB (a ~100 MB bundled reader and 450 MB of ballast; under the 900 MB per file); two at once, over the 800 MB budget.
		const limits = { ...DEFAULT_LIMITS, jobs: 2, maxMemoryMb: 900, maxPoolMemoryMb: 800 };
		const pool = await ReaderPool.open(limits);
		try {
			const results = await Promise.all(['heavy1', 'heavy2', 'aura'].map((n, i) => pool.read(files[n], i)));
			expect(results.map((r) => (r.kind === 'failed' ? r.code : r.kind))).toEqual(['programme', 'programme', 'programme']);
			expect(pool.stats.requeued).toBeGreaterThan(0);
		} finally {
			await pool.close();
		}
		// Alone, the same outcome.
		const alone = await ReaderPool.open({ ...limits, jobs: 1, maxPoolMemoryMb: undefined });
		try {
			const r = await alone.read(files.heavy1, 0);
			expect(r.kind === 'failed' ? r.reason : r.kind).toBe('programme');
		} finally {
			await alone.close();
		}
	}, 180_000);

	it('retires a reader that a big file left holding over half the limit, instead of keeping it idle', async () => {
		const pool = await ReaderPool.open({ ...DEFAULT_LIMITS, jobs: 1, maxMemoryMb: 1000 });
		try {
			expect((await pool.read(files.heavy1, 0)).kind).toBe('programme');
			expect((await pool.read(files.aura, 1)).kind).toBe('programme');
			expect(pool.stats.retired).toBe(1);
			expect(pool.stats.requeued).toBe(0);
		} finally {
			await pool.close();
		}
	}, 120_000);

	it('replaces a reader after it has read its share of files (memory stays flat on a long corpus), with the same outcomes', async () => {
		const pool = await ReaderPool.open({ ...DEFAULT_LIMITS, jobs: 1, filesPerReader: 2 });
		try {
			const results = [];
			for (let i = 0; i < 5; i++) results.push(await pool.read(files.aura, i));
			expect(results.map((r) => r.kind)).toEqual(['programme', 'programme', 'programme', 'programme', 'programme']);
			expect(new Set(results.map((r) => JSON.stringify(r.kind === 'programme' ? r.programme : r))).size).toBe(1);
			expect(pool.stats.retired).toBe(2);
		} finally {
			await pool.close();
		}
	}, 120_000);

	it('a deflate bomb (a few KB that decode to 1.5 GB) is refused by the decompressed-bytes cap before pdf.js reads it', async () => {
		expect(readFileSync(files.bomb).length).toBeLessThan(64 * 1024);
		const [bomb, aura] = await readInputs(inputs('bomb', 'aura'), undefined, { jobs: 1, maxStreamMb: 64 });
		expect(bomb.kind === 'error' && bomb.code).toBe('limit-stream');
		expect(bomb.kind === 'error' && bomb.reason).toMatch(/64 MB \(--max-stream-mb\)/);
		expect(aura.kind === 'error' ? `${aura.code}: ${aura.reason}` : aura.kind).toBe('programme');
	}, 180_000);

	it('a deflate bomb under a raised decompressed-bytes cap is stopped by the memory limit, and the good file after it is read', async () => {
		const [bomb, aura] = await readInputs(inputs('bomb', 'aura'), undefined, { jobs: 1, maxMemoryMb: 700, maxStreamMb: 4096 });
		expect(bomb.kind === 'error' && bomb.code).toBe('limit-memory');
		expect(aura.kind === 'error' ? `${aura.code}: ${aura.reason}` : aura.kind).toBe('programme');
	}, 180_000);
});
