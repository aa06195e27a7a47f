/**
 * The SQL console's read-only guard, against attack strings, and against DuckDB's own parser:
 * whatever the guard accepts, DuckDB must see as exactly one reading statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { checkReadOnly, MAX_SQL_LENGTH, type GuardCode } from '../../src/lib/console/guard';
import { tokenize } from '../../src/lib/console/tokenize';
import { emptyTableSql } from '../../src/lib/db/schema';
import { TABLES } from '../../src/lib/dataset/tables';

/** [attack, the reason the guard must give] */
const ATTACKS: [string, GuardCode][] = [
	// other statements
	["COPY answers TO '/tmp/out.csv'", 'not-a-query'],
	["ATTACH 'https://evil.example/x.db' AS evil", 'not-a-query'],
	['INSTALL httpfs', 'not-a-query'],
	['LOAD httpfs', 'not-a-query'],
	['FORCE INSTALL httpfs', 'not-a-query'],
	['PRAGMA version', 'not-a-query'],
	['SET threads = 1', 'not-a-query'],
	["SET VARIABLE x = 'y'", 'not-a-query'],
	['RESET threads', 'not-a-query'],
	['CREATE TABLE t AS SELECT 1', 'not-a-query'],
	['CREATE OR REPLACE VIEW answers AS SELECT 1', 'not-a-query'],
	["INSERT INTO answers (text) VALUES ('x')", 'not-a-query'],
	["UPDATE answers SET text = ''", 'not-a-query'],
	['DELETE FROM answers', 'not-a-query'],
	['DROP VIEW answers', 'not-a-query'],
	['ALTER VIEW answers RENAME TO a', 'not-a-query'],
	['CALL pragma_version()', 'not-a-query'],
	["EXPORT DATABASE '/tmp/x'", 'not-a-query'],
	["IMPORT DATABASE '/tmp/x'", 'not-a-query'],
	['CHECKPOINT', 'not-a-query'],
	['VACUUM', 'not-a-query'],
	['USE memory', 'not-a-query'],
	['BEGIN TRANSACTION', 'not-a-query'],
	['DETACH evil', 'not-a-query'],
	["CREATE SECRET (TYPE s3, KEY_ID 'x')", 'not-a-query'],
	['PREPARE p AS SELECT 1', 'not-a-query'],
	['EXECUTE p', 'not-a-query'],
	['SUMMARIZE_NOT_A_WORD answers', 'not-a-query'],
	['PIVOT answers ON status', 'not-a-query'],
	['SELECT 1 AS set', 'forbidden-keyword'],
	// a second statement, however it hides
	["SELECT 1; COPY answers TO '/tmp/out.csv'", 'multiple-statements'],
	['SELECT 1;DROP VIEW answers', 'multiple-statements'],
	["SELECT ';' AS a; ATTACH 'x.db'", 'multiple-statements'],
	["SELECT $$;$$; COPY answers TO 'x'", 'multiple-statements'],
	["SELECT 1 -- comment\n; COPY answers TO 'x'", 'multiple-statements'],
	["SELECT 1 /* comment */; INSTALL httpfs", 'multiple-statements'],
	["SELECT 1;\u3000COPY answers TO 'x'", 'multiple-statements'],
	["SELECT \"a;\" FROM answers; LOAD httpfs", 'multiple-statements'],
	// statements hidden inside a reading one
	["EXPLAIN COPY answers TO '/tmp/x.csv'", 'forbidden-keyword'],
	['EXPLAIN ANALYZE INSERT INTO answers SELECT * FROM answers', 'forbidden-keyword'],
	['WITH x AS (SELECT 1) INSERT INTO answers SELECT * FROM x', 'forbidden-keyword'],
	["DESCRIBE ATTACH 'x.db'", 'forbidden-keyword'],
	['SELECT * FROM answers PIVOT (count(*) FOR status IN (filled))', 'forbidden-keyword'],
	// functions that read files or run SQL text
	["SELECT * FROM read_csv('/etc/passwd')", 'forbidden-function'],
	["SELECT * FROM read_csv_auto('https://evil.example/x.csv')", 'forbidden-function'],
	["SELECT * FROM READ_PARQUET('x.parquet')", 'forbidden-function'],
	["SELECT * FROM \"read_json\"('x.json')", 'forbidden-function'],
	["SELECT * FROM main.read_text('/etc/hosts')", 'forbidden-function'],
	["SELECT * FROM system.main.read_blob('/etc/hosts')", 'forbidden-function'],
	["SELECT * FROM read_csv /* gap */ ('x.csv')", 'forbidden-function'],
	["SELECT * FROM read_csv\n('x.csv')", 'forbidden-function'],
	["SELECT * FROM parquet_scan('x.parquet')", 'forbidden-function'],
	["SELECT * FROM parquet_metadata('x.parquet')", 'forbidden-function'],
	["SELECT * FROM glob('/*')", 'forbidden-function'],
	["SELECT * FROM sniff_csv('x.csv')", 'forbidden-function'],
	["SELECT * FROM query('SELECT 1')", 'forbidden-function'],
	["SELECT * FROM query_table('answers')", 'forbidden-function'],
	["SELECT getvariable('secret')", 'forbidden-function'],
	["SELECT json_execute_serialized_sql('{}')", 'forbidden-function'],
	["SELECT * FROM iceberg_scan('s3://b/t')", 'forbidden-function'],
	["SELECT * FROM sqlite_scan('x.db', 't')", 'forbidden-function'],
	["SELECT * FROM postgres_scan('host=evil', 'public', 't')", 'forbidden-function'],
	['SELECT * FROM arrow_scan(0, 0, 0)', 'forbidden-function'],
	['SELECT * FROM checkpoint()', 'forbidden-keyword'],
	["SELECT * FROM \"READ_CSV\"('x')", 'forbidden-function'],
	["SELECT (SELECT count(*) FROM read_ndjson_objects('x')) AS n", 'forbidden-function'],
	// files and URLs where a table goes
	["SELECT * FROM 'https://evil.example/x.csv'", 'file-access'],
	["FROM '/etc/passwd'", 'file-access'],
	["SELECT * FROM answers, 'x.csv'", 'file-access'],
	["SELECT * FROM answers a JOIN 'x.csv' b ON true", 'file-access'],
	["SELECT * FROM answers a JOIN programmes p ON a.programme_id = p.programme_id, 'x.csv'", 'file-access'],
	["SELECT * FROM answers JOIN programmes USING (programme_id), 'x.csv'", 'file-access'],
	["DESCRIBE 'x.csv'", 'file-access'],
	["SUMMARIZE 'x.csv'", 'file-access'],
	["SHOW 'x.csv'", 'file-access'],
	["TABLE 'x.csv'", 'file-access'],
	["UNPIVOT 'x.csv' ON a", 'file-access'],
	["SELECT * FROM (FROM 'x.csv')", 'file-access'],
	["SELECT 1 AS a UNION ALL FROM 'x.csv' SELECT a", 'file-access'],
	['SELECT * FROM "x.csv"', 'file-access'],
	['SELECT * FROM "https://evil.example/data"', 'file-access'],
	['SELECT * FROM "/etc/passwd"', 'file-access'],
	['SELECT * FROM x.parquet', 'file-access'],
	['SELECT * FROM data.csv', 'file-access'],
	['SELECT * FROM answers JOIN data."json" ON true', 'file-access'],
	["SELECT\u00a0*\u00a0FROM\u00a0'x.csv'", 'file-access'],
	["SELECT * FROM\u200b'x.csv'", 'file-access'],
	["SELECT * FROM\ufeff'x.csv'", 'file-access'],
	// text DuckDB and we might read differently: refused
	["SELECT e'\\' ; COPY answers TO 'x' --'", 'syntax'],
	["SELECT E'it\\'s'", 'syntax'],
	["SELECT /* /* */ 1 ; COPY answers TO 'x' */ 2", 'syntax'],
	["SELECT U&'\\0061'", 'syntax'],
	['SELECT U&"\\0061" FROM answers', 'syntax'],
	['SELECT $1', 'syntax'],
	['SELECT $name', 'syntax'],
	['SELECT ?', 'syntax'],
	["SELECT 'unclosed", 'syntax'],
	['SELECT "unclosed', 'syntax'],
	['SELECT 1 /* unclosed', 'syntax'],
	['SELECT $tag$ unclosed', 'syntax'],
	['SELECT\u0000 1', 'syntax'],
	// nothing to run
	['', 'empty'],
	['   ', 'empty'],
	[';', 'empty'],
	['-- only a comment', 'empty'],
	['/* only a comment */ ;;', 'empty']
];

