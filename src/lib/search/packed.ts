/**
 * The search file (/content/search.json, written at build time): the passages the index holds,
 * already cut (passages.ts), with the programmes that label hits. The browser's search worker
 * fetches and parses it itself and only folds the text, so neither the page nor the worker cuts
 * 10 000 answers at load, and the page's main thread never parses or copies it.
 *
 * Columns, not one object per passage (fewer bytes to parse); `unpackPassages(packSearch(…))`
 * gives exactly the passages `splitAnswer` makes (tests/unit/content-static.test.ts).
 */
import type { SearchProgrammeRow } from '$lib/db/queries/search';
import { splitAnswer, type Passage, type SearchableAnswer } from './passages';

/** What the page needs of a programme to label and link its hits: the `searchProgrammes` SQL's rows. */
export type SearchFileProgramme = SearchProgrammeRow;

/** Bumped when the layout changes (a worker from an older page must not misread a newer file). */
export const SEARCH_FILE_FORMAT = 1;

export interface SearchFile<P extends SearchFileProgramme = SearchFileProgramme> {
	format: typeof SEARCH_FILE_FORMAT;
	programmes: P[];
	/** Distinct programme ids, keys and sections the passages point into. */
	ids: string[];
	keys: string[];
	sections: (string | null)[];
	/** One entry per passage, in index order. */
	passages: {
		id: number[];
		key: number[];
		section: number[];
		start: number[];
		end: number[];
		/** 1: text before the passage in its answer; 2: text after it. */
		flags: number[];
		text: string[];
	};
}

/** The answers' passages (empty answers give none), in order. */
export function answerPassages(answers: Iterable<SearchableAnswer>): Passage[] {
	const out: Passage[] = [];
	for (const answer of answers) {
		if (!answer.text || !answer.text.trim()) continue;
		for (const p of splitAnswer(answer)) out.push(p);
	}
	return out;
}

/** Answers (as the `searchAnswers` SQL returns them) and programmes → the search file. */
export function packSearch<P extends SearchFileProgramme>(
	answers: readonly { programme_id: string; key: string; section: string | null; text: string }[],
	programmes: P[]
): SearchFile<P> {
	const synthetic = new Map(programmes.map((p) => [p.programme_id, p.is_synthetic]));
	const passages = answerPassages(
		answers.map((a) => ({ programmeId: a.programme_id, key: a.key, section: a.section, text: a.text, synthetic: synthetic.get(a.programme_id) ?? false }))
	);
	const table = <T>() => {
		const values: T[] = [];
		const at = new Map<T, number>();
		return {
			values,
			of(v: T): number {
				let i = at.get(v);
				if (i === undefined) {
					i = values.length;
					values.push(v);
					at.set(v, i);
				}
				return i;
			}
		};
	};
	const ids = table<string>();
	const keys = table<string>();
	const sections = table<string | null>();
	const cols: SearchFile['passages'] = { id: [], key: [], section: [], start: [], end: [], flags: [], text: [] };
	for (const p of passages) {
		cols.id.push(ids.of(p.programmeId));
		cols.key.push(keys.of(p.key));
		cols.section.push(sections.of(p.section));
		cols.start.push(p.start);
		cols.end.push(p.end);
		cols.flags.push((p.before ? 1 : 0) | (p.after ? 2 : 0));
		cols.text.push(p.text);
	}
	return { format: SEARCH_FILE_FORMAT, programmes, ids: ids.values, keys: keys.values, sections: sections.values, passages: cols };
}

/** The search file → its passages (a passage is synthetic when its programme is). */
export function unpackPassages(file: SearchFile): Passage[] {
	if (file?.format !== SEARCH_FILE_FORMAT) throw new Error(`The search file has format ${JSON.stringify(file?.format)}, not ${SEARCH_FILE_FORMAT}: reload the page.`);
	const synthetic = new Set(file.programmes.filter((p) => p.is_synthetic).map((p) => p.programme_id));
	const c = file.passages;
	const out: Passage[] = new Array(c.text.length);
	for (let i = 0; i < c.text.length; i++) {
		const programmeId = file.ids[c.id[i]];
		out[i] = {
			programmeId,
			key: file.keys[c.key[i]],
			section: file.sections[c.section[i]],
			start: c.start[i],
			end: c.end[i],
			text: c.text[i],
			before: (c.flags[i] & 1) !== 0,
			after: (c.flags[i] & 2) !== 0,
			synthetic: synthetic.has(programmeId)
		};
	}
	return out;
}
