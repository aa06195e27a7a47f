/**
 * npm run eval [-- --pdfs data/pdfs] [--truth data/truth/demo] [--dataset DIR] [--keep] [--json] [--top N]
 *
 * Runs the ingest on the PDFs into a temporary directory (or reads an existing dataset with
 * --dataset), reads its Parquet tables with DuckDB and prints precision and recall per fact type
 * against the demo corpus's ground truth, plus the most frequent misses. Tables the ingest does
 * not fill yet simply score recall 0.
 * Then, separately, the independent set of hand-written passages (tests/golden/prose, scored by tests/golden/prose-eval.ts),
 * enriched directly (no PDFs) and scored against their hand-written expectations.
 * Exit 0 when the evaluation ran (whatever the scores), 1 when it could not run, 2 on bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { evaluate, formatEvaluation, type DatasetRows } from './evaluate';
import { formatGoldenEvaluation } from '../tests/golden/prose-eval';
import { runGolden } from '../tests/golden/prose-load';
import type { TruthDocument } from './truth';
import { TRUTH_SCHEMA } from './truth';

const USAGE = `usage: npm run eval [-- options]
  --pdfs DIR      input of the ingest (default data/pdfs; the demo corpus is in data/pdfs/demo)
  --truth DIR     ground truth (default data/truth/demo; made by npm run corpus)
  --dataset DIR   score an existing ingest output instead of running the ingest
  --keep          keep the temporary ingest output (its path is printed)
  --top N         how many misses to list (default 12)
  --json          print the evaluation as JSON instead of the table
`;

async function loadTruth(dir: string): Promise<TruthDocument[]> {
	if (!existsSync(dir)) throw new Error(`no ground truth in ${dir}: run \`npm run corpus\` first`);
	// The manifest is written last: without it the corpus is incomplete (an interrupted run).
	if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} has no manifest.json, so the corpus is incomplete: run \`npm run corpus\``);
	const names = (await readdir(dir)).filter((n) => n.startsWith('demo-') && n.endsWith('.json')).sort();
	if (names.length === 0) throw new Error(`no ground truth files (demo-*.json) in ${dir}: run \`npm run corpus\` first`);
	const docs: TruthDocument[] = [];
	for (const n of names) {
		const doc = JSON.parse(await readFile(join(dir, n), 'utf8')) as TruthDocument;
		if (doc.schema !== TRUTH_SCHEMA) throw new Error(`${join(dir, n)}: unknown truth schema "${doc.schema}" (expected ${TRUTH_SCHEMA})`);
		docs.push(doc);
	}
	return docs;
}

/** Reads the tables the evaluation needs; a missing table reads as empty (reported). */
async function loadDataset(dir: string, log: (m: string) => void): Promise<DatasetRows> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	const read = async <T>(table: string, columns: string): Promise<T[]> => {
		const path = join(dir, `${table}.parquet`);
		if (!existsSync(path)) {
			log(`eval: ${table}.parquet is missing in ${dir}; counted as empty`);
			return [];
		}
		const reader = await conn.runAndReadAll(`SELECT ${columns} FROM read_parquet('${path.replace(/'/g, "''")}')`);
		return reader.getRowObjectsJS() as T[];
	};
	try {
		const programmes = await read<DatasetRows['programmes'][number]>(
			'programmes',
			'programme_id, file, input_kind, municipality_codes, CAST(updated AS VARCHAR) AS updated, updated_status, is_synthetic, is_current'
		);
		const versions = await read<NonNullable<DatasetRows['programme_versions']>[number]>('programme_versions', 'code, programme_id, previous_programme_ids');
		return {
			programmes: programmes.map((p) => ({ ...p, municipality_codes: [...(p.municipality_codes ?? [])].map(String) })),
			languages: await read('languages', 'programme_id, key, language_code, context, snippet'),
			responsibilities: await read('responsibilities', 'programme_id, key, service, client_group, provider, provider_kind, snippet'),
			cooperation: await read('cooperation', 'programme_id, key, arrangement_type, partner, partner_municipality_code, role, snippet'),
			completeness: await read('completeness', 'programme_id, key, grade, mandatory'),
			ingest_log: await read('ingest_log', 'file, seq, programme_id, status, code, reason'),
			programme_versions: versions.map((v) => ({ ...v, previous_programme_ids: [...(v.previous_programme_ids ?? [])].map(String) })),
			programme_changes: await read(
				'programme_changes',
				'from_programme_id, to_programme_id, change, direction, key, service, client_group, provider_kind, language_code, context, arrangement_type'
			)
		};
	} finally {
		conn.closeSync();
	}
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: process.argv.slice(2),
			options: {
				pdfs: { type: 'string', default: 'data/pdfs' },
				truth: { type: 'string', default: 'data/truth/demo' },
				dataset: { type: 'string' },
				keep: { type: 'boolean', default: false },
				top: { type: 'string', default: '12' },
				json: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		}).values;
	} catch (e) {
		process.stderr.write(`eval: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
		return 2;
	}
	if (args.help) {
		process.stderr.write(USAGE);
		return 0;
	}
	const top = Number(args.top);
	if (!Number.isInteger(top) || top < 0) {
		process.stderr.write(`eval: --top must be a whole number\n${USAGE}`);
		return 2;
	}
	const log = (m: string) => process.stderr.write(`${m}\n`);
	const truth = await loadTruth(resolve(args.truth));
	let datasetDir = args.dataset ? resolve(args.dataset) : null;
	let temporary: string | null = null;
	if (!datasetDir) {
		temporary = await mkdtemp(join(tmpdir(), 'kotokartta-eval-'));
		datasetDir = join(temporary, 'data');
		log(`eval: ingesting ${args.pdfs} → ${datasetDir}`);
		const started = performance.now();
		const run = spawnSync('npm', ['run', '--silent', 'ingest', '--', args.pdfs, '--out', datasetDir], { stdio: ['ignore', 'ignore', 'inherit'] });
		// 0 = all read, 1 = some files rejected (the corpus has broken files on purpose); both wrote the dataset.
		if (run.status !== 0 && run.status !== 1) {
			log(`eval: the ingest failed (exit ${run.status ?? run.signal}); nothing to evaluate`);
			if (!args.keep) await rm(temporary, { recursive: true, force: true });
			return 1;
		}
		log(`eval: ingest took ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
	try {
		const rows = await loadDataset(datasetDir, log);
		const result = evaluate(truth, rows, top);
		const golden = runGolden(process.cwd());
		process.stdout.write(
			args.json
				? `${JSON.stringify({ synthetic: result, independent: golden }, null, 2)}\n`
				: `Synthetic demo corpus (data/pdfs/demo)\n${formatEvaluation(result)}\n\n${formatGoldenEvaluation(golden)}\n`
		);
	} finally {
		if (temporary) {
			if (args.keep) log(`eval: ingest output kept in ${datasetDir}`);
			else await rm(temporary, { recursive: true, force: true });
		}
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		process.stderr.write(`eval: failed: ${e instanceof Error ? e.message : String(e)}\n`);
		process.exit(1);
	}
);
