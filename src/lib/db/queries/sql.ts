/** Small SQL-building helpers the query modules share (not part of the public API). */
import type { Param } from '../types';

/** What separates the values of a filter list in its one parameter (never in a code or vocabulary token). */
const LIST_SEPARATOR = ',';

/**
 * A list of values as ONE parameter (`'01,02'`), split in SQL: `string_split(?, ',')`, the value
 * pushed onto `params`. The statement's text is then the same for any number of values, so the
 * browser runs a filter change with the statement it prepared before (../browser.ts `wasmRunner`);
 * DuckDB-WASM binds no list parameters. The values are codes and vocabulary tokens; one holding the
 * separator is refused.
 */
export function listParam(values: readonly string[], params: Param[]): string {
	for (const v of values) if (v.includes(LIST_SEPARATOR)) throw new Error(`filter value "${v}" contains "${LIST_SEPARATOR}"`);
	params.push(values.join(LIST_SEPARATOR));
	return `string_split(?, '${LIST_SEPARATOR}')`;
}

/** `column` is one of the values (one parameter, see `listParam`; no subquery, so it also works inside a lambda). */
export function inList(column: string, values: readonly string[], params: Param[]): string {
	return `list_contains(${listParam(values, params)}, ${column})`;
}

export function assertLimit(n: number): number {
	if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`bad LIMIT ${n}`);
	return n;
}

/** A SQL list literal of vocabulary values (identifiers from the dataset contract, never user input). */
export const sqlList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** A 3-digit municipality code, or an error (codes reach SQL only as bound parameters, but garbage is refused early). */
export function assertCodes(codes: readonly string[], what: string): string[] {
	for (const c of codes) if (!/^\d{3}$/.test(c)) throw new Error(`${what}: bad municipality code "${c}"`);
	return [...codes];
}
