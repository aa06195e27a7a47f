/**
 * Summary tables: what the filtered views need, aggregated once from the dataset tables so that a
 * filter change runs a few small GROUP BYs instead of re-aggregating every answer grade and
 * unnesting every programme's municipalities in every query.
 *
 * Each summary is a SQL SELECT over the dataset tables. The ingest writes them next to the
 * dataset (ingest/derived.ts: `<name>.parquet` for Node and `<name>.arrow` for the browser, the same
 * numbers on both paths); where a summary file is absent (test fixtures, an older dataset) the
 * database computes it from the tables with the same SQL when it opens. They are not part of
 * the published dataset (src/lib/dataset/tables.ts): they can always be recomputed.
 */
import type { ColumnType, TableDef } from '$lib/dataset/tables';

/** Grades (completeness.grade) that count as "not answered" in the gap figures. */
export const WEAK_GRADES = ['missing', 'empty', 'placeholder'] as const;

export interface SummaryDef {
	name: string;
	/** Dataset tables the SELECT reads. */
	from: readonly string[];
	columns: readonly { name: string; type: ColumnType }[];
	/** The SELECT that computes it, rows in a fixed order (deterministic files). */
	select: string;
}

export const SUMMARIES: readonly SummaryDef[] = [
	{
		// Completeness of the mandatory parts per programme: score 0–1 = mean of the parts' rubric
		// scores; weak = missing, empty or placeholder.
		name: 'programme_scores',
		from: ['completeness'],
		columns: [
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'mandatory_score', type: 'DOUBLE' },
			{ name: 'weak_parts', type: 'INTEGER' },
			{ name: 'thin_parts', type: 'INTEGER' },
			{ name: 'mandatory_parts', type: 'INTEGER' }
		],
		select: `SELECT programme_id,
	avg(score) AS mandatory_score,
	count(*) FILTER (WHERE grade IN ('${WEAK_GRADES.join("', '")}'))::INTEGER AS weak_parts,
	count(*) FILTER (WHERE grade = 'thin')::INTEGER AS thin_parts,
	count(*)::INTEGER AS mandatory_parts
FROM completeness
WHERE mandatory
GROUP BY programme_id
ORDER BY programme_id`
	},
	{
		// Each current programme × each municipality it covers (the list unnested once).
		name: 'programme_coverage',
		from: ['programmes'],
		columns: [
			{ name: 'programme_id', type: 'VARCHAR' },
			{ name: 'code', type: 'VARCHAR' }
		],
		select: `SELECT DISTINCT programme_id, code
FROM (SELECT programme_id, unnest(municipality_codes) AS code FROM programmes WHERE is_current)
ORDER BY programme_id, code`
	}
];

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `CREATE OR REPLACE TABLE <summary> AS <select>`: computes it from the loaded dataset tables. */
export function summaryTableSql(s: SummaryDef): string {
	return `CREATE OR REPLACE TABLE ${quoteIdent(s.name)} AS ${s.select}`;
}

/** The summary table over a source that holds its rows (a Parquet file in Node, an inserted Arrow table in the browser), typed as declared. */
export function summaryFromSql(s: SummaryDef, source: string, kind: 'TABLE' | 'VIEW' = 'TABLE'): string {
	const cols = s.columns.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ');
	return `CREATE OR REPLACE ${kind} ${quoteIdent(s.name)} AS SELECT ${cols} FROM ${source}`;
}

/** The summaries a statement mentions. */
export function summariesIn(sql: string): SummaryDef[] {
	return SUMMARIES.filter((s) => new RegExp(`\\b${s.name}\\b`).test(sql));
}

/** A summary described as a table (all columns nullable), for the code that loads tables generically. */
export function summaryTableDef(s: SummaryDef): TableDef {
	return {
		name: s.name,
		description: `Summary table (derived, not published): ${s.from.join(', ')}.`,
		grain: s.name,
		columns: s.columns.map((c) => ({ ...c, nullable: true, description: '' })),
		orderBy: []
	};
}
