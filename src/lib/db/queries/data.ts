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

export interface ReviewRow extends Row {
	/** `municipality`, `responsibility`, `language`, `cooperation` or `grade`. */
	fact_type: string;
	programme_id: string;
	file: string;
	/** The programme's first municipality code (null when it has none: then it needs one). */
	code: string | null;
	is_synthetic: boolean;
	key: string | null;
	/** What the fact says: the provider, `code · context`, `arrangement: partner`, the grade. */
	fact: string;
	snippet: string;
	span_start: number | null;
	span_end: number | null;
	confidence: number | null;
	page: number | null;
	/** All facts below the threshold (the list shows at most `limit`). */
	total: number;
}

/**
 * Facts to review: every fact row below `threshold` confidence (REVIEW_THRESHOLD in
 * src/lib/programme/enrich/confidence.ts), and programmes whose municipality is below it or
 * unknown, least sure first. Each with its evidence (key, span, snippet) and the page the answer
 * is on, so the list can link to the profile and the PDF.
 */
export function needsReview(threshold: number, limit = 200): Query<ReviewRow> {
	const sql = `WITH facts AS (
  SELECT 'responsibility' AS fact_type, programme_id, key, provider AS fact, snippet, span_start, span_end, confidence FROM responsibilities
  UNION ALL
  SELECT 'language', programme_id, key, language_code || ' · ' || context, snippet, span_start, span_end, confidence FROM languages
  UNION ALL
  SELECT 'cooperation', programme_id, key, arrangement_type || CASE WHEN partner <> '' THEN ': ' || partner ELSE '' END, snippet, span_start, span_end, confidence FROM cooperation
  UNION ALL
  SELECT 'grade', programme_id, key, grade, '', NULL, NULL, confidence FROM completeness
),
low AS (
  SELECT * FROM facts WHERE confidence < ?
  UNION ALL
  SELECT 'municipality', programme_id, 'header.municipalities', array_to_string(municipality_codes, ', '), coalesce(municipalities_text, ''), NULL, NULL, municipality_confidence
  FROM programmes WHERE municipality_confidence IS NULL OR municipality_confidence < ?
)
SELECT l.fact_type, l.programme_id, p.file, list_sort(p.municipality_codes)[1] AS code, p.is_synthetic, l.key, l.fact, l.snippet,
  l.span_start, l.span_end, l.confidence, a.page, (count(*) OVER ())::INTEGER AS total
FROM low l
JOIN programmes p ON p.programme_id = l.programme_id
LEFT JOIN answers a ON a.programme_id = l.programme_id AND a.key = l.key
ORDER BY l.confidence ASC NULLS FIRST, p.file, l.key, l.span_start, l.fact
LIMIT ?`;
	return { id: 'dataset.needs_review', sql, params: [threshold, threshold, limit] };
}
