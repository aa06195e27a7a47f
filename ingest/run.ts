/**
 * The ingest as a function (the CLI and the benchmark call it): find the input PDFs, read
 * each once per distinct content, build the dataset and write it atomically as Parquet.
 * One bad file never stops the batch: it becomes an error row in ingest_log.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { todayInFinland } from '../src/lib/dataset/dates';
import { dataDictionary } from '../src/lib/dataset/dictionary';
import { buildDataset, type Dataset, type Enricher, type FileOutcome } from '../src/lib/dataset/rows';
import type { InputKind } from '../src/lib/programme/types';
import { parseMunicipalities } from '../src/lib/reference';
import { ingestEnricher, type IngestEnricher, type ReaderEnrichment } from './enrich';
import { DEFAULT_LIMITS, ReaderPool, type PoolFailure, type ReadLimits, type ReadResult } from './pool';
import { checkOutDir } from './output';
import { findInputs } from './walk';
export { findInputs, ingestEnricher };
import { writeDataset, type Manifest, type WriteOptions } from './parquet';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const INGEST_VERSION: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;

/** Nothing to ingest: no dataset is written (an empty one would hide the mistake). */
export class NoInputsError extends Error {}

export interface IngestOptions {
	/** Files and folders; folders are searched recursively for *.pdf, files are taken as given. */
	inputs: readonly string[];
	/** Output directory (replaced as a whole). */
	out: string;
	/** Paths in the dataset are relative to this directory (default: the current directory). */
	root?: string;
	/** Reference municipalities CSV (default: data/reference/municipalities.csv of the repository). */
	referenceCsv?: string;
	enrich?: Enricher;
	/** The user's municipality for files the document does not name one in: dataset path or file name → codes. */
	municipalities?: ReadonlyMap<string, readonly string[]>;
	onProgress?: (done: number, total: number, file: string) => void;
	/** Worker processes and limits per file (see readInputs). */
	read?: ReadOptions;
	/**
	 * The ingest's "today" (ISO date, `--today`): a programme dated later is flagged and never
	 * supersedes another. Default: the current date in Finland. Recorded in manifest.json
	 * (`referenceDate`), so a re-ingest with the same inputs and date gives the same bytes.
	 */
	referenceDate?: string;
	/** Test hook, see WriteOptions.afterTable. */
	afterTable?: WriteOptions['afterTable'];
}

export interface FileReport {
	file: string;
	status: 'ok' | 'warning' | 'error';
	programmeId: string | null;
	inputKind: InputKind | null;
	/** For errors and duplicates the code, else `ok` or the first warning's code. */
	code: string;
	reason: string;
	warnings: number;
}

export interface IngestReport {
	files: FileReport[];
	counts: { files: number; programmes: number; ok: number; warning: number; error: number };
	manifest: Manifest;
	out: string;
	/** Wall-clock milliseconds per stage (not part of the dataset, which has no timestamps). */
	timings: { find: number; read: number; build: number; write: number };
}

/** How files are read: worker processes and the limits per file (ingest/pool.ts; unset fields take DEFAULT_LIMITS). */
export type ReadOptions = Partial<ReadLimits>;

/**
 * Reads every input in the pool of worker processes, one outcome per input in input order.
 * Content is hashed here first: a file with the same bytes as an earlier one is not read again
 * but becomes a duplicate of it (or the same error). Only paths go to the workers, and no file's
 * bytes are kept after hashing.
 */
