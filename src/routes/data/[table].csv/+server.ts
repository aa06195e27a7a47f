// Every table as CSV, written at build time from the same Parquet files (Node DuckDB).
import { error } from '@sveltejs/kit';
import { TABLES } from '$lib/dataset/tables';
import { recordsToCsv } from '$lib/export/csv';
import { serverDataset } from '$lib/db/dataset.server';
import { tableRows } from '$lib/db/queries';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => TABLES.map((t) => ({ table: t.name }));

export const GET: RequestHandler = async ({ params }) => {
	const def = TABLES.find((t) => t.name === params.table);
	if (!def) error(404, `no table ${params.table}`);
	const ds = await serverDataset();
	const rows = await ds.db.run(tableRows(def.name));
	const csv = recordsToCsv(
		def.columns.map((c) => c.name),
		rows
	);
	return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
