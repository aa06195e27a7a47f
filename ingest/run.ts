/**
 * The ingest as a function (the CLI and the benchmark call it): find the input PDFs, read
 * each once per distinct content, build the dataset and write it atomically as Parquet.
 * One bad file never stops the batch: it becomes an error row in ingest_log.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { dataDictionary } from '../src/lib/dataset/dictionary';
import { buildDataset, type Dataset, type Enricher, type FileOutcome } from '../src/lib/dataset/rows';
import { extractProgramme } from '../src/lib/programme/extract';
import { ProgrammeReadError, type InputKind } from '../src/lib/programme/types';
import { createEnricher } from '../src/lib/programme/enrich/index';
import { parseEmploymentAreas, parseMunicipalities } from '../src/lib/reference';
import { nodeExtractDeps } from './pdfjs';
import { checkOutDir } from './output';
import { findInputs } from './walk';
export { findInputs };
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

/** Every input file, as absolute paths, sorted by their dataset path; missing inputs are kept (they become errors). */
function datasetPath(root: string, path: string): string {
	return relative(root, path).split(sep).join('/');
}

export async function readInputs(
	inputs: readonly { path: string; file: string }[],
	onProgress?: IngestOptions['onProgress']
): Promise<FileOutcome[]> {
	const deps = await nodeExtractDeps();
	const outcomes: FileOutcome[] = [];
	const byHash = new Map<string, FileOutcome>();
	for (const [i, { path, file }] of inputs.entries()) {
		onProgress?.(i, inputs.length, file);
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await readFile(path));
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			outcomes.push({
				file,
				bytes: null,
				kind: 'error',
				code: code === 'ENOENT' ? 'not-found' : 'unreadable-file',
				reason: code === 'ENOENT' ? 'The file does not exist.' : `The file could not be read (${(e as Error).message}).`
			});
			continue;
		}
		const hash = createHash('sha256').update(bytes).digest('hex');
		const first = byHash.get(hash);
		if (first) {
			outcomes.push(
				first.kind === 'error'
					? { file, bytes: bytes.length, kind: 'error', code: first.code, reason: `${first.reason} (Same content as ${first.file}.)` }
					: { file, bytes: bytes.length, kind: 'duplicate', programmeId: hash, duplicateOf: first.file }
			);
			continue;
		}
		let outcome: FileOutcome;
		try {
			const programme = await extractProgramme(bytes, deps);
			outcome = { file, bytes: bytes.length, kind: 'programme', programme };
		} catch (e) {
			outcome =
				e instanceof ProgrammeReadError
					? { file, bytes: bytes.length, kind: 'error', code: e.code, reason: e.reason }
					: { file, bytes: bytes.length, kind: 'error', code: 'unreadable', reason: `Reading failed unexpectedly: ${(e as Error)?.message ?? e}` };
		}
		byHash.set(hash, outcome);
		outcomes.push(outcome);
	}
	onProgress?.(inputs.length, inputs.length, '');
	return outcomes;
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
	const outcomes = [...(await readInputs(inputs, opts.onProgress)), ...verdicts];
	const t2 = performance.now();
	const data = buildDataset({ files: outcomes, municipalities, enrich: withMapping(opts.enrich, opts.municipalities, outcomes) });
	const t3 = performance.now();
	const manifest = await writeDataset(data, out, {
		ingestVersion: INGEST_VERSION,
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

/**
 * The enrichment the CLI plugs into the dataset: municipalities, providers, languages,
 * cooperation and completeness for each programme (src/lib/programme/enrich), with the
 * reference municipalities and employment areas. The indexes are built once per run.
 */
export function ingestEnricher(referenceCsv?: string, employmentAreasCsv?: string): Enricher {
	const enrich = createEnricher({
		municipalities: parseMunicipalities(readFileSync(referenceCsv ?? join(REPO_ROOT, 'data/reference/municipalities.csv'), 'utf8')),
		employmentAreas: parseEmploymentAreas(readFileSync(employmentAreasCsv ?? join(REPO_ROOT, 'data/reference/employment_areas.csv'), 'utf8'))
	});
	return (programme, _reference, options) => enrich(programme, options);
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
			programmeId: o.kind === 'programme' ? o.programme.id : o.kind === 'duplicate' ? o.programmeId : null,
			inputKind: o.kind === 'programme' ? o.programme.inputKind : null,
			code: (main?.code as string) ?? 'ok',
			reason: (main?.reason as string) ?? '',
			warnings: warnings.length
		};
	});
}