export async function readInputs(
	inputs: readonly { path: string; file: string }[],
	onProgress?: IngestOptions['onProgress'],
	options: ReadOptions = {},
	enrich?: { readers: ReaderEnrichment; municipalities?: IngestOptions['municipalities'] }
): Promise<FileOutcome[]> {
	const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options };
	for (const [k, v] of Object.entries(limits)) if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`${k} must be a positive number (got ${v})`);
	const outcomes: (FileOutcome | Promise<FileOutcome>)[] = [];
	const byHash = new Map<string, { file: string; outcome: Promise<FileOutcome> }>();
	const pool = new ReaderPool(limits);
	let done = 0;
	const progress = (file: string) => onProgress?.(++done, inputs.length, file);
	onProgress?.(0, inputs.length, inputs[0]?.file ?? '');
	try {
		for (const [i, { path, file }] of inputs.entries()) {
			const early = await hashFile(path, file, limits.maxFileMb);
			if ('kind' in early) {
				outcomes.push(early);
				progress(file);
				continue;
			}
			const { hash, size } = early;
			const first = byHash.get(hash);
			if (first) {
				outcomes.push(
					first.outcome.then((o): FileOutcome => {
						progress(file);
						return o.kind === 'error'
							? { file, bytes: size, kind: 'error', code: o.code, reason: `${o.reason} (Same content as ${first.file}.)` }
							: { file, bytes: size, kind: 'duplicate', programmeId: hash, duplicateOf: first.file };
					})
				);
				continue;
			}
			const codes = enrich?.municipalities?.get(file) ?? enrich?.municipalities?.get(file.split('/').pop()!) ?? null;
			const outcome = pool.read(path, i, enrich ? { config: enrich.readers, municipalityCodes: codes } : null).then((r) => {
				progress(file);
				return toOutcome(file, size, r, limits);
			});
			byHash.set(hash, { file, outcome });
			outcomes.push(outcome);
		}
		const all = await Promise.all(outcomes);
		onProgress?.(inputs.length, inputs.length, '');
		return all;
	} finally {
		await pool.close();
	}
}

/** The file's sha256 and size, streamed (never held whole), or the outcome when it cannot or must not be read. */
async function hashFile(path: string, file: string, maxFileMb: number): Promise<{ hash: string; size: number } | FileOutcome> {
	try {
		const s = await stat(path);
		if (s.size > maxFileMb * 1024 * 1024) {
			return {
				file,
				bytes: s.size,
				kind: 'error',
				code: 'limit-size',
				reason: `The file is ${(s.size / 1024 / 1024).toFixed(1)} MB, over the size limit of ${maxFileMb} MB per file (--max-file-mb); it was not read.`
			};
		}
		const hash = createHash('sha256');
		let size = 0;
		for await (const chunk of createReadStream(path)) {
			hash.update(chunk as Buffer);
			size += (chunk as Buffer).length;
		}
		return { hash: hash.digest('hex'), size };
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		return {
			file,
			bytes: null,
			kind: 'error',
			code: code === 'ENOENT' ? 'not-found' : 'unreadable-file',
			reason: code === 'ENOENT' ? 'The file does not exist.' : `The file could not be read (${(e as Error).message}).`
		};
	}
}

function toOutcome(file: string, size: number, r: ReadResult | PoolFailure, limits: ReadLimits): FileOutcome {
	switch (r.kind) {
		case 'programme':
			return { file, bytes: r.bytes, kind: 'programme', programme: r.programme, ...(r.enrichment ? { enrichment: r.enrichment } : {}) };
		case 'error':
			return { file, bytes: r.bytes, kind: 'error', code: r.code, reason: r.reason };
		case 'limit-pages':
			return {
				file,
				bytes: r.bytes,
				kind: 'error',
				code: 'limit-pages',
				reason: `The PDF has ${r.pages} pages, over the page limit of ${limits.maxPages} per document (--max-pages); its pages were not read.`
			};
		case 'limit-stream':
			return {
				file,
				bytes: r.bytes,
				kind: 'error',
				code: 'limit-stream',
				reason: `A stream in the PDF decompresses to more than the limit of ${limits.maxStreamMb} MB (--max-stream-mb): a decompression bomb, or an image far larger than any page needs; the file was not read.`
			};
		case 'failed':
			return { file, bytes: size, kind: 'error', code: r.code, reason: r.reason };
	}
}