/** Queries an analyst writes: all must pass. */
const ACCEPTED: string[] = [
	'SELECT 1',
	'SELECT 1;',
	'SELECT 1;;',
	'SELECT 1 ; ; ',
	'select * from answers',
	'  (SELECT 1)  ',
	'/* comment */ SELECT 1 -- trailing comment',
	"SELECT 'a'';COPY' AS s",
	"SELECT 1 -- ; COPY answers TO 'x'",
	"SELECT 1 /* ; COPY answers TO 'x' */",
	"SELECT $$ ; COPY answers TO 'x' $$ AS s",
	"SELECT $q$ it's $$ fine $q$ AS s",
	"SELECT E'no backslash here' AS s",
	"SELECT x'41' AS hex, b'101' AS bits",
	"SELECT * FROM answers WHERE text LIKE '%https://%'",
	"SELECT * FROM answers WHERE text ILIKE '%read_csv(%' OR text = 'COPY'",
	'SELECT "copy", "set" FROM (SELECT 1 AS "copy", 2 AS "set")',
	"SELECT key, count(*) AS n FROM answers WHERE status = 'filled' GROUP BY key ORDER BY n DESC LIMIT 10",
	'WITH x AS (SELECT programme_id FROM programmes) SELECT count(*) FROM x',
	'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r',
	'FROM answers SELECT key LIMIT 5',
	'FROM programmes',
	'VALUES (1, 2), (3, 4)',
	'TABLE programmes',
	'DESCRIBE answers',
	'DESCRIBE SELECT * FROM answers',
	'SHOW TABLES',
	'SHOW ALL TABLES',
	'SUMMARIZE programmes',
	'EXPLAIN SELECT * FROM answers',
	'EXPLAIN ANALYZE SELECT count(*) FROM answers',
	'UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b',
	"SELECT * FROM pragma_table_info('answers')",
	"SELECT current_setting('threads') AS t",
	'SELECT * FROM duckdb_tables()',
	'SELECT a.key, p.file FROM answers a, programmes p WHERE a.programme_id = p.programme_id',
	'SELECT a.key FROM answers a JOIN programmes p ON a.programme_id = p.programme_id, municipalities m',
	"SELECT * FROM answers WHERE key IN ('s1.a', 's3.a2')",
	"SELECT list_transform([1, 2], x -> x + 1) AS l, {'a': 1} AS s, '2024-01-01'::DATE AS d",
	'SELECT count(*) FILTER (WHERE status = \'empty\') FROM answers',
	'SELECT m.name_fi FROM main.municipalities m',
	'SELECT 1.5e-3 AS x, .5 AS y, 1_000 AS z',
	"SELECT 'Ukrainan kielellä' AS t, 'på ukrainska' AS s, '😀' AS e",
	'SELECT\u00a01',
	'SELECT range FROM range(3)',
	// Qualified, a keyword-like name is a name; bare, SET is refused (see ATTACKS).
	'SELECT t.comment, t.set FROM (SELECT 1 AS comment, 2 AS "set") t'
];

