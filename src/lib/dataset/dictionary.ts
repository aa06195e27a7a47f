/**
 * The data dictionary, generated from the table definitions so it cannot drift from the files.
 * Committed as `docs/data-dictionary.md` (a test checks it is up to date) and written next to
 * the data by the ingest.
 */
import { TABLES, type TableDef } from './tables';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function dataDictionary(tables: readonly TableDef[] = TABLES): string {
	const out: string[] = [
		'# Kotokartta data dictionary',
		'',
		'<!-- Generated from src/lib/dataset/tables.ts by src/lib/dataset/dictionary.ts; do not edit by hand. -->',
		'',
		'The ingest (`npm run ingest`) writes one Parquet file per table (`<table>.parquet`, snappy-compressed),',
		'rows sorted by the listed order, plus `manifest.json` (row counts, sizes, sha256 of each file) and this file.',
		'The same input files always give byte-identical tables. Synthetic demo documents are marked',
		'`programmes.is_synthetic = true`.',
		'',
		'Tables: ' + tables.map((t) => `[\`${t.name}\`](#${t.name})`).join(', ') + '.',
		''
	];
	for (const t of tables) {
		out.push(`## ${t.name}`, '', t.description, '', `- File: \`${t.name}.parquet\``, `- One row per: ${t.grain}`);
		out.push(`- Sorted by: ${t.orderBy.map((c) => `\`${c}\``).join(', ')}`, '');
		out.push('| column | type | null? | description |', '|---|---|---|---|');
		for (const c of t.columns) {
			out.push(`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${cell(c.description) || '(see the column above)'} |`);
		}
		out.push('');
	}
	return out.join('\n');
}
