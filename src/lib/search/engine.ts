/**
 * Full-text search over every answer: Fuse.js over passages (the answers cut into pieces).
 *
 * Fuzzy per word (a misspelt "ukrainn" finds "Ukrainan"), every word of the query must match
 * within one passage, and a passage holding the words as a phrase ranks above one that has them
 * apart; on equal terms a real programme ranks before a synthetic one. A result is the best
 * programmes, each with its best passages, and counts of everything that matched.
 * The matching is Fuse's; to answer a keystroke in a few milliseconds the engine gets Fuse's
 * verdict and score for most passages from the typos a word needs (approx.ts, distanceMatches)
 * and runs Fuse for the hits returned (tests/unit/search-equivalence.test.ts: same results).
 * Isomorphic: runs in a Web Worker, on the main thread, and in Node tests.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { foldQuery, foldText, unfoldRange, type FoldedText } from './fold';
import type { Passage, SearchableAnswer } from './passages';
import { answerPassages } from './packed';
import { expandToWords, normalizeRanges, type Range } from './highlight';
import { approxPattern, MAX_PATTERN, nearPiecesDistance, type Piece } from './approx';

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
export const MIN_TERM_LENGTH = 2;
/** A query is searched once one of its words has this many characters: two letters match thousands of passages. */
export const MIN_QUERY_CHARS = 3;
/** Programmes returned per query, and hits shown per programme (the rest are counted). */
export const DEFAULT_LIMIT = 100;
export const DEFAULT_PER_PROGRAMME = 3;

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
	/** Most programmes returned (best first); `total` and `programmes` still count all. */
	limit?: number;
	/** Most hits returned per programme (its best); `matches` counts all of them. */
	perProgramme?: number;
}

export interface SearchResult {
	query: string;
	/** The words matched, folded. Empty when the query has no searchable words. */
	terms: string[];
	hits: SearchHit[];
	/** Number of matching passages before the limits. */
	total: number;
	/** Number of distinct programmes among all matching passages (before the limits). */
	programmes: number;
	/** For each programme returned: how many of its passages match (hits returned or not). */
	matches: Record<string, number>;
	/**
	 * Of `total`, the passages holding every word as written (at the start of a word: "ukrai" in
	 * "Ukrainan"); they rank first, the rest are approximate (a typo away). Typing more letters
	 * only narrows this set, so the first results stay put as you type.
	 */
	exact: number;
}

/** Splits a query into folded words of 2+ characters; punctuation around words is dropped, inner hyphens kept. */
export function queryTerms(query: string): string[] {
	const folded = foldQuery(query.slice(0, MAX_QUERY_LENGTH));
	const terms: string[] = [];
	for (const raw of folded.split(/\s+/)) {
		const term = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
		// A single letter matches nearly everything and says nothing.
		if (term.length >= MIN_TERM_LENGTH && !terms.includes(term)) terms.push(term);
		if (terms.length === MAX_TERMS) break;
	}
	return terms;
}

