/** The data page's SQL: the published tables as they are (no filters). */
import { TABLES } from '$lib/dataset/tables';
import type { Query, Row } from '../types';

export interface TableCount extends Row {
	table_name: string;
	rows: number;
}

/** Row count of every dataset table (no filters: the data page describes the files as published). */
export function tableCounts(): Query<TableCount> {
	const sql = TABLES.map(
		(t) => `SELECT '${t.name}' AS table_name, count(*)::INTEGER AS rows FROM "${t.name}"`
	).join('\nUNION ALL\n');
	return { id: 'dataset.table_counts', sql, params: [] };
}

/** Every row of a table in its published order, for CSV export. */
export function tableRows(tableName: string): Query {
	const def = TABLES.find((t) => t.name === tableName);
	if (!def) throw new Error(`unknown dataset table "${tableName}"`);
	const order = def.orderBy.map((c) => `"${c}"`).join(', ');
	return { id: `dataset.rows.${def.name}`, sql: `SELECT * FROM "${def.name}" ORDER BY ${order}`, params: [] };
}

export interface IngestLogRow extends Row {
	file: string;
	seq: number;
	programme_id: string | null;
	status: string;
	code: string;
	reason: string;
}

export function ingestLog(): Query<IngestLogRow> {
	return {
		id: 'dataset.ingest_log',
		sql: `SELECT file, seq, programme_id, status, code, reason FROM ingest_log ORDER BY file, seq`,
		params: []
	};
}
