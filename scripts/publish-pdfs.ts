/**
 * npx tsx scripts/publish-pdfs.ts [--data DIR] [--root DIR] [--out DIR]
 *
 * Copies every programme PDF the dataset names (programmes.file) into the site, so the
 * municipality profile can link an answer to its page (`/pdfs/<path>#page=N`). Runs before
 * `npm run build` (the `prebuild` script). Only ingested files are published, never the
 * whole input folder; the output folder (gitignored) is replaced as a whole.
 *
 *   --data DIR  the dataset (default $KOTOKARTTA_DATA_DIR or static/data)
 *   --root DIR  the ingest root the dataset paths are relative to (default: the current directory)
 *   --out DIR   where to copy (default static/pdfs, served at /pdfs)
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { PDF_DIR, publishedPdfPath } from '../src/lib/components/profile/pdf-link';

const { values } = parseArgs({
	options: {
		data: { type: 'string', default: process.env.KOTOKARTTA_DATA_DIR ?? 'static/data' },
		root: { type: 'string', default: '.' },
		out: { type: 'string', default: join('static', PDF_DIR) }
	}
});
const dataDir = resolve(values.data!);
const root = resolve(values.root!);
const out = resolve(values.out!);

const programmes = join(dataDir, 'programmes.parquet');
rmSync(out, { recursive: true, force: true });
if (!existsSync(programmes)) {
	console.error(`publish-pdfs: ${programmes} does not exist; no PDFs published (run npm run ingest first).`);
	process.exit(0);
}

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const files = (await conn.runAndReadAll(`SELECT DISTINCT file FROM read_parquet('${programmes.replace(/'/g, "''")}') ORDER BY file`))
	.getRowObjectsJS()
	.map((r) => String(r.file));
conn.closeSync();
instance.closeSync();

let copied = 0;
const skipped: string[] = [];
for (const file of files) {
	const rel = publishedPdfPath(file);
	const source = resolve(root, file);
	if (rel === null) {
		skipped.push(`${file}: not a PDF path inside the ingest root`);
		continue;
	}
	if (!existsSync(source)) {
		skipped.push(`${file}: not found under ${root}`);
		continue;
	}
	const target = join(out, rel);
	mkdirSync(dirname(target), { recursive: true });
	copyFileSync(source, target);
	copied++;
}
console.error(`publish-pdfs: ${copied} of ${files.length} programme PDF(s) copied to ${out}`);
for (const s of skipped) console.error(`publish-pdfs: skipped ${s}`);