/** True when the query has a word long enough to search (see MIN_QUERY_CHARS). */
export function searchable(query: string): boolean {
	return queryTerms(query).some((t) => t.length >= MIN_QUERY_CHARS);
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fuse's pattern limit: longer words are searched in 32-letter chunks, any of which may match. */
const FUSE_MAX_BITS = 32;

/**
 * The most typos Fuse accepts in a word of `length` letters: the last error level its bitap
 * reaches, with its own arithmetic (errors / length ≤ threshold, fewer errors than letters).
 */
export function allowedEdits(length: number, threshold = FUSE_OPTIONS.threshold ?? 0.25): number {
	let edits = 0;
	while (edits + 1 < length && (edits + 1) / length <= threshold) edits++;
	return edits;
}

/**
 * Pieces of a word at least one of which must occur verbatim in any text the word fuzzy-matches.
 * Fuse accepts a match with at most allowedEdits(length) edits; cut the word into one more piece
 * than that and some piece is untouched by every such alignment (pigeonhole). Checking the pieces
 * with `includes` is cheap, so the typo count only runs on passages that can match.
 * Null for words Fuse splits into chunks (no such guarantee there).
 */
export function requiredPieces(term: string, threshold = FUSE_OPTIONS.threshold ?? 0.25): string[] | null {
	return cutPieces(term, threshold)?.map((p) => p.text) ?? null;
}

/** requiredPieces with where each piece starts in the word. */
function cutPieces(term: string, threshold = FUSE_OPTIONS.threshold ?? 0.25): Piece[] | null {
	if (term.length > FUSE_MAX_BITS) return null;
	const count = Math.min(allowedEdits(term.length, threshold) + 1, term.length);
	const pieces: Piece[] = [];
	for (let k = 0; k < count; k++) {
		const offset = Math.floor((k * term.length) / count);
		pieces.push({ text: term.slice(offset, Math.floor(((k + 1) * term.length) / count)), offset });
	}
	return pieces;
}

interface TermMatch {
	score: number;
	/** The passage holds the word verbatim; undefined where Fuse matched it (not known). */
	verbatim?: boolean;
	/** Fuse's match positions; null until asked for (only the hits returned need them). */
	indices: readonly (readonly [number, number])[] | null;
}

/**
 * Fuse's score for a word of `length` letters that needs `edits` typos in a passage: its bitap
 * scores the fewest errors it matches with as errors / length, at least 0.001; a passage that is
 * the word itself scores 0, which Fuse's key weighting turns into Number.EPSILON.
 */
export function fuseScore(edits: number, length: number, whole: boolean): number {
	return whole ? Number.EPSILON : Math.max(0.001, edits / length);
}

type IndexRecords = ReturnType<FuseIndex<IndexedPassage>['toJSON']>;
type IndexRecord = IndexRecords['records'][number];

export class SearchIndex {
	readonly passages: readonly Passage[];
	private readonly folds: readonly FoldedText[];
	private readonly docs: readonly IndexedPassage[];
	/** Fuse's index keys; its records are made when a query needs them (recordsOf). */
	private readonly keys: IndexRecords['keys'];
	/** Every passage's Fuse record (record i is passage i), once a query needed most of them. */
	private allRecords: IndexRecord[] | null = null;
	private readonly fuse: Fuse<IndexedPassage>;

	/** Narrow Fuse's work to the passages that can match (off only to test that it changes nothing). */
	private readonly prefilter: boolean;

	private constructor(passages: Passage[], folds: FoldedText[], prefilter: boolean) {
		this.prefilter = prefilter;
		this.passages = passages;
		this.folds = folds;
		this.docs = folds.map((f) => ({ f: f.text }));
		this.keys = Fuse.createIndex<IndexedPassage>(FUSE_OPTIONS.keys!, []).toJSON().keys;
		this.fuse = new Fuse(this.docs, FUSE_OPTIONS, Fuse.parseIndex({ keys: this.keys, records: [] }));
	}

	/**
	 * Splits every answer into passages and indexes them. Empty answers are skipped.
	 * `prefilter: false` gives Fuse every passage (the plain search, the reference in tests).
	 */
	static build(answers: Iterable<SearchableAnswer>, options: { prefilter?: boolean } = {}): SearchIndex {
		return SearchIndex.fromPassages(answerPassages(answers), options);
	}

	/** Indexes passages already cut (the search file, packed.ts): the same index `build` makes from their answers. */
	static fromPassages(passages: Passage[], { prefilter = true }: { prefilter?: boolean } = {}): SearchIndex {
		return new SearchIndex(passages, passages.map((p) => foldText(p.text)), prefilter);
	}

	get size(): number {
		return this.passages.length;
	}

	/**
	 * Fuse's index records of some passages, as Fuse.createIndex makes them over all (a record is
	 * its passage's text and length norm, made from that passage alone): building them only for
	 * the passages a query needs spares every page load indexing 10 000 passages.
	 */
	private recordsOf(ids: readonly number[]): IndexRecord[] {
		if (!this.allRecords && ids.length > this.docs.length / 4) {
			// Object documents get one record each, in order: record i is passage i.
			this.allRecords = Fuse.createIndex(FUSE_OPTIONS.keys!, this.docs).toJSON().records;
		}
		if (this.allRecords) return ids.map((i) => this.allRecords![i]);
		return Fuse.createIndex(
			FUSE_OPTIONS.keys!,
			ids.map((i) => this.docs[i])
		)
			.toJSON()
			.records.map((r) => ({ ...r, i: ids[r.i] }));
	}

	/** Fuse over some of the passages (same options, same records as an index of all of them). */
	private searchRecords(term: string, ids: readonly number[]): Map<number, TermMatch> {
		this.fuse.setCollection(this.docs as IndexedPassage[], Fuse.parseIndex({ keys: this.keys, records: this.recordsOf(ids) }));
		const out = new Map<number, TermMatch>();
		for (const r of this.fuse.search(term)) {
			out.set(r.refIndex, { score: r.score ?? 1, indices: r.matches?.flatMap((m) => m.indices) ?? [] });
		}
		return out;
	}

	/**
	 * Which of `candidates` a word matches, and how well, as Fuse would say, without running Fuse
	 * over each: the typos it needs (approx.ts) give Fuse's verdict and score (fuseScore), for
	 * words Fuse does not cut into chunks. Why that is Fuse's answer, with FUSE_OPTIONS:
	 * - its bitap tries 0, 1, … errors up to allowedEdits and stops at the first level where the
	 *   word aligns somewhere; that is the least edit distance to a substring, scored errors/length;
	 * - it also needs two adjacent marked characters, which such an alignment always has when
	 *   errors ≤ length/4 and the word has 2+ letters (an exact piece of 2 letters survives);
	 * - its case and diacritic folding leaves our folded text as it is (fold.ts folds harder).
	 * The match positions (highlights) still come from Fuse, for the hits returned only; the tests
	 * compare whole results with plain Fuse over every passage.
	 */
	private distanceMatches(term: string, candidates: readonly number[]): Map<number, TermMatch> {
		const pattern = approxPattern(term);
		const edits = allowedEdits(term.length);
		// The typos are counted only near the pieces a match must hold (words of ≤ 32 letters have them).
		const pieces = cutPieces(term)!;
		const out = new Map<number, TermMatch>();
		for (const i of candidates) {
			const text = this.docs[i].f;
			const d = nearPiecesDistance(text, pattern, pieces, edits);
			if (d >= 0) out.set(i, { score: fuseScore(d, term.length, text === term), indices: null, verbatim: d === 0 });
		}
		return out;
	}

	/** Queries Fuse answered alone because it scored a hit returned unlike distanceMatches (tests expect none). */
	disagreements = 0;

	/**
	 * The last one-word query's word, its typo budget, the filter it ran in and every passage it
	 * matched. Typing adds letters: a word that holds an earlier word needs at least as many typos
	 * as that one in any text (drop the typed letters from the best match of the longer word, and
	 * what is left matches the shorter one with no more typos), so when its budget is no larger it
	 * can only match passages the earlier word matched, and only those are read.
	 */
	private typed: { term: string; edits: number; scope: string | null; matched: readonly number[] } | null = null;

	search(query: string, options: SearchOptions = {}): SearchResult {
		// Should Fuse ever score a hit returned differently, the query is answered by Fuse alone.
		const result = this.prefilter ? this.run(query, options, true) : null;
		if (result) return result;
		if (this.prefilter) this.disagreements++;
		return this.run(query, options, false)!;
	}

	/** The search; `byDistance`: words are matched by distanceMatches, else by Fuse. Null if they disagree. */
	private run(query: string, options: SearchOptions, byDistance: boolean): SearchResult | null {
		const terms = queryTerms(query);
		if (!searchable(query)) return { query, terms: [], hits: [], total: 0, programmes: 0, matches: {}, exact: 0 };
		const allowed = options.programmeIds == null ? null : new Set(options.programmeIds);
		const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
		const perProgramme = Math.max(1, options.perProgramme ?? DEFAULT_PER_PROGRAMME);

		// Passages in the filter that hold, for every word, one of its required pieces; only among
		// those an earlier word matched when a word of this query extends it (see `typed`).
		const pieces = terms.map((t) => (this.prefilter ? requiredPieces(t) : null));
		const scope = options.programmeIds == null ? null : [...options.programmeIds].join('\n');
		const typed = this.typed;
		const within = byDistance && typed && typed.scope === scope && terms.some((t) => t.length <= MAX_PATTERN && t.includes(typed.term) && allowedEdits(t.length) <= typed.edits) ? typed.matched : null;
		let candidates: number[] = [];
		for (let n = 0, end = within ? within.length : this.docs.length; n < end; n++) {
			const i = within ? within[n] : n;
			if (allowed && !allowed.has(this.passages[i].programmeId)) continue;
			const text = this.docs[i].f;
			if (pieces.every((p) => p === null || p.some((piece) => text.includes(piece)))) candidates.push(i);
		}

		// Every word must match (AND); each word's own score counts. (Fuse's $and multiplies the
		// scores, so one exact word would hide how badly another matched: we average instead.)
		const perTerm: Map<number, TermMatch>[] = [];
		for (const term of terms) {
			const matches = byDistance && term.length <= MAX_PATTERN ? this.distanceMatches(term, candidates) : this.searchRecords(term, candidates);
			perTerm.push(matches);
			candidates = candidates.filter((i) => matches.has(i));
			if (candidates.length === 0) break;
		}
		// A one-word query's matches, for the next query (all of them: the candidates were every passage that could match).
		if (byDistance && terms.length === 1 && terms[0].length <= MAX_PATTERN) {
			this.typed = { term: terms[0], edits: allowedEdits(terms[0].length), scope, matched: candidates };
		}
		const phrase = terms.length > 1 ? new RegExp(terms.map(escapeRegExp).join('[\\s\\-–—/]+'), 'g') : null;
		const asWritten = terms.map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}`, 'u'));

		// Score every match, then build highlights only for the hits returned.
		const scored = candidates.map((i) => {
			let score = 0;
			for (const matches of perTerm) score += matches.get(i)!.score;
			let isPhrase = false;
			if (phrase) {
				phrase.lastIndex = 0;
				isPhrase = phrase.test(this.folds[i].text);
			}
			// A word is as written only where the passage holds it verbatim (no regular expression needed where it does not).
			const exact = perTerm.every((m) => m.get(i)!.verbatim !== false) && asWritten.every((re) => re.test(this.folds[i].text));
			return { i, score: score / terms.length, phrase: isPhrase, exact, synthetic: this.passages[i].synthetic };
		});
		// Passages holding every word as written first (so the top stays put while a word is being
		// typed), then those holding the words as a phrase, then by score; on equal terms a real
		// programme before a synthetic one. Candidates are in index order and the sort is stable:
		// remaining ties stay in programme, then form order.
		scored.sort(
			(a, b) =>
				Number(b.exact) - Number(a.exact) ||
				Number(b.phrase) - Number(a.phrase) ||
				a.score - b.score ||
				Number(a.synthetic) - Number(b.synthetic)
		);

		// The best `limit` programmes, each with its best `perProgramme` passages.
		const matches: Record<string, number> = {};
		const kept: typeof scored = [];
		const all = new Set<string>();
		for (const h of scored) {
			const id = this.passages[h.i].programmeId;
			all.add(id);
			const seen = matches[id];
			if (seen === undefined) {
				if (all.size > limit) continue;
				matches[id] = 1;
				kept.push(h);
			} else {
				matches[id] = seen + 1;
				if (seen < perProgramme) kept.push(h);
			}
		}

		// Fuse's match positions for the hits returned (and its score, which must be the one used).
		const keptIds = kept.map((h) => h.i);
		for (let t = 0; t < terms.length && keptIds.length > 0; t++) {
			if (!kept.some((h) => perTerm[t].get(h.i)!.indices === null)) continue;
			const fuse = this.searchRecords(terms[t], keptIds);
			for (const h of kept) {
				const mine = perTerm[t].get(h.i)!;
				const theirs = fuse.get(h.i);
				if (!theirs || theirs.score !== mine.score) return null;
				mine.indices = theirs.indices;
			}
		}

		const hits: SearchHit[] = kept.map(({ i, score, phrase: isPhrase }) => {
			const passage = this.passages[i];
			const fold = this.folds[i];
			const folded: Range[] = [];
			for (const matches of perTerm) for (const [a, b] of matches.get(i)!.indices!) folded.push([a, b + 1]);
			if (phrase && isPhrase) {
				phrase.lastIndex = 0;
				for (let m = phrase.exec(fold.text); m; m = phrase.exec(fold.text)) folded.push([m.index, m.index + m[0].length]);
			}
			const ranges = normalizeRanges(
				passage.text,
				expandToWords(
					passage.text,
					folded.map(([a, b]) => unfoldRange(fold, a, b))
				)
			);
			return { passage, score, ranges, phrase: isPhrase };
		});
		return { query, terms, hits, total: scored.length, programmes: all.size, matches, exact: scored.filter((h) => h.exact).length };
	}
}

export interface ProgrammeHits {
	programmeId: string;
	/** Hits returned, best first. */
	hits: SearchHit[];
	/** Matching passages of this programme not returned. */
	more: number;
}

/** Groups a result's hits by programme, in rank order (a programme ranks by its best hit). */
export function groupByProgramme(result: Pick<SearchResult, 'hits' | 'matches'>): ProgrammeHits[] {
	const groups = new Map<string, ProgrammeHits>();
	for (const hit of result.hits) {
		const id = hit.passage.programmeId;
		let g = groups.get(id);
		if (!g) {
			g = { programmeId: id, hits: [], more: 0 };
			groups.set(id, g);
		}
		g.hits.push(hit);
	}
	for (const g of groups.values()) g.more = Math.max(0, (result.matches[g.programmeId] ?? g.hits.length) - g.hits.length);
	return [...groups.values()];
}

const sameRanges = (a: readonly Range[], b: readonly Range[]) => a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);

/**
 * Shows the same: the same passage (by its place in its answer) with the same marks. The score
 * and the phrase flag are not shown (the marks already include a phrase's), and a fuzzy hit's
 * score changes with every letter typed ("1 typo in 6 letters", then "in 7"): comparing them
 * made most hits look new on every keystroke.
 */
function sameHit(a: SearchHit, b: SearchHit): boolean {
	const p = a.passage;
	const q = b.passage;
	return p.programmeId === q.programmeId && p.key === q.key && p.start === q.start && p.end === q.end && p.text === q.text && p.before === q.before && p.after === q.after && sameRanges(a.ranges, b.ranges);
}

/**
 * For showing a result: `groups`, with each group (and each hit) that shows the same as one in
 * `previous` replaced by that older object, so a page's keyed list can tell by identity what did
 * not change between two results. A hit kept this way keeps its older score (nothing shown reads
 * it; the result's own hits have the new one).
 */
export function reuseGroups(groups: ProgrammeHits[], previous: ReadonlyMap<string, ProgrammeHits>): ProgrammeHits[] {
	return groups.map((g) => {
		const old = previous.get(g.programmeId);
		if (!old) return g;
		const hits = g.hits.map((h) => old.hits.find((o) => sameHit(o, h)) ?? h);
		if (old.more === g.more && old.hits.length === hits.length && hits.every((h, i) => h === old.hits[i])) return old;
		return { ...g, hits };
	});
}
