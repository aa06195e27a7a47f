/**
 * The read-only guard of the SQL console: one statement that reads the dashboard's tables, and
 * nothing that writes, changes settings, or reaches files or the network.
 *
 * Works on tokens (./tokenize.ts), never on raw text. Rules:
 * 1. exactly one statement (trailing semicolons are fine);
 * 2. it starts with a reading keyword: SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW,
 *    SUMMARIZE, EXPLAIN, UNPIVOT (optionally after opening parentheses);
 * 3. no statement keyword that writes or configures (COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA,
 *    CREATE, INSERT…) anywhere outside strings and quoted names;
 * 4. no function that reads files or runs SQL text (read_csv, read_parquet, glob, query,
 *    getvariable…), however it is quoted or qualified;
 * 5. no file or URL where a table goes: DuckDB reads `FROM 'x.csv'`, `FROM "x.csv"` and even
 *    `FROM x.parquet` as files, so strings in table position, quoted names with path characters,
 *    and dotted names ending in a file extension are refused.
 *
 * The guard is one of two layers: the database also runs with extension autoloading off and
 * (for the console's connection) external access disabled, see CONSOLE_SESSION_SETTINGS.
 */
import { SqlTokenError, tokenize, type Token } from './tokenize';

export type GuardCode =
	| 'empty'
	| 'too-long'
	| 'syntax'
	| 'multiple-statements'
	| 'not-a-query'
	| 'forbidden-keyword'
	| 'forbidden-function'
	| 'file-access';

export interface GuardAccepted {
	ok: true;
	/** The statement without trailing semicolons (what the console runs). */
	sql: string;
	/** The first keyword, lower case: select, with, describe… */
	kind: string;
}

export interface GuardRejected {
	ok: false;
	code: GuardCode;
	/** The word, function or token at fault, as written (for the message). */
	detail: string;
	/** Offset of the fault in the text. */
	at: number;
	/** A plain English explanation (pages show a translated one from the catalogue by `code`). */
	message: string;
}

export type GuardResult = GuardAccepted | GuardRejected;

/** Longest statement accepted: the console is for queries, not scripts. */
export const MAX_SQL_LENGTH = 20_000;

export const READ_KEYWORDS: readonly string[] = [
	'select',
	'with',
	'from',
	'values',
	'table',
	'describe',
	'show',
	'summarize',
	'explain',
	'unpivot'
];

/** Statement keywords that write, configure, or touch files, extensions or transactions. */
export const FORBIDDEN_KEYWORDS: ReadonlySet<string> = new Set([
	'abort',
	'alter',
	'attach',
	'begin',
	'call',
	'checkpoint',
	'commit',
	'copy',
	'create',
	'deallocate',
	'delete',
	'detach',
	'drop',
	'execute',
	'export',
	'force',
	'grant',
	'import',
	'insert',
	'install',
	'load',
	'merge',
	// PIVOT without an IN list runs a hidden CREATE TYPE first (DuckDB splits it into two statements).
	'pivot',
	'pragma',
	'prepare',
	'reset',
	'revoke',
	'rollback',
	'secret',
	'set',
	'transaction',
	'truncate',
	'update',
	'use',
	'vacuum'
]);

/** Functions that read files, list files, run SQL from text, or change the session. */
export const FORBIDDEN_FUNCTIONS: ReadonlySet<string> = new Set([
	'glob',
	'sniff_csv',
	'query',
	'query_table',
	'getvariable',
	'current_setting_set',
	'json_execute_serialized_sql',
	'from_substrait',
	'from_substrait_json',
	'checkpoint',
	'force_checkpoint',
	'enable_logging',
	'disable_logging',
	'truncate_duckdb_logs',
	'enable_profiling',
	'disable_profiling',
	'enable_peg_parser',
	'disable_peg_parser',
	'check_peg_parser',
	'which_secret',
	'load_aws_credentials',
	'copy_database',
	'import_database',
	'export_database',
	'http_get',
	'http_post',
	'http_head'
]);

/** Name patterns of file-reading and foreign-database functions (read_csv, parquet_scan, sqlite_attach…). */
const FORBIDDEN_FUNCTION_PATTERNS: readonly RegExp[] = [
	/^read_/,
	/_scan$/,
	/_scan_/,
	/^parquet_/,
	/^iceberg_/,
	/^delta_/,
	/^sqlite_/,
	/^postgres_/,
	/^mysql_/,
	/^st_read/,
	/^arrow_/,
	/^excel/
];

/** Keywords after which the next name (or string) is a table. */
const TABLE_POSITION = new Set(['from', 'join', 'table', 'describe', 'show', 'summarize', 'unpivot', 'into']);

/**
 * Clause keywords that end a FROM clause at the same parenthesis depth. Not ON: after a join
 * condition a comma still lists tables (`FROM a JOIN b ON … , 'x.csv'`).
 */
const CLAUSE_KEYWORDS = new Set([
	'select',
	'where',
	'group',
	'having',
	'order',
	'limit',
	'offset',
	'qualify',
	'window',
	'union',
	'intersect',
	'except',
	'values',
	'returning'
]);

