/**
 * What changed between two versions of a programme, part by part, word by word (the word diff
 * itself is ../programme/word-diff.ts, which the dataset's change records use too).
 */
import { ALL_FIELDS } from '../programme/form-tem-2024';
import type { Programme } from '../programme/types';
import { countWords, wordDiff, type DiffOp } from '../programme/word-diff';

export { tokenize, wordDiff, type DiffOp } from '../programme/word-diff';

export interface PartChange {
	key: string;
	status: 'unchanged' | 'changed' | 'added' | 'removed';
	ops: DiffOp[];
	/** Words added and removed. */
	added: number;
	removed: number;
}

/** Every part of the form either version has, in form order, with its word diff. */
export function programmeDiff(before: Pick<Programme, 'answers'>, after: Pick<Programme, 'answers'>): PartChange[] {
	const a = new Map(before.answers.map((x) => [x.key, x.text]));
	const b = new Map(after.answers.map((x) => [x.key, x.text]));
	const out: PartChange[] = [];
	for (const { key } of ALL_FIELDS) {
		const x = a.get(key);
		const y = b.get(key);
		const xs = x?.trim() ? x : undefined;
		const ys = y?.trim() ? y : undefined;
		if (xs === undefined && ys === undefined) continue;
		const ops = wordDiff(xs ?? '', ys ?? '');
		const added = countWords(ops, 'added');
		const removed = countWords(ops, 'removed');
		const status = xs === undefined ? 'added' : ys === undefined ? 'removed' : added + removed === 0 && xs === ys ? 'unchanged' : 'changed';
		out.push({ key, status: status === 'unchanged' && xs !== ys ? 'changed' : status, ops, added, removed });
	}
	return out;
}
