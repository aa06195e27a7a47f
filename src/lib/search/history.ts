/**
 * When the search field's text goes to the URL, as the user types (after a pause), does it
 * replace the current history entry or add one?
 *
 * An edit of the same query (typing on, deleting back, fixing a letter) replaces the entry: a
 * history step per keystroke helps no one. A different query gets its own entry, so Back returns
 * to the query before it. Decided by the text alone, not by timing: how long the user paused
 * before pressing Enter must not change what Back does (a slow Enter used to find the entry
 * already replaced, and Back left the page).
 */
export function isEditOf(previous: string, next: string): boolean {
	const a = fold(previous);
	const b = fold(next);
	if (a === '' || b === '') return true;
	let common = 0;
	while (common < a.length && common < b.length && a[common] === b[common]) common++;
	// Half of the shorter text kept from the start: still the same query being written.
	return common * 2 >= Math.min(a.length, b.length);
}

function fold(s: string): string {
	return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}
