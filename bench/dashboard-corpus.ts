/**
 * The 10× corpus of the dashboard benchmark, SYNTHETIC and made only for it: every programme of
 * the built dataset (build/data/*.parquet) copied nine more times with new programme ids
 * (`<id>~x<n>`), every row that refers to a programme copied with it, the copies flagged
 * `is_synthetic`. Municipalities stay as they are (so each municipality has ten programmes).
 * Written with the native DuckDB to bench/out/data-10x/, with the Arrow copies and summaries the
 * ingest writes (ingest/derived.ts); remade when the source files change.
 * The benchmark serves these files in place of /data/*.parquet: the engine then loads and
 * queries ten times the rows (the prerendered content stays that of the real build).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeDerived } from '../ingest/derived';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function makeTenfold(sourceDir: string, outDir: string, factor = 10): Promise<string> {
	const files = readdirSync(sourceDir).filter((f) => f.endsWith('.parquet')).sort();
	if (!files.length) throw new Error(`bench: no Parquet files in ${sourceDir} to multiply`);
	const stamp = JSON.stringify({ factor, derived: 1, files: files.map((f) => [f, statSync(join(sourceDir, f)).size, Math.round(statSync(join(sourceDir, f)).mtimeMs)]) });
	const marker = join(outDir, '.made.json');
	if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return outDir;
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		for (const file of files) {
			const src = `read_parquet(${quote(join(sourceDir, file))})`;
			const columns = new Set((await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjectsJS().map((r) => String(r.column_name)));
			let select = `SELECT * FROM ${src}`;
			if (columns.has('programme_id')) {
				const replace = [`CASE WHEN copy.i = 0 THEN programme_id ELSE programme_id || '~x' || copy.i END AS programme_id`];
				if (columns.has('is_synthetic')) replace.push(`CASE WHEN copy.i = 0 THEN is_synthetic ELSE true END AS is_synthetic`);
				select = `SELECT * EXCLUDE (i) REPLACE (${replace.join(', ')}) FROM ${src}, range(${factor}) copy(i)`;
			}
			await conn.run(`COPY (${select}) TO ${quote(join(outDir, file))} (FORMAT parquet, COMPRESSION snappy)`);
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	// The site loads the Arrow copies and the summaries the ingest writes beside the Parquet (not
	// the Parquet itself): made the same way for the copies, or the engine would load the 1× files.
	await writeDerived(outDir);
	writeFileSync(marker, stamp);
	return outDir;
}