/** File extensions DuckDB's replacement scans read: `FROM data.csv` means a file. */
const FILE_EXTENSIONS = new Set([
	'csv',
	'tsv',
	'txt',
	'parquet',
	'json',
	'jsonl',
	'ndjson',
	'gz',
	'zst',
	'arrow',
	'ipc',
	'feather',
	'db',
	'duckdb',
	'sqlite',
	'sqlite3',
	'xlsx',
	'avro'
]);

/** Characters that make a quoted name look like a path or URL. */
const PATH_LIKE = /[./\\:~*?]/;

function reject(code: GuardCode, token: Pick<Token, 'text' | 'start'>, message: string): GuardRejected {
	return { ok: false, code, detail: token.text, at: token.start, message };
}

function isFunctionName(tokens: Token[], i: number): boolean {
	const t = tokens[i];
	const next = tokens[i + 1];
	return (t.kind === 'word' || t.kind === 'quoted') && next?.kind === 'symbol' && next.value === '(';
}

function forbiddenFunction(name: string): boolean {
	const lower = name.toLowerCase();
	return FORBIDDEN_FUNCTIONS.has(lower) || FORBIDDEN_FUNCTION_PATTERNS.some((p) => p.test(lower));
}

/** Checks one console statement. Never throws. */
export function checkReadOnly(sql: string): GuardResult {
	if (sql.length > MAX_SQL_LENGTH) {
		return reject('too-long', { text: '', start: MAX_SQL_LENGTH }, `The query is longer than ${MAX_SQL_LENGTH} characters.`);
	}
	let tokens: Token[];
	try {
		tokens = tokenize(sql);
	} catch (e) {
		if (e instanceof SqlTokenError) return reject('syntax', { text: sql.slice(e.at, e.at + 12), start: e.at }, e.message);
		throw e;
	}
	// Rule 1: one statement. Drop trailing semicolons; any other semicolon separates statements.
	let last = tokens.length;
	while (last > 0 && tokens[last - 1].kind === 'symbol' && tokens[last - 1].value === ';') last--;
	tokens = tokens.slice(0, last);
	if (tokens.length === 0) return reject('empty', { text: '', start: 0 }, 'Write a query first.');
	const semicolon = tokens.find((t) => t.kind === 'symbol' && t.value === ';');
	if (semicolon) return reject('multiple-statements', semicolon, 'Only one statement at a time: remove the semicolon and what follows it.');

	// Rule 2: a reading statement.
	let first = 0;
	while (first < tokens.length && tokens[first].kind === 'symbol' && tokens[first].value === '(') first++;
	const head = tokens[first];
	if (!head || head.kind !== 'word' || !READ_KEYWORDS.includes(head.value.toLowerCase())) {
		return reject(
			'not-a-query',
			head ?? tokens[0],
			'The console only runs queries that read: SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN.'
		);
	}

	// Rules 3–5, one pass. `clause[depth]` is the clause keyword last seen at that depth.
	const clause: string[] = [''];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const prev = tokens[i - 1];
		const prevWord = prev?.kind === 'word' ? prev.value.toLowerCase() : '';
		const depth = clause.length - 1;
		if (t.kind === 'symbol') {
			if (t.value === '(') clause.push('');
			else if (t.value === ')' && clause.length > 1) clause.pop();
			continue;
		}
		if (t.kind === 'word') {
			const word = t.value.toLowerCase();
			if (FORBIDDEN_KEYWORDS.has(word) && !(prev?.kind === 'symbol' && prev.value === '.')) {
				// A column or table qualified like `t.comment` is a name, not a statement keyword.
				return reject('forbidden-keyword', t, `${t.value.toUpperCase()} is not allowed: the console only reads the dashboard's tables.`);
			}
			if (word === 'from' || word === 'join') clause[depth] = 'from';
			else if (CLAUSE_KEYWORDS.has(word)) clause[depth] = word;
		}
		if ((t.kind === 'word' || t.kind === 'quoted') && isFunctionName(tokens, i) && forbiddenFunction(t.value)) {
			return reject('forbidden-function', t, `${t.value}() is not allowed: it reads files or runs other SQL.`);
		}
		// Rule 5: what stands where a table goes.
		const afterComma = prev?.kind === 'symbol' && prev.value === ',' && clause[depth] === 'from';
		const inTablePosition = TABLE_POSITION.has(prevWord) || afterComma;
		if (t.kind === 'string' && inTablePosition) {
			return reject('file-access', t, 'Reading files or URLs is not allowed: query the dashboard’s tables by name.');
		}
		if (t.kind === 'quoted' && PATH_LIKE.test(t.value)) {
			return reject('file-access', t, 'Names with dots, slashes or colons are not allowed: DuckDB would read them as files.');
		}
		if (inTablePosition && (t.kind === 'word' || t.kind === 'quoted')) {
			// A dotted name: schema.table or file.ext — look at its last part.
			let j = i;
			while (tokens[j + 1]?.value === '.' && tokens[j + 2] && (tokens[j + 2].kind === 'word' || tokens[j + 2].kind === 'quoted')) j += 2;
			if (j > i && FILE_EXTENSIONS.has(tokens[j].value.toLowerCase())) {
				return reject('file-access', t, 'Reading files is not allowed: query the dashboard’s tables by name.');
			}
		}
	}
	const body = sql.slice(0, tokens[tokens.length - 1].end);
	return { ok: true, sql: body, kind: head.value.toLowerCase() };
}
