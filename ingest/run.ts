/**
 * The ingest as a function (the CLI and the benchmark call it): find the input PDFs, read
 * each once per distinct content, build the dataset and write it atomically as Parquet.
 * One bad file never stops the batch: it becomes an error row in ingest_log.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pairChangeRows, versionPairs, type ChangeSource } from '../src/lib/dataset/changes';
import { todayInFinland } from '../src/lib/dataset/dates';
import { dataDictionary } from '../src/lib/dataset/dictionary';
import { changeSource, finishRows, outcomeRows, rowsContext, type Enricher, type FileOutcome, type Row } from '../src/lib/dataset/rows';
import type { InputKind } from '../src/lib/programme/types';
import { parseMunicipalities } from '../src/lib/reference';
import { ingestEnricher, type IngestEnricher } from './enrich';
import { DEFAULT_LIMITS, ReaderPool, type PoolFailure, type ReadLimits, type ReadResult, type WorkerInit } from './pool';
import { WORK_DIR, checkOutDir, newVersionDir, pendingPaths, pruneStore } from './output';
import type { DatasetWriter, Manifest } from './parquet';
import { OutcomeSpill } from './spill';
import { renderName } from './names';
import { findInputs } from './walk';
export { findInputs, ingestEnricher };
import type { WriteOptions } from './parquet';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const INGEST_VERSION: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;

/** Nothing to ingest: no dataset is written (an empty one would hide the mistake). */
export class NoInputsError extends Error {}

export interface IngestOptions {
	/** Files and folders; folders are searched recursively for *.pdf, files are taken as given. */
	inputs: readonly (string | Buffer)[];
	/** Output directory (replaced as a whole). */
	out: string;
	/** Paths in the dataset are relative to this directory (default: the current directory). */
	root?: string;
	/** Reference municipalities CSV (default: data/reference/municipalities.csv of the repository). */
	referenceCsv?: string;
	/** Default: the ingest's own (ingestEnricher), run in the readers. */
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
 * Enrichment for the readers: the enricher (one from ingestEnricher runs in the workers, under
 * each file's limits; any other runs in the parent) and the user's file → municipality mapping.
 */
export interface ReadEnrichment {
	enricher?: Enricher;
	municipalities?: IngestOptions['municipalities'];
}

/**
 * Reads every input in the pool of worker processes, one outcome per input in input order.
 * See readEach; this one keeps every outcome in memory (tests and small batches).
 */
export async function readInputs(
	inputs: readonly { path: string | Buffer; file: string }[],
	onProgress?: IngestOptions['onProgress'],
	options: ReadOptions = {},
	enrich?: ReadEnrichment
): Promise<FileOutcome[]> {
	const outcomes: FileOutcome[] = new Array(inputs.length);
	await readEach(inputs, (i, o) => void (outcomes[i] = o), onProgress, options, enrich);
	return outcomes;
}

/**
 * Reads every input in the pool of worker processes and hands each outcome to `onOutcome` with
 * its input position, as it arrives (in any order); nothing is kept here, so memory does not
 * grow with the number of files. Content is hashed first: a file with the same bytes as an
 * earlier one is not read again but becomes a duplicate of it (or the same error). Only paths
 * go to the workers, and no file's bytes are kept after hashing.
 */
export async function readEach(
	inputs: readonly { path: string | Buffer; file: string }[],
	onOutcome: (index: number, outcome: FileOutcome) => void,
	onProgress?: IngestOptions['onProgress'],
	options: ReadOptions = {},
	enrich?: ReadEnrichment
): Promise<void> {
	const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options };
	for (const [k, v] of Object.entries(limits)) if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`${k} must be a positive number (got ${v})`);
	const pending: Promise<void>[] = [];
	/** The first file of each content and what became of it (an error's code and reason; nothing of a programme is kept). */
	const byHash = new Map<string, { file: string; outcome: Promise<{ error: { code: string; reason: string } | null }> }>();
	const init: WorkerInit = { enrich: enrich?.enricher && 'readers' in enrich.enricher ? (enrich.enricher as IngestEnricher).readers : null };
	const mapping = init.enrich ? enrich?.municipalities : undefined;
	const pool = await ReaderPool.open(limits, init);
	let done = 0;
	const deliver = (i: number, o: FileOutcome) => {
		onOutcome(i, o);
		onProgress?.(++done, inputs.length, o.file);
	};
	onProgress?.(0, inputs.length, inputs[0]?.file ?? '');
	try {
		for (const [i, { path, file }] of inputs.entries()) {
			const early = await hashFile(path, file, limits.maxFileMb);
			if ('kind' in early) {
				deliver(i, early);
				continue;
			}
			const { hash, size, images } = early;
			const first = byHash.get(hash);
			if (first) {
				pending.push(
					first.outcome.then(({ error }) =>
						deliver(
							i,
							error
								? { file, bytes: size, kind: 'error', code: error.code, reason: `${error.reason} (Same content as ${first.file}.)` }
								: { file, bytes: size, kind: 'duplicate', programmeId: hash, duplicateOf: first.file }
						)
					)
				);
				continue;
			}
			const outcome = pool.read(path, i, mapping && mappedCodes(mapping, file), { size, ocr: images > 0 }).then((r) => {
				const o = toOutcome(file, size, r, limits);
				deliver(i, o);
				return { error: o.kind === 'error' ? { code: o.code, reason: o.reason } : null };
			});
			byHash.set(hash, { file, outcome });
			pending.push(outcome.then(() => undefined));
		}
		await Promise.all(pending);
		onProgress?.(inputs.length, inputs.length, '');
	} finally {
		await pool.close();
	}
}

