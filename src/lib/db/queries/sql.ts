/** Small SQL-building helpers the query modules share (not part of the public API). */
import type { Param } from '../types';

/** `column IN (?, ?, …)`, pushing the values onto `params`. */
export function inList(column: string, values: readonly string[], params: Param[]): string {
	params.push(...values);
	return `${column} IN (${values.map(() => '?').join(', ')})`;
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