export async function runIngest(opts: IngestOptions): Promise<IngestReport> {
	const root = resolve(opts.root ?? '.');
	checkOutDir(opts.out, opts.inputs); // before anything is read: a refused --out touches nothing
	const out = resolve(opts.out);
	// A path the user named that does not exist is a typo, not an empty corpus: writing a dataset
	// without it would replace the good one.
	const missing = opts.inputs.filter((i) => !lstatSync(i, { throwIfNoEntry: false }));
	if (missing.length > 0) throw new NoInputsError(`${missing.join(', ')}: no such file or directory; nothing was written`);
	const municipalities = parseMunicipalities(
		readFileSync(opts.referenceCsv ?? join(REPO_ROOT, 'data/reference/municipalities.csv'), 'utf8')
	);
	const t0 = performance.now();
	const { inputs, verdicts } = await findInputs(opts.inputs, root);
	if (inputs.length === 0 && verdicts.length === 0) throw new NoInputsError(`no PDF files found in ${opts.inputs.join(', ')}`);
	const t1 = performance.now();
	// The ingest's own enricher runs in the readers (each programme under its file's limits); another runs here.
	const readers = opts.enrich && 'readers' in opts.enrich ? (opts.enrich as IngestEnricher).readers : null;
	const outcomes = [...(await readInputs(inputs, opts.onProgress, opts.read, readers ? { readers, municipalities: opts.municipalities } : undefined)), ...verdicts];
	const t2 = performance.now();
	const referenceDate = opts.referenceDate ?? todayInFinland();
	const data = buildDataset({ files: outcomes, municipalities, enrich: withMapping(opts.enrich, opts.municipalities, outcomes), referenceDate });
	const t3 = performance.now();
	const manifest = await writeDataset(data, out, {
		ingestVersion: INGEST_VERSION,
		referenceDate,
		dictionary: dataDictionary(),
		afterTable: opts.afterTable
	});
	const t4 = performance.now();
	const ms = (a: number, b: number) => Math.round(b - a);
	const files = fileReports(outcomes, data);
	const count = (s: FileReport['status']) => files.filter((f) => f.status === s).length;
	return {
		files,
		counts: { files: files.length, programmes: data.programmes.length, ok: count('ok'), warning: count('warning'), error: count('error') },
		manifest,
		out,
		timings: { find: ms(t0, t1), read: ms(t1, t2), build: ms(t2, t3), write: ms(t3, t4) }
	};
}

/** The enricher with the user's `file → codes` mapping applied per programme (by its file). */
function withMapping(enrich: Enricher | undefined, mapping: IngestOptions['municipalities'], outcomes: readonly FileOutcome[]): Enricher | undefined {
	if (!enrich || !mapping || mapping.size === 0) return enrich;
	const byId = new Map<string, readonly string[]>();
	for (const o of outcomes) {
		if (o.kind !== 'programme') continue;
		const codes = mapping.get(o.file) ?? mapping.get(o.file.split('/').pop()!);
		if (codes) byId.set(o.programme.id, codes);
	}
	return (programme, reference, options) => enrich(programme, reference, { ...options, municipalityCodes: byId.get(programme.id) ?? options?.municipalityCodes });
}

/** One line per input file, from its ingest_log rows (errors, else the first warning, else ok). */
function fileReports(outcomes: readonly FileOutcome[], data: Dataset): FileReport[] {
	const logByFile = new Map<string, typeof data.ingest_log>();
	for (const row of data.ingest_log) {
		const list = logByFile.get(row.file as string) ?? [];
		list.push(row);
		logByFile.set(row.file as string, list);
	}
	return outcomes.map((o) => {
		const rows = logByFile.get(o.file) ?? [];
		const error = rows.find((r) => r.status === 'error');
		const warnings = rows.filter((r) => r.status === 'warning');
		const main = error ?? warnings[0] ?? rows[0];
		return {
			file: o.file,
			status: error ? 'error' : warnings.length > 0 ? 'warning' : 'ok',
			// From the log: a re-saved copy read as a programme is logged as a duplicate of the first.
			programmeId: (rows.find((r) => r.programme_id !== null)?.programme_id as string | undefined) ?? null,
			inputKind: o.kind === 'programme' ? o.programme.inputKind : null,
			code: (main?.code as string) ?? 'ok',
			reason: (main?.reason as string) ?? '',
			warnings: warnings.length
		};
	});
}
