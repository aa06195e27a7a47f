/**
 * Rows that keep their identity while their values stay the same. A filter change rebuilds every
 * row object of a table (the language map's ~300 municipalities, most of them unchanged); a table
 * keyed by position re-renders a row only when its object changes, so handing it the earlier object
 * for an equal row saves re-running every cell of it.
 */

/** Every own value is the same (===), and so are the keys. */
function sameValues(a: object, b: object): boolean {
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k] || !(k in b)) return false;
	return true;
}

/**
 * `next`, with each row that has the same values as the row at its position in `previous` replaced by
 * that earlier object (`next` itself when every row is new or `previous` is empty).
 */
export function keepEqualRows<R extends object>(previous: readonly R[], next: readonly R[]): R[] {
	if (!previous.length || previous === next) return next as R[];
	let kept = 0;
	const out = next.map((r, i) => {
		const p = previous[i];
		if (p !== undefined && p !== r && sameValues(p, r)) {
			kept++;
			return p;
		}
		return r;
	});
	return kept ? out : (next as R[]);
}