const IMAGE = Buffer.from('/Image');

/**
 * The file's sha256 and size, streamed (never held whole), and how often it names `/Image` (a
 * scan's pages are images: a hint for the reading order only); or the outcome when it cannot or
 * must not be read.
 */
async function hashFile(path: string | Buffer, file: string, maxFileMb: number): Promise<{ hash: string; size: number; images: number } | FileOutcome> {
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
		let images = 0;
		let tail = Buffer.alloc(0);
		for await (const chunk of createReadStream(path)) {
			hash.update(chunk as Buffer);
			size += (chunk as Buffer).length;
			// The end of the previous chunk, so a name split between two chunks is seen.
			const window = Buffer.concat([tail, chunk as Buffer]);
			for (let at = window.indexOf(IMAGE); at >= 0; at = window.indexOf(IMAGE, at + 1)) if (at + IMAGE.length > tail.length) images++;
			tail = window.subarray(Math.max(0, window.length - IMAGE.length + 1));
		}
		return { hash: hash.digest('hex'), size, images };
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
		case 'deferred': // the pool reads a deferred file again; it never reaches here
			throw new Error(`${file}: deferred without being read again`);
	}
}

export async function runIngest(opts: IngestOptions): Promise<IngestReport> {
	const root = resolve(opts.root ?? '.');
	checkOutDir(opts.out, opts.inputs.map(String)); // before anything is read: a refused --out touches nothing
	const out = resolve(opts.out);
	// A path the user named that does not exist is a typo, not an empty corpus: writing a dataset
	// without it would replace the good one.
	const missing = opts.inputs.filter((i) => !lstatSync(i, { throwIfNoEntry: false }));
	if (missing.length > 0) throw new NoInputsError(`${missing.map((m) => renderName(typeof m === 'string' ? Buffer.from(m) : m)).join(', ')}: no such file or directory; nothing was written`);
	const municipalities = parseMunicipalities(
		readFileSync(opts.referenceCsv ?? join(REPO_ROOT, 'data/reference/municipalities.csv'), 'utf8')
	);
	const t0 = performance.now();
	const { inputs, verdicts } = await findInputs(opts.inputs, root);
	// Nothing to read and nothing wrong (at most folders without PDFs): an empty dataset would hide the mistake.
	if (inputs.length === 0 && verdicts.every((v) => v.kind === 'notice'))
		throw new NoInputsError(`no PDF files found in ${opts.inputs.map((m) => renderName(typeof m === 'string' ? Buffer.from(m) : m)).join(', ')}`);
	const t1 = performance.now();

	// Outcomes go to disk as they arrive (./spill.ts), in the new version's working directory
	// (removed on any failure, or by the CLI on SIGINT/SIGTERM), and are read back in input order.
	await pruneStore(out); // repairs a run killed mid-migration, removes leftovers of dead runs
	const tmp = await newVersionDir(out);
	let writer: DatasetWriter | null = null;
	let spill: OutcomeSpill<FileOutcome> | null = null;
	try {
		await mkdir(join(tmp, WORK_DIR));
		spill = new OutcomeSpill<FileOutcome>(join(tmp, WORK_DIR, 'outcomes.bin'));
		const store = spill;
		// DuckDB and the Arrow writer need not sit in memory while the readers work: they are loaded
		// as the last files are being read (the loading then overlaps the reading, not the writing).
		// Every programme is enriched: the ingest's enricher unless the caller gives one (one resolver, no fallback).
		const enricher: Enricher = opts.enrich ?? ingestEnricher(opts.referenceCsv);
		let writerModule: Promise<typeof import('./parquet')> | null = null;
		let arrived = 0;
		const jobs = opts.read?.jobs ?? DEFAULT_LIMITS.jobs;
		await readEach(
			inputs,
			(i, o) => {
				store.put(i, o);
				if (++arrived >= inputs.length - jobs && !writerModule) {
					writerModule = import('./parquet');
					writerModule.catch(() => undefined); // awaited (and thrown) below
				}
			},
			opts.onProgress,
			opts.read,
			{ enricher, municipalities: opts.municipalities }
		);
		const t2 = performance.now();
		const { DatasetWriter } = await (writerModule ?? import('./parquet'));
		const referenceDate = opts.referenceDate ?? todayInFinland();
		writer = await DatasetWriter.open(out, { ingestVersion: INGEST_VERSION, referenceDate, dictionary: dataDictionary(), afterTable: opts.afterTable }, tmp);
		const mapping = opts.municipalities;
		const fileOf = new Map<string, string>();
		const enrich: Enricher =
			mapping && mapping.size > 0
				? (programme, reference, options) => enricher(programme, reference, { ...options, municipalityCodes: mappedCodes(mapping, fileOf.get(programme.id)) ?? options?.municipalityCodes })
				: enricher;
		// Content keys kept as hashes: the parent holds no programme's text.
		const context = rowsContext({ municipalities, enrich, referenceDate, digest: (key) => createHash('sha256').update(key).digest('base64') });
		const programmeRows: Row[] = [];
		/** Each programme's input position, to read it back for the changes between versions. */
		const inputOf = new Map<string, number>();
		const files: FileReport[] = [];
		for (let i = 0; i < inputs.length + verdicts.length; i++) {
			const o = i < inputs.length ? store.get(i) : verdicts[i - inputs.length];
			if (o.kind === 'programme') fileOf.set(o.programme.id, o.file);
			const r = outcomeRows(o, context);
			if (r.programme) {
				programmeRows.push(r.programme);
				inputOf.set(r.programme.programme_id as string, i);
			}
			for (const [table, rows] of Object.entries(r.rows)) await writer.append(table, rows);
			files.push(fileReport(o, r.outcome, r.rows.ingest_log));
		}
		const finished = finishRows(programmeRows, municipalities);
		for (const [table, rows] of Object.entries(finished)) await writer.append(table, rows);
		// What changed between versions, pair by pair, each programme read back from the spill (the last few kept).
		const recent = new Map<string, ChangeSource>();
		const sourceOf = (id: string): ChangeSource => {
			let found = recent.get(id);
			if (!found) {
				const o = store.get(inputOf.get(id)!);
				if (o.kind !== 'programme') throw new Error(`programme ${id}: its outcome is not a programme`);
				found = changeSource(o, context);
				if (recent.size >= 4) recent.delete(recent.keys().next().value!);
				recent.set(id, found);
			}
			return found;
		};
		for (const pair of versionPairs(finished.programme_versions)) await writer.append('programme_changes', pairChangeRows(pair, sourceOf(pair.from), sourceOf(pair.to)));
		recent.clear();
		spill.close();
		spill = null;
		const t3 = performance.now();
		const manifest = await writer.finish();
		const t4 = performance.now();
		const ms = (a: number, b: number) => Math.round(b - a);
		const count = (s: FileReport['status']) => files.filter((f) => f.status === s).length;
		return {
			files,
			counts: { files: files.length, programmes: programmeRows.length, ok: count('ok'), warning: count('warning'), error: count('error') },
			manifest,
			out,
			timings: { find: ms(t0, t1), read: ms(t1, t2), build: ms(t2, t3), write: ms(t3, t4) }
		};
	} finally {
		spill?.close();
		if (writer) await writer.abort();
		else {
			await rm(tmp, { recursive: true, force: true });
			pendingPaths.delete(tmp);
		}
	}
}

