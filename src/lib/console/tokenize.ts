/**
 * A SQL tokenizer that follows DuckDB's lexer (PostgreSQL's scanner) closely enough to tell code
 * from strings, quoted names and comments. The console guard (./guard.ts) reads these tokens;
 * it must never look at raw text, where `'; COPY …'` inside a string looks like a second statement.
 *
 * Where DuckDB and this tokenizer could disagree, we refuse rather than guess: escape strings
 * with backslashes, Unicode-escape strings (U&'…'), parameters ($1, $name, ?), NUL characters.
 * The unit tests compare the statement count with DuckDB's own parser on many tricky inputs.
 */

export type TokenKind =
	/** Unquoted identifier or keyword (compare case-insensitively). */
	| 'word'
	/** "Double-quoted" identifier; `value` is the name without quotes. */
	| 'quoted'
	/** String literal ('…', E'…', X'…', B'…', N'…', $tag$…$tag$); `value` is its content. */
	| 'string'
	| 'number'
	/** One operator or punctuation character: ( ) , . ; + - * / < > = etc. */
	| 'symbol';

export interface Token {
	kind: TokenKind;
	/** The token as written. */
	text: string;
	/** Identifier name, string content, or the symbol itself. */
	value: string;
	start: number;
	end: number;
}

/** Why the text cannot be tokenized; `code` is stable (for the message catalogue), `at` is the offset. */
export class SqlTokenError extends Error {
	constructor(
		readonly code:
			| 'unterminated-string'
			| 'unterminated-identifier'
			| 'unterminated-comment'
			| 'nested-comment'
			| 'escape-string'
			| 'unicode-escape'
			| 'parameter'
			| 'nul',
		readonly at: number,
		message: string
	) {
		super(message);
		this.name = 'SqlTokenError';
	}
}

/**
 * Whitespace as DuckDB treats it, and wider: ASCII space and controls, every Unicode space and
 * format character (DuckDB strips U+00A0, U+200B, U+3000, U+FEFF… before parsing). Reading a
 * character as a space where DuckDB reads a letter only ever splits words, so it can only make
 * the guard stricter.
 */
const SPACE = /[\s\p{Z}\p{Cf}\p{Cc}]/u;
/** Identifier start (PostgreSQL: letters, underscore, any non-ASCII) and continuation (+ digits, $). */
const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_CONT = /[A-Za-z_0-9$\u0080-\uffff]/;
const DIGIT = /[0-9]/;

function isSpace(ch: string): boolean {
	return SPACE.test(ch) && ch !== '\0';
}

export function tokenize(sql: string): Token[] {
	const tokens: Token[] = [];
	const n = sql.length;
	let i = 0;

	const push = (kind: TokenKind, start: number, end: number, value: string) =>
		tokens.push({ kind, text: sql.slice(start, end), value, start, end });

	/** A '…' string from the opening quote at `q`; doubled quotes are one quote. */
	const quoted = (q: number, quote: "'" | '"', code: 'unterminated-string' | 'unterminated-identifier') => {
		let value = '';
		let j = q + 1;
		for (;;) {
			const k = sql.indexOf(quote, j);
			if (k < 0) throw new SqlTokenError(code, q, code === 'unterminated-string' ? 'A string is not closed.' : 'A quoted name is not closed.');
			value += sql.slice(j, k);
			if (sql[k + 1] === quote) {
				value += quote;
				j = k + 2;
				continue;
			}
			return { value, end: k + 1 };
		}
	};

	while (i < n) {
		const ch = sql[i];
		if (ch === '\0') throw new SqlTokenError('nul', i, 'The text holds a NUL character.');
		if (isSpace(ch)) {
			i++;
			continue;
		}
		// -- comment to the end of the line
		if (ch === '-' && sql[i + 1] === '-') {
			while (i < n && sql[i] !== '\n' && sql[i] !== '\r') i++;
			continue;
		}
		// /* comment */ — DuckDB nests them; we refuse nesting rather than rely on it.
		if (ch === '/' && sql[i + 1] === '*') {
			const start = i;
			let j = i + 2;
			for (;;) {
				if (j >= n) throw new SqlTokenError('unterminated-comment', start, 'A /* comment */ is not closed.');
				if (sql[j] === '/' && sql[j + 1] === '*') {
					throw new SqlTokenError('nested-comment', j, 'Comments inside comments are not accepted.');
				}
				if (sql[j] === '*' && sql[j + 1] === '/') break;
				j++;
			}
			i = j + 2;
			continue;
		}
		if (ch === "'") {
			const s = quoted(i, "'", 'unterminated-string');
			push('string', i, s.end, s.value);
			i = s.end;
			continue;
		}
		if (ch === '"') {
			const s = quoted(i, '"', 'unterminated-identifier');
			push('quoted', i, s.end, s.value);
			i = s.end;
			continue;
		}
		if (ch === '$') {
			// $tag$ … $tag$ or $$ … $$ (dollar quoting); anything else after $ is a parameter.
			const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 200));
			if (!m) throw new SqlTokenError('parameter', i, 'Parameters ($1, $name) are not accepted.');
			const delimiter = m[0];
			const close = sql.indexOf(delimiter, i + delimiter.length);
			if (close < 0) throw new SqlTokenError('unterminated-string', i, 'A $$ string is not closed.');
			push('string', i, close + delimiter.length, sql.slice(i + delimiter.length, close));
			i = close + delimiter.length;
			continue;
		}
		if (ch === '?') throw new SqlTokenError('parameter', i, 'Parameters (?) are not accepted.');
		if (IDENT_START.test(ch)) {
			let j = i + 1;
			while (j < n && IDENT_CONT.test(sql[j]) && !isSpace(sql[j])) j++;
			const word = sql.slice(i, j);
			// A one-letter prefix glued to a quote is a string prefix (the scanner's longest match).
			if (word.length === 1 && sql[j] === "'") {
				const prefix = word.toLowerCase();
				if (prefix === 'e') {
					const s = quoted(j, "'", 'unterminated-string');
					if (s.value.includes('\\')) {
						throw new SqlTokenError('escape-string', i, "Escape strings with backslashes (E'…\\…') are not accepted.");
					}
					push('string', i, s.end, s.value);
					i = s.end;
					continue;
				}
				if (prefix === 'x' || prefix === 'b' || prefix === 'n') {
					const s = quoted(j, "'", 'unterminated-string');
					push('string', i, s.end, s.value);
					i = s.end;
					continue;
				}
			}
			if (word.length === 1 && (word === 'u' || word === 'U') && sql[j] === '&' && (sql[j + 1] === "'" || sql[j + 1] === '"')) {
				throw new SqlTokenError('unicode-escape', i, "Unicode escapes (U&'…') are not accepted.");
			}
			push('word', i, j, word);
			i = j;
			continue;
		}
		if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(sql[i + 1] ?? ''))) {
			let j = i + 1;
			while (j < n && /[0-9A-Za-z_.]/.test(sql[j])) {
				// An exponent sign: 1e-5
				if ((sql[j] === 'e' || sql[j] === 'E') && (sql[j + 1] === '+' || sql[j + 1] === '-')) j++;
				j++;
			}
			push('number', i, j, sql.slice(i, j));
			i = j;
			continue;
		}
		// Any other character is a symbol on its own; multi-character operators do not matter here.
		const width = (sql.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
		push('symbol', i, i + width, sql.slice(i, i + width));
		i += width;
	}
	return tokens;
}
