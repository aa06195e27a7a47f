import { beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex, groupByProgramme, queryTerms, requiredPieces, reuseGroups, searchable } from '../../src/lib/search/engine';
import { highlightSegments } from '../../src/lib/search/highlight';
import type { SearchableAnswer } from '../../src/lib/search/passages';
import { AURA_ID, HOSTILE_ID, OTHER_ID, auraAnswers, hostileAnswers, otherAnswers } from './search-fixtures';

let answers: SearchableAnswer[];
let index: SearchIndex;

beforeAll(() => {
	answers = [...auraAnswers(), ...otherAnswers(), ...hostileAnswers()];
	index = SearchIndex.build(answers);
});

function answerOf(programmeId: string, key: string): string {
	return answers.find((a) => a.programmeId === programmeId && a.key === key)!.text;
}

/** The highlighted strings of a hit, read back from the ANSWER text via the passage offsets. */
function highlighted(hit: ReturnType<SearchIndex['search']>['hits'][number]): string[] {
	const text = answerOf(hit.passage.programmeId, hit.passage.key);
	return hit.ranges.map(([s, e]) => text.slice(hit.passage.start + s, hit.passage.start + e));
}

describe('search over answers', () => {
	it('finds Aura by the misspelt "ukrainn", highlighting "Ukrainan" in s3.a2', () => {
		const result = index.search('ukrainn');
		const aura = result.hits.filter((h) => h.passage.programmeId === AURA_ID);
		expect(aura.length).toBeGreaterThan(0);
		const hit = aura.find((h) => h.passage.key === 's3.a2')!;
		expect(hit).toBeDefined();
		expect(highlighted(hit)).toEqual(['Ukrainan']);
		expect(answerOf(AURA_ID, 's3.a2')).toContain('Ukrainan kielellä');
	});

	it('finds Aura by "Loimaan maahanmuuttokoordinaattori", the phrase first (s6.a)', () => {
		const result = index.search('Loimaan maahanmuuttokoordinaattori');
		expect(result.terms).toEqual(['loimaan', 'maahanmuuttokoordinaattori']);
		expect(result.total).toBeGreaterThan(3);
		expect(new Set(result.hits.map((h) => h.passage.programmeId))).toEqual(new Set([AURA_ID]));
		const first = result.hits[0];
		expect(first.phrase).toBe(true);
		expect(first.passage.key).toBe('s6.a');
		expect(highlighted(first)).toEqual(['Loimaan maahanmuuttokoordinaattori']);
		// Every hit has both words (AND), highlighted where they are.
		for (const hit of result.hits) {
			const marks = highlighted(hit).join(' ').toLowerCase();
			expect(marks).toContain('loima');
			expect(marks).toContain('maahanmuuttokoordinaattori');
		}
	});

	it('ignores case and diacritics both ways', () => {
		const withoutDots = index.search('yhteistyosopimuksella');
		expect(withoutDots.hits.some((h) => highlighted(h).some((m) => m.startsWith('yhteistyösopimuksella')))).toBe(true);
		const plain = index.search('VENAJAKSI');
		expect(plain.hits.map((h) => h.passage.programmeId)).toContain(OTHER_ID);
		expect(highlighted(plain.hits.find((h) => h.passage.programmeId === OTHER_ID)!)).toEqual(['venäjäksi']);
	});

	it('restricts hits to the filtered programmes', () => {
		const all = index.search('ukraina');
		expect(new Set(all.hits.map((h) => h.passage.programmeId))).toEqual(new Set([AURA_ID, HOSTILE_ID]));
		const onlyAura = index.search('ukraina', { programmeIds: [AURA_ID] });
		expect(onlyAura.hits.length).toBeGreaterThan(0);
		expect(onlyAura.hits.every((h) => h.passage.programmeId === AURA_ID)).toBe(true);
		expect(index.search('ukraina', { programmeIds: new Set<string>() }).hits).toEqual([]);
	});

	it('keeps hostile markup in hits as plain text segments', () => {
		const result = index.search('ukraina', { programmeIds: [HOSTILE_ID] });
		expect(result.hits).toHaveLength(3);
		for (const hit of result.hits) {
			const segments = highlightSegments(hit.passage.text, hit.ranges);
			expect(segments.map((s) => s.text).join('')).toBe(hit.passage.text);
			expect(segments.filter((s) => s.hit).every((s) => !/[<>"]/.test(s.text))).toBe(true);
		}
	});

	it('returns the best programmes with their best hits, and counts everything', () => {
		const all = index.search('ukraina', { limit: 100_000, perProgramme: 100_000 });
		expect(all.hits).toHaveLength(all.total);
		const result = index.search('ukraina', { limit: 1, perProgramme: 2 });
		expect(result.total).toBe(all.total);
		expect(result.programmes).toBe(new Set(all.hits.map((h) => h.passage.programmeId)).size);
		expect(result.programmes).toBeGreaterThan(1);
		// The programme of the best hit, its two best hits, and how many it has in all.
		const best = all.hits[0].passage.programmeId;
		expect(result.hits).toEqual(all.hits.filter((h) => h.passage.programmeId === best).slice(0, 2));
		// And with room for more programmes, a programme with several hits gives two.
		const two = index.search('ukraina', { limit: 10, perProgramme: 2 });
		expect(two.hits.filter((h) => h.passage.programmeId === HOSTILE_ID)).toHaveLength(2);
		expect(two.matches[HOSTILE_ID]).toBe(3);
		expect(result.matches).toEqual({ [best]: all.hits.filter((h) => h.passage.programmeId === best).length });
		const scores = all.hits.filter((h) => !h.phrase).map((h) => h.score);
		expect([...scores].sort((a, b) => a - b)).toEqual(scores);
	});

	it('ranks a real programme before a synthetic one when they match equally well', () => {
		const text = 'Orientaatiota tarjotaan ukrainan kielellä.';
		const twins = SearchIndex.build([
			{ programmeId: 'synthetic-first', key: 's3.a2', section: '3', text, synthetic: true },
			{ programmeId: 'real-second', key: 's3.a2', section: '3', text, synthetic: false }
		]);
		const hits = twins.search('ukrainn').hits;
		expect(hits.map((h) => h.passage.programmeId)).toEqual(['real-second', 'synthetic-first']);
		expect(hits[0].score).toBe(hits[1].score);
		expect(hits.map((h) => h.passage.synthetic)).toEqual([false, true]);
	});

	it('returns nothing for empty, punctuation-only and unmatched queries', () => {
		expect(index.search('').hits).toEqual([]);
		expect(index.search('  -- !! ').terms).toEqual([]);
		expect(index.search('qwxzvb').total).toBe(0);
	});

	it('reads words out of a query: folded, deduplicated, punctuation trimmed, hyphens kept', () => {
		expect(queryTerms('  "TE-palvelut", Ukraina ukraina!  ')).toEqual(['te-palvelut', 'ukraina']);
		expect(queryTerms('aa bb cc dd ee ff gg hh ii jj')).toHaveLength(8);
		// Single letters say nothing and would match nearly every passage.
		expect(queryTerms('k ja')).toEqual(['ja']);
	});

	it('indexes no passage for empty answers', () => {
		expect(index.passages.some((p) => p.programmeId === OTHER_ID && (p.key === 's4.a1' || p.key === 's5.a1'))).toBe(false);
	});
});

describe('prefilter', () => {
	it('cuts a word into one more piece than the typos Fuse allows', () => {
		expect(requiredPieces('ukrainn')).toEqual(['ukr', 'ainn']);
		expect(requiredPieces('ja')).toEqual(['ja']);
		expect(requiredPieces('kansalaisopisto')).toEqual(['kan', 'sala', 'isop', 'isto']);
		expect(requiredPieces('x'.repeat(33))).toBeNull();
	});

	it('never drops a passage Fuse would match (same hits as Fuse over every passage)', async () => {
		const { default: Fuse } = await import('fuse.js');
		const { FUSE_OPTIONS } = await import('../../src/lib/search/engine');
		const { foldText } = await import('../../src/lib/search/fold');
		const docs = index.passages.map((p) => ({ f: foldText(p.text).text }));
		const plain = new Fuse(docs, FUSE_OPTIONS);
		for (const word of ['ukrainn', 'kansalaisopisto', 'loimaan', 'sosiaaliohjaja', 'palvelut', 'kieli', 'tyo', 'yhteistyosopimus']) {
			const expected = plain.search(word).map((r) => r.refIndex).sort((a, b) => a - b);
			const got = index
				.search(word, { limit: 100_000, perProgramme: 100_000 })
				.hits.map((h) => index.passages.indexOf(h.passage))
				.sort((a, b) => a - b);
			expect(got, word).toEqual(expected);
		}
	});
});

describe('grouping by programme', () => {
	it('keeps rank order and counts the hits not returned', () => {
		const all = index.search('ukraina', { perProgramme: 100 });
		const result = index.search('ukraina', { perProgramme: 1 });
		const groups = groupByProgramme(result);
		expect(groups.map((g) => g.programmeId).sort()).toEqual([AURA_ID, HOSTILE_ID].sort());
		expect(groups.map((g) => g.programmeId)).toEqual([...new Set(all.hits.map((h) => h.passage.programmeId))]);
		for (const g of groups) {
			expect(g.hits).toHaveLength(1);
			expect(g.hits.length + g.more).toBe(all.hits.filter((h) => h.passage.programmeId === g.programmeId).length);
		}
		expect(groups.some((g) => g.more > 0)).toBe(true);
	});
});

describe('as you type', () => {
	it('waits for a word of 3 characters', () => {
		expect(searchable('uk')).toBe(false);
		expect(searchable('k ja')).toBe(false);
		expect(searchable('ukr')).toBe(true);
		expect(searchable('te ukr')).toBe(true);
		for (const q of ['u', 'uk', 'ja', 'a b c']) {
			const r = index.search(q);
			expect(r, q).toMatchObject({ total: 0, programmes: 0, hits: [], exact: 0 });
		}
		expect(index.search('ukr').total).toBeGreaterThan(0);
	});

	it('ranks the words as written first, so the first results stay put while a word is typed', () => {
		const prefixes = ['ukra', 'ukrai', 'ukrain', 'ukraina'];
		let previous: Set<string> | null = null;
		for (const q of prefixes) {
			const r = index.search(q, { limit: 1000, perProgramme: 1000 });
			expect(r.exact, q).toBeGreaterThan(0);
			// Every exact hit comes before every approximate one.
			const flags = r.hits.map((h) => /(?<![\p{L}\p{N}])ukra/u.test(h.passage.text.toLowerCase()) || h.passage.text.toLowerCase().includes(q));
			expect(flags.slice(0, r.exact).every(Boolean), q).toBe(true);
			const exactIds = new Set(r.hits.slice(0, r.exact).map((h) => `${h.passage.programmeId}|${h.passage.key}|${h.passage.start}`));
			// Typing a letter more only narrows the exact hits (never brings new ones to the top).
			if (previous) for (const id of exactIds) expect(previous.has(id), `${q}: ${id}`).toBe(true);
			previous = exactIds;
		}
		// A typo is still found, after the exact hits.
		const typo = index.search('ukrainn');
		expect(typo.total).toBeGreaterThan(typo.exact);
	});
});


describe('reusing groups between results', () => {
	it('keeps the older object for a programme whose hits show the same, and a new one where anything changed', () => {
		const before = groupByProgramme(index.search('ukrain'));
		const previous = new Map(before.map((g) => [g.programmeId, g]));
		// The same query again (new objects, as from the worker): every group is the older one.
		const again = reuseGroups(groupByProgramme(structuredClone(index.search('ukrain'))), previous);
		expect(again.length).toBe(before.length);
		again.forEach((g, i) => expect(g).toBe(before[i]));
		// A query that marks other words: equal content only, new objects where the marks differ.
		const other = groupByProgramme(index.search('ukrainan kielellä'));
		const reused = reuseGroups(other, previous);
		// What is shown is the new result's: the same passages with the same marks, in the same order.
		const shown = (gs: typeof other) => gs.map((g) => ({ ...g, hits: g.hits.map((h) => ({ passage: h.passage, ranges: h.ranges })) }));
		expect(shown(reused)).toEqual(shown(other));
		for (const g of reused) {
			const old = previous.get(g.programmeId);
			if (g === old) continue;
			for (const h of g.hits) {
				const kept = old?.hits.includes(h);
				if (kept) expect(h.ranges).toEqual(other.find((o) => o.programmeId === g.programmeId)!.hits.find((o) => o.passage.start === h.passage.start && o.passage.key === h.passage.key)!.ranges);
			}
		}
		expect(reused.some((g, i) => g !== other[i] && g === previous.get(g.programmeId))).toBe(false);
	});

	it('keeps a hit whose score alone changed (a fuzzy hit scores anew with every letter typed; the score is not shown)', () => {
		const before = groupByProgramme(index.search('ukrain'));
		const previous = new Map(before.map((g) => [g.programmeId, g]));
		const rescored = structuredClone(before).map((g) => ({ ...g, hits: g.hits.map((h) => ({ ...h, score: h.score + 0.01, phrase: !h.phrase })) }));
		reuseGroups(rescored, previous).forEach((g, i) => expect(g).toBe(before[i]));
		// Other marks on the same passage: a new object.
		const remarked = structuredClone(before);
		remarked[0].hits[0].ranges = [[0, 1]];
		const again = reuseGroups(remarked, previous);
		expect(again[0]).not.toBe(before[0]);
		expect(again[0].hits[0]).not.toBe(before[0].hits[0]);
		expect(again[0].hits[0].ranges).toEqual([[0, 1]]);
	});
});