/** The user's codes for a file (`--municipality FILE=CODE`, FILE as the dataset path or the file name). */
function mappedCodes(mapping: NonNullable<IngestOptions['municipalities']>, file: string | undefined): readonly string[] | undefined {
	return file === undefined ? undefined : (mapping.get(file) ?? mapping.get(file.split('/').pop()!));
}

/**
 * One line per input file, from its ingest_log rows (errors, else the first warning, else ok).
 * `counted`: the outcome as the dataset counts it (a re-saved copy read as a programme is a duplicate of the first).
 */
function fileReport(o: FileOutcome, counted: FileOutcome, rows: readonly Row[]): FileReport {
	const error = rows.find((r) => r.status === 'error');
	const warnings = rows.filter((r) => r.status === 'warning');
	const main = error ?? warnings[0] ?? rows[0];
	return {
		file: o.file,
		status: error ? 'error' : warnings.length > 0 ? 'warning' : 'ok',
		programmeId: counted.kind === 'programme' ? counted.programme.id : counted.kind === 'duplicate' ? counted.programmeId : null,
		inputKind: o.kind === 'programme' ? o.programme.inputKind : null,
		code: (main?.code as string) ?? 'ok',
		reason: (main?.reason as string) ?? '',
		warnings: warnings.length
	};
}
