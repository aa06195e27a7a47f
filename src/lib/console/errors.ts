/**
 * DuckDB's error for a console query → what went wrong, as data the page words in the UI
 * language. DuckDB-WASM reports errors as JSON (`{"exception_type":"Parser",
 * "exception_message":"syntax error at or near \"FORM\"","position":"9",…}`), the native
 * DuckDB as text ("Parser Error: syntax error at or near …\n\nLINE 1: …"); both are read.
 * Pure (no DOM).
 */

export type QueryProblem =
	/** A syntax error; `near` is the word DuckDB stopped at (null: the query ended too soon). */
	| { kind: 'syntax'; near: string | null; position: number | null }
	| { kind: 'no-column'; name: string; candidates: string[] }
	| { kind: 'no-table'; name: string }
	| { kind: 'no-function'; name: string }
	/** Anything else: DuckDB's own message, one line, without the echoed query. */
	| { kind: 'other'; message: string };

interface Parsed {
	type: string;
	message: string;
	position: number | null;
}

function parse(error: unknown): Parsed {
	const raw = (error instanceof Error ? error.message : String(error)).replace(/^Error:\s*/, '').trim();
	if (raw.startsWith('{')) {
		try {
			const j = JSON.parse(raw) as Record<string, unknown>;
			if (typeof j.exception_message === 'string') {
				const position = Number(j.position);
				return {
					type: String(j.exception_type ?? ''),
					message: j.exception_message,
					position: Number.isFinite(position) && j.position !== undefined ? position : null
				};
			}
		} catch {
			// not JSON after all: read as text
		}
	}
	const m = /^(\w+) Error:\s*([\s\S]*)$/.exec(raw);
	return { type: m ? m[1] : '', message: m ? m[2] : raw, position: null };
}

/** The message without DuckDB's echo of the query and its caret line. */
function firstPart(message: string): string {
	return message.split(/\n\s*\n?LINE \d+:/)[0].trim();
}

/** DuckDB's message on one line, "<Type> Error: …", without the echoed query, from JSON or text. */
export function plainMessage(error: unknown): string {
	const { type, message } = parse(error);
	const text = firstPart(message).replace(/\s+/g, ' ').trim();
	return type ? `${type} Error: ${text}` : text;
}

export function queryProblem(error: unknown): QueryProblem {
	const { type, message, position } = parse(error);
	const text = firstPart(message);
	const type_ = type.toLowerCase();
	if (type_ === 'parser' || /^syntax error/i.test(text)) {
		const near = /syntax error at or near "((?:[^"]|"")*)"/i.exec(text);
		if (near) return { kind: 'syntax', near: near[1], position: position === null ? null : position + 1 };
		if (/syntax error at end of input/i.test(text)) return { kind: 'syntax', near: null, position: null };
	}
	const column = /Referenced column "((?:[^"]|"")*)" not found/i.exec(text);
	if (column) {
		const cand = /Candidate bindings:\s*(.*)/i.exec(text);
		const candidates = cand ? [...cand[1].matchAll(/"((?:[^"]|"")*)"/g)].map((x) => x[1]).slice(0, 5) : [];
		return { kind: 'no-column', name: column[1], candidates };
	}
	const table = /Table with name (\S+?) does not exist/i.exec(text);
	if (table) return { kind: 'no-table', name: table[1] };
	const fn = /Function with name (\S+?) does not exist/i.exec(text);
	if (fn) return { kind: 'no-function', name: fn[1] };
	return { kind: 'other', message: text.replace(/\s+/g, ' ').trim() || String(error) };
}