let instance: DuckDBInstance;
let duck: DuckDBConnection;

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	duck = await instance.connect();
	for (const t of TABLES) await duck.run(emptyTableSql(t));
});
afterAll(() => {
	duck?.closeSync();
	instance?.closeSync();
});

/** DuckDB's view of a text: statement count and the first statement's type, or null if it does not parse/bind. */
async function duckdbStatements(sql: string): Promise<{ count: number; types: string[] } | null> {
	try {
		const extracted = await duck.extractStatements(sql);
		const types: string[] = [];
		for (let i = 0; i < extracted.count; i++) {
			try {
				types.push(StatementType[(await extracted.prepare(i)).statementType]);
			} catch {
				types.push('?');
			}
		}
		return { count: extracted.count, types };
	} catch {
		return null;
	}
}

describe('console guard: attacks are refused with the right reason', () => {
	it.each(ATTACKS.map(([sql, code]) => [JSON.stringify(sql), sql, code] as const))('%s', (_name, sql, code) => {
		const result = checkReadOnly(sql);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.code).toBe(code);
			expect(result.message.length).toBeGreaterThan(10);
			expect(result.at).toBeGreaterThanOrEqual(0);
		}
	});

	it('refuses text longer than the limit', () => {
		const result = checkReadOnly(`SELECT '${'x'.repeat(MAX_SQL_LENGTH)}'`);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.code).toBe('too-long');
	});
});

