/**
 * A municipality's programme history and its changes as the profile shows them: the consecutive
 * pairs of versions (newest first), the change records of each pair, and the stored word diff
 * made readable (long unchanged runs shortened around the changes). Pure functions; the
 * components add the words.
 */
import type { HistoryVersion, ProgrammeChange } from '$lib/db/queries';
import { parseStoredDiff } from '$lib/dataset/changes';

export interface VersionPair {
	/** `<from 12 hex>..<to 12 hex>`: the page's URL parameter `pair`. */
	key: string;
	from: HistoryVersion;
	to: HistoryVersion;
}

export const PAIR_PARAM = 'pair';

export const pairKey = (from: string, to: string) => `${from.slice(0, 12)}..${to.slice(0, 12)}`;

/** Every (previous, version) pair of the history, newest version first (real before synthetic). */
export function versionPairs(history: readonly HistoryVersion[]): VersionPair[] {
	const byId = new Map(history.map((v) => [v.programme_id, v]));
	const out: VersionPair[] = [];
	for (const to of history) {
		for (const prev of to.previous_programme_ids) {
			const from = byId.get(prev);
			if (from) out.push({ key: pairKey(from.programme_id, to.programme_id), from, to });
		}
	}
	return out.sort(
		(a, b) => Number(a.to.is_synthetic) - Number(b.to.is_synthetic) || (b.to.version ?? 0) - (a.to.version ?? 0) || (a.key < b.key ? -1 : 1)
	);
}

/** The pair the URL names, else the newest. */
export function chosenPair(pairs: readonly VersionPair[], param: string | null): VersionPair | null {
	return pairs.find((p) => p.key === param) ?? pairs[0] ?? null;
}

export function changesOf(changes: readonly ProgrammeChange[], pair: VersionPair | null): ProgrammeChange[] {
	if (!pair) return [];
	return changes.filter((c) => c.from_programme_id === pair.from.programme_id && c.to_programme_id === pair.to.programme_id);
}

export type ShownOp = { op: 'same' | 'added' | 'removed'; text: string; elided?: boolean };

/**
 * The stored diff for reading: unchanged runs longer than `max` characters keep `keep`
 * characters next to each change (on word boundaries) and show the rest as one elision.
 */
export function readableDiff(diff: string | null, max = 360, keep = 140): ShownOp[] {
	const ops = parseStoredDiff(diff);
	const out: ShownOp[] = [];
	ops.forEach((o, i) => {
		if (o.op !== 'same' || o.text.length <= max) {
			out.push(o);
			return;
		}
		const first = i === 0;
		const last = i === ops.length - 1;
		const head = first ? '' : cutAfter(o.text, keep);
		const tail = last ? '' : cutBefore(o.text, keep);
		if (head) out.push({ op: 'same', text: head });
		out.push({ op: 'same', text: ' … ', elided: true });
		if (tail) out.push({ op: 'same', text: tail });
	});
	return out;
}

/** The first ~n characters, ending at a space. */
function cutAfter(text: string, n: number): string {
	const at = text.lastIndexOf(' ', n);
	return text.slice(0, at > 0 ? at : n);
}

/** The last ~n characters, starting after a space. */
function cutBefore(text: string, n: number): string {
	const at = text.indexOf(' ', text.length - n);
	return text.slice(at >= 0 ? at + 1 : text.length - n);
}
