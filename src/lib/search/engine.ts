/**
 * Full-text search over every answer: one Fuse.js index over passages, built once.
 *
 * Fuzzy per word (a misspelt "ukrainn" finds "Ukrainan"), every word of the query must match
 * within one passage, and a passage holding the words as a phrase ranks above one that has them
 * apart. Isomorphic: runs in a Web Worker, on the main thread, and in Node tests.
 */
import Fuse, { type Expression, type FuseResult, type IFuseOptions } from 'fuse.js';
import { foldQuery, foldText, unfoldRange, type FoldedText } from './fold';
import { splitAnswer, type Passage, type SearchableAnswer } from './passages';
import { expandToWords, normalizeRanges, type Range } from './highlight';

/**
 * Fuse options. `threshold` 0.25 allows one typo in words of 4–7 letters ("ukrainn" is one edit
 * from "ukrainan"), two from 8 letters on; words of 3 letters or fewer must match exactly. At 0.3
 * "loimaan" also matched "voidaan".
 */
export const FUSE_OPTIONS: IFuseOptions<IndexedPassage> = {
	keys: ['f'],
	ignoreLocation: true,
	ignoreDiacritics: true,
	includeMatches: true,
	includeScore: true,
	threshold: 0.25,
	minMatchCharLength: 2,
	// Passages are already bounded in length; Fuse's field-length norm would rank a near-exact
	// match in a long passage below a sloppy one in a short passage.
	ignoreFieldNorm: true,
	shouldSort: true
};

/** Longest query we read, and most words we match (keeps a pasted paragraph from stalling). */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 8;
export const DEFAULT_LIMIT = 200;

interface IndexedPassage {
	/** The passage text, folded (see fold.ts). */
	f: string;
}

export interface SearchHit {
	passage: Passage;
	/** 0 is a perfect match, 1 no match (Fuse's scale). */
	score: number;
	/** Highlight ranges [start, end) in passage.text (add passage.start for answer offsets). */
	ranges: Range[];
	/** The passage holds the query's words as a phrase. */
	phrase: boolean;
}

export interface SearchOptions {
	/** Only programmes in this set (the filter bar's programmes); null or absent: all. */
	programmeIds?: ReadonlySet<string> | readonly string[] | null;
	/** Most hits returned (best first); `total` still counts all. */
	limit?: number;
}

export interface SearchResult {
	query: string;
	/** The words matched, folded. Empty when the query has no searchable words. */
	terms: string[];
	hits: SearchHit[];
	/** Number of matching passages before the limit. */
	total: number;
}

/** Splits a query into folded words; punctuation around words is dropped, inner hyphens kept. */
export function queryTerms(query: string): string[] {
	const folded = foldQuery(query.slice(0, MAX_QUERY_LENGTH));
	const terms: string[] = [];
	for (const raw of folded.split(/\s+/)) {
		const term = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
		if (term && !terms.includes(term)) terms.push(term);
		if (terms.length === MAX_TERMS) break;
	}
	return terms;
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * For a query of several words, Fuse multiplies the words' scores, so one exact word hides how
 * badly another matched. We rank by the mean of each word's own best score in the passage.
 */
function meanTermScore(terms: readonly string[], foldedText: string): number {
	let sum = 0;
	for (const term of terms) sum += Fuse.match(term, foldedText, FUSE_OPTIONS).score;
	return sum / terms.length;
}

export class SearchIndex {
	readonly passages: readonly Passage[];
	private readonly folds: readonly FoldedText[];
	private readonly fuse: Fuse<IndexedPassage>;

	private constructor(passages: Passage[], folds: FoldedText[]) {
		this.passages = passages;
		this.folds = folds;
		const docs = folds.map((f) => ({ f: f.text }));
		this.fuse = new Fuse(docs, FUSE_OPTIONS, Fuse.createIndex(FUSE_OPTIONS.keys!, docs));
	}

	/** Splits every answer into passages and indexes them. Empty answers are skipped. */
	static build(answers: Iterable<SearchableAnswer>): SearchIndex {
		const passages: Passage[] = [];
		const folds: FoldedText[] = [];
		for (const answer of answers) {
			if (!answer.text || !answer.text.trim()) continue;
			for (const p of splitAnswer(answer)) {
				passages.push(p);
				folds.push(foldText(p.text));
			}
		}
		return new SearchIndex(passages, folds);
	}

	get size(): number {
		return this.passages.length;
	}

	search(query: string, options: SearchOptions = {}): SearchResult {
		const terms = queryTerms(query);
		if (terms.length === 0) return { query, terms, hits: [], total: 0 };
		const allowed = options.programmeIds == null ? null : new Set(options.programmeIds);
		const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);

		const expression: string | Expression =
			terms.length === 1 ? terms[0] : { $and: terms.map((t) => ({ f: t })) };
		const results: FuseResult<IndexedPassage>[] = this.fuse.search(expression);
		const phrase = terms.length > 1 ? new RegExp(terms.map(escapeRegExp).join('[\\s\\-–—/]+'), 'g') : null;

		const hits: SearchHit[] = [];
		for (const r of results) {
			const passage = this.passages[r.refIndex];
			if (allowed && !allowed.has(passage.programmeId)) continue;
			const fold = this.folds[r.refIndex];
			const folded: Range[] = [];
			for (const m of r.matches ?? []) for (const [a, b] of m.indices) folded.push([a, b + 1]);
			let isPhrase = false;
			if (phrase) {
				phrase.lastIndex = 0;
				for (let m = phrase.exec(fold.text); m; m = phrase.exec(fold.text)) {
					isPhrase = true;
					folded.push([m.index, m.index + m[0].length]);
				}
			}
			const ranges = normalizeRanges(
				passage.text,
				expandToWords(
					passage.text,
					folded.map(([a, b]) => unfoldRange(fold, a, b))
				)
			);
			hits.push({ passage, score: terms.length === 1 ? (r.score ?? 1) : meanTermScore(terms, fold.text), ranges, phrase: isPhrase });
		}
		// Passages holding the words as a phrase first, then by score. The sort is stable: equal
		// scores keep index order (programme, then form order).
		hits.sort((a, b) => Number(b.phrase) - Number(a.phrase) || a.score - b.score);
		return { query, terms, hits: hits.slice(0, limit), total: hits.length };
	}
}

export interface ProgrammeHits {
	programmeId: string;
	/** Best (lowest) score among its hits. */
	score: number;
	/** Hits shown, best first, at most `perProgramme`. */
	hits: SearchHit[];
	/** Hits of this programme not shown. */
	more: number;
}

/** Groups hits by programme; programmes ordered by their best hit, hits within by score. */
export function groupByProgramme(hits: readonly SearchHit[], perProgramme = 5): ProgrammeHits[] {
	const groups = new Map<string, ProgrammeHits>();
	for (const hit of hits) {
		const id = hit.passage.programmeId;
		let g = groups.get(id);
		if (!g) {
			g = { programmeId: id, score: hit.score, hits: [], more: 0 };
			groups.set(id, g);
		}
		if (g.hits.length < perProgramme) g.hits.push(hit);
		else g.more++;
	}
	return [...groups.values()].sort((a, b) => a.score - b.score);
}