describe('console guard: queries pass', () => {
	it.each(ACCEPTED.map((sql) => [JSON.stringify(sql), sql]))('%s', (_name, sql) => {
		const result = checkReadOnly(sql);
		expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
		if (result.ok) {
			expect(result.sql.endsWith(';')).toBe(false);
			expect(sql.startsWith(result.sql)).toBe(true);
		}
	});
});

describe('console guard agrees with DuckDB’s parser', () => {
	it('everything it accepts is one reading statement for DuckDB', async () => {
		for (const sql of ACCEPTED) {
			const accepted = checkReadOnly(sql);
			if (!accepted.ok) throw new Error(`not accepted: ${sql}`);
			const duckdb = await duckdbStatements(accepted.sql);
			expect(duckdb, sql).not.toBeNull();
			expect(duckdb!.count, sql).toBe(1);
			expect(['SELECT', 'EXPLAIN'], sql).toContain(duckdb!.types[0]);
		}
	});

	it('the hidden second statements really are second statements for DuckDB', async () => {
		for (const [sql, code] of ATTACKS) {
			if (code !== 'multiple-statements') continue;
			const duckdb = await duckdbStatements(sql);
			if (duckdb) expect(duckdb.count, sql).toBeGreaterThan(1);
		}
	});

	it('random mixes of quotes, comments and semicolons: accepted ⇒ DuckDB sees one statement', async () => {
		const pieces = [
			"'", "''", '"', ';', '--', '\n', '/*', '*/', '$$', '$a$', "e'", "E'\\'", '\\', ' ', '\u00a0', '\u200b',
			"COPY answers TO 'x'", 'x', "'a;b'", '(', ')', 'FROM', 'answers', ',', 'x.csv', "'x.csv'", 'read_csv', 'U&',
			'1', '.', 'SELECT', '$', '?', 'u&\'', 'n\'', 'E', "''''", '"a""b"', '/**/'
		];
		// A fixed-seed generator: the same cases every run.
		let seed = 20241118;
		const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
		let accepted = 0;
		for (let n = 0; n < 3000; n++) {
			let sql = 'SELECT ';
			const count = 1 + Math.floor(random() * 8);
			for (let k = 0; k < count; k++) sql += pieces[Math.floor(random() * pieces.length)];
			const result = checkReadOnly(sql);
			if (!result.ok) continue;
			accepted++;
			const duckdb = await duckdbStatements(result.sql);
			if (duckdb) {
				expect(duckdb.count, JSON.stringify(sql)).toBe(1);
				if (duckdb.types[0] !== '?') expect(['SELECT', 'EXPLAIN'], JSON.stringify(sql)).toContain(duckdb.types[0]);
			}
		}
		// The mix must exercise the accepting path, not only refusals.
		expect(accepted).toBeGreaterThan(300);
	});
});

describe('tokenizer', () => {
	it('keeps strings, quoted names and comments apart from code', () => {
		const tokens = tokenize(`SELECT 'a;b', "c""d", $t$e'f$t$ /* g; */ -- h;\nFROM x`);
		expect(tokens.map((t) => [t.kind, t.value])).toEqual([
			['word', 'SELECT'],
			['string', 'a;b'],
			['symbol', ','],
			['quoted', 'c"d'],
			['symbol', ','],
			['string', "e'f"],
			['word', 'FROM'],
			['word', 'x']
		]);
	});

	it('reads Unicode spaces as spaces, as DuckDB does', () => {
		expect(tokenize('SELECT\u00a0a\u200bFROM\u3000b').map((t) => t.value)).toEqual(['SELECT', 'a', 'FROM', 'b']);
	});
});
