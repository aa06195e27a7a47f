/**
 * The fast search gives exactly what plain Fuse.js gives. SearchIndex narrows Fuse's work (pieces
 * that must occur, then the typo count of approx.ts standing in for Fuse's bitap verdict and
 * score, Fuse only for the highlights returned); here whole results (hits, scores, highlights,
 * order, counts) are compared with an index that hands every passage to Fuse, over hand-written
 * and generated queries in Finnish and Swedish, with typos, diacritics and case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { approxPattern, nearPiecesDistance, substringDistance } from '../../src/lib/search/approx';
import { allowedEdits, fuseScore, queryTerms, requiredPieces, SearchIndex } from '../../src/lib/search/engine';
import { foldText } from '../../src/lib/search/fold';
import type { SearchableAnswer } from '../../src/lib/search/passages';
import { auraAnswers, hostileAnswers, otherAnswers } from './search-fixtures';

/** Invented answers written the ways programmes write them (lists, abbreviations, Swedish, odd characters). */
const WRITTEN: Record<string, string[]> = {
	'invented-fi-1': [
		'Kotoutumisen edistäminen: kotoutumisohjelma laaditaan yhteistyössä TE-toimiston (1.1.2025 alkaen työllisyysalueen) kanssa.',
		'- ukrainalaiset\n- venäjänkieliset\n- arabiankieliset perheet\n- kiintiöpakolaiset',
		'Kielikoulutusta järjestetään kansalaisopistossa, kotoutumiskoulutuksena ja omaehtoisena opiskeluna (KotoL 681/2023 § 24).',
		'Vastuutaho: sosiaali- ja terveyspalvelut / maahanmuuttajapalvelut; yhteyshenkilö maahanmuuttokoordinaattori.',
		'Ukraina'
	],
	'invented-fi-2': [
		'Työllisyyspalveluiden ja kotoutumispalveluiden yhteistyötä kehitetään. Tyollisyys paranee, kun kielitaito kasvaa.',
		'Kotouttamistyön resurssit: 2 htv sosiaaliohjaajaa, 0,5 htv kotoutumiskoordinaattoria.',
		'Alaikäisenä ilman huoltajaa tulleet (ilman huoltajaa maahan tulleet lapset) asuvat perheryhmäkodissa.',
		'KOTOUTUMINEN ON KOKO KUNNAN ASIA – kaikki hallinnonalat osallistuvat.',
		'Kotoutumissuunnitelma\u00a0laaditaan 1 kk:n kuluessa; kotoutumissuunnitelmia päivitetään.'
	],
	'invented-sv-1': [
		'Integrationsprogrammet har utarbetats i samarbete med arbetskraftsmyndigheten och välfärdsområdet.',
		'Språkutbildning ordnas vid medborgarinstitutet; kurser i svenska och finska för invandrare.',
		'Ansvarig: kommunens integrationskoordinator. Flyktingar från Ukraina erbjuds handledning på ukrainska.',
		'Sysselsättningen och integrationen främjas genom språkkurser, arbetsprövning och mentorskap.',
		'Målgrupper: kvotflyktingar, ensamkommande barn, personer som fått tillfälligt skydd.'
	],
	'invented-sv-2': [
		'Kommunen ansvarar för integrationsfrämjandet; välfärdsområdet för social- och hälsovårdstjänster.',
		// Decomposed (NFD) Swedish, as some PDF text layers give it.
		'Språkutbildningen och kommunens tjänster på svenska och finska.'.normalize('NFD'),
		'INTEGRATIONSPROGRAM 2025–2028: Åtgärder, ansvarsfördelning och uppföljning.',
		'Straße, Øresund, Łódź och Ærø: namn med bokstäver som folds olika.',
		'Українська мова: консультації українською; услуги на русском языке.'
	]
};

function writtenAnswers(): SearchableAnswer[] {
	const out: SearchableAnswer[] = [];
	for (const [programmeId, texts] of Object.entries(WRITTEN)) {
		texts.forEach((text, i) => out.push({ programmeId, key: `s${i + 1}.a`, section: String(i + 1), text, synthetic: programmeId.endsWith('-2') }));
	}
	return out;
}

/** Queries as people type them: prefixes, typos, no diacritics, upper case, Swedish, phrases. */
const HAND_WRITTEN = [
	'kot', 'koto', 'kotou', 'kotoutuminen', 'kotoutumine', 'kotoutumisohjelma', 'kotoutumisohjelam', 'kotouttamistyö',
	'ukr', 'ukra', 'ukrai', 'ukrain', 'ukraina', 'ukrainn', 'UKRAINA', 'ukrainalaiset', 'ukranialaiset',
	'työ', 'tyo', 'työl', 'työllisyys', 'tyollisyys', 'työlisyys', 'tyollisyysalue', 'TE-toimisto', 'te-toimiston',
	'kielikoulutus', 'kielikoulusta', 'kieli koulutus', 'kansalaisopisto', 'kansalais-opisto',
	'vastuutaho', 'vastuu taho', 'sosiaaliohjaja', 'sosiali ohjaaja', 'maahanmuuttokoordinaattori',
	'Loimaan maahanmuuttokoordinaattori', 'loimaan maahanmuuttokordinaattori', 'alaikäisenä ilman huoltajaa',
	'ilman huoltajaa', 'ja', 'ukraina ja', 'kiintiöpakolaiset', 'kiintiopakolainen', 'htv', '681/2023',
	'integration', 'integrationsprogram', 'integrationsprogrammet', 'intergrationsprogrammet', 'språkutbildning',
	'sprakutbildning', 'språkutbilding', 'SPRÅKUTBILDNING', 'flyktingar', 'flyktinger', 'kvotflyktingar',
	'ensamkommande barn', 'välfärdsområdet', 'valfardsomradet', 'kommunen ansvarar', 'medborgarinstitutet',
	'strasse', 'straße', 'oresund', 'lodz', 'aero', 'українська', 'украинська', 'русском',
	'x'.repeat(33), 'maahanmuuttokoordinaattorikoulutusohjelmasuunnitelma'
];

/** A deterministic pseudo-random source (the same queries every run). */
function random(seed: number): () => number {
	let s = seed;
	return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

function generatedQueries(answers: SearchableAnswer[], count: number): string[] {
	const next = random(681);
	const words = [...new Set(answers.flatMap((a) => a.text.split(/[^\p{L}\p{N}-]+/u)).filter((w) => w.length >= 3))].sort();
	const letters = 'abcdefghijklmnopqrstuvwxyzåäöy';
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
	const typo = (w: string): string => {
		const i = Math.floor(next() * w.length);
		const c = pick([...letters]);
		switch (Math.floor(next() * 4)) {
			case 0:
				return w.slice(0, i) + c + w.slice(i + 1);
			case 1:
				return w.slice(0, i) + c + w.slice(i);
			case 2:
				return w.slice(0, i) + w.slice(i + 1);
			default:
				return w.slice(0, i) + (w[i + 1] ?? '') + w[i] + w.slice(i + 2);
		}
	};
	const out: string[] = [];
	for (let n = 0; n < count; n++) {
		const w = pick(words);
		const r = next();
		if (r < 0.2) out.push(w);
		else if (r < 0.45) out.push(typo(w));
		else if (r < 0.55) out.push(typo(typo(w)));
		else if (r < 0.7) out.push(w.slice(0, 3 + Math.floor(next() * Math.max(1, w.length - 2))));
		else if (r < 0.85) out.push(`${w} ${typo(pick(words)).slice(0, 3 + Math.floor(next() * 6))}`);
		else out.push(w.normalize('NFD').toUpperCase());
	}
	return out;
}

describe('typos a word needs (approx.ts)', () => {
	/** Plain dynamic programming (Sellers 1980), the reference. */
	function reference(text: string, word: string): number {
		let prev = Array.from({ length: word.length + 1 }, (_, i) => i);
		let best = prev[word.length];
		for (let j = 1; j <= text.length; j++) {
			const cur = [0];
			for (let i = 1; i <= word.length; i++) {
				cur[i] = Math.min(prev[i - 1] + (word[i - 1] === text[j - 1] ? 0 : 1), prev[i] + 1, cur[i - 1] + 1);
			}
			best = Math.min(best, cur[word.length]);
			prev = cur;
		}
		return best;
	}

	it('agrees with dynamic programming, for words of 1–32 characters and every budget', () => {
		const next = random(2023);
		const alphabet = 'aaakkoottuuiiä-ж';
		const draw = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
		let checked = 0;
		for (let n = 0; n < 1500; n++) {
			const word = draw(1 + Math.floor(next() * (n % 10 === 0 ? 32 : 9)));
			const text = next() < 0.3 ? draw(Math.floor(next() * 3)) + word.slice(1) + draw(Math.floor(next() * 40)) : draw(Math.floor(next() * 60));
			const expected = reference(text, word);
			const pattern = approxPattern(word);
			for (let k = 0; k <= Math.min(word.length, 4); k++) {
				expect(substringDistance(text, pattern, k), `${word} in ${text}, k=${k}`).toBe(expected <= k ? expected : -1);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(3000);
	});

	it('counts the same typos near the pieces a match must hold as along the whole text', () => {
		// Texts where the word occurs with typos, often and near other copies, and texts without it.
		const next = random(24);
		const alphabet = 'aakkoottuuiinnl- ';
		const draw = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
		const mangle = (w: string, edits: number) => {
			let out = w;
			for (let e = 0; e < edits; e++) {
				const i = Math.floor(next() * out.length);
				const c = alphabet[Math.floor(next() * alphabet.length)];
				const r = next();
				out = r < 0.33 ? out.slice(0, i) + c + out.slice(i + 1) : r < 0.66 ? out.slice(0, i) + c + out.slice(i) : out.slice(0, i) + out.slice(i + 1);
			}
			return out;
		};
		let near = 0;
		for (let n = 0; n < 3000; n++) {
			const word = draw(3 + Math.floor(next() * (n % 7 === 0 ? 29 : 12))).replace(/ /g, 'k');
			const k = allowedEdits(word.length);
			const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < 0.6 ? mangle(word, Math.floor(next() * (k + 2))) : draw(Math.floor(next() * 30))));
			const text = parts.join(draw(Math.floor(next() * 6)));
			let at = 0;
			const pieces = requiredPieces(word)!.map((piece) => ({ text: piece, offset: (at += piece.length) - piece.length }));
			const pattern = approxPattern(word);
			const expected = substringDistance(text, pattern, k);
			expect(nearPiecesDistance(text, pattern, pieces, k), `${word} in ${text}, k=${k}`).toBe(expected);
			if (expected > 0) near++;
		}
		// Many cases needed typos (the windows did the work, not the verbatim check).
		expect(near).toBeGreaterThan(500);
	});

	it('allows Fuse’s typo budget: none up to 3 letters, one from 4, two from 8, three from 12', () => {
		expect([2, 3, 4, 7, 8, 11, 12, 16].map((n) => allowedEdits(n))).toEqual([0, 0, 1, 1, 2, 2, 3, 4]);
		expect(fuseScore(0, 6, false)).toBe(0.001);
		expect(fuseScore(1, 4, false)).toBe(0.25);
		expect(fuseScore(0, 7, true)).toBe(Number.EPSILON);
	});
});

describe('folded text is what Fuse would fold it to', () => {
	// Fuse (ignoreDiacritics) lower-cases, decomposes (NFD), drops combining marks and maps
	// ł đ ø ħ ŧ ı ß (either case): on text where all of that changes nothing, Fuse and the typo
	// count read the same characters.
	it('holds for every character of the Basic Multilingual Plane', () => {
		const fuseMaps = /[łŁđĐøØħĦŧŦıß]/u;
		const bad: string[] = [];
		for (let c = 0; c < 0x10000; c++) {
			if (c >= 0xd800 && c <= 0xdfff) continue;
			const folded = foldText(String.fromCharCode(c)).text;
			if (folded.toLowerCase() !== folded || folded.normalize('NFD') !== folded || /\p{M}/u.test(folded) || fuseMaps.test(folded)) {
				bad.push(c.toString(16));
			}
		}
		expect(bad).toEqual([]);
	});
});

describe('the fast search equals plain Fuse over every passage', () => {
	let answers: SearchableAnswer[];
	let fast: SearchIndex;
	let plain: SearchIndex;

	beforeAll(() => {
		answers = [...auraAnswers(), ...otherAnswers(), ...hostileAnswers(), ...writtenAnswers()];
		fast = SearchIndex.build(answers);
		plain = SearchIndex.build(answers, { prefilter: false });
	});

	function compare(queries: string[]): number {
		let matched = 0;
		for (const q of queries) {
			for (const options of [{}, { limit: 3, perProgramme: 1 }, { limit: 1000, perProgramme: 1000 }, { programmeIds: ['invented-sv-1', 'invented-fi-2'] }]) {
				const expected = plain.search(q, options);
				expect(fast.search(q, options), `${q} ${JSON.stringify(options)}`).toEqual(expected);
				if (expected.total > 0) matched++;
			}
		}
		expect(fast.disagreements).toBe(0);
		return matched;
	}

	it('for hand-written queries (Finnish and Swedish, typos, no diacritics, phrases)', () => {
		// The queries find things, typos too (or the comparison would say little).
		expect(compare(HAND_WRITTEN)).toBeGreaterThan(HAND_WRITTEN.length * 2);
		for (const q of ['ukrainn', 'tyollisyys', 'sprakutbildning', 'intergrationsprogrammet', 'kiintiopakolainen', 'украинська']) {
			expect(plain.search(q).total, q).toBeGreaterThan(0);
		}
		// A passage that is the word itself (Fuse scores it 0): first, and the same in both.
		expect(fast.search('ukraina').hits[0].passage.text).toBe('Ukraina');
	});

	it('typed a letter at a time (each query narrowing the last one), and back, in and out of a filter', () => {
		// Each query is answered as a fresh index answers it, whatever was typed before (the index
		// reads only what the earlier word matched when a word extends it).
		const typing = SearchIndex.build(answers);
		const scopes = [null, ['invented-sv-1', 'invented-fi-2'], ['invented-fi-1']];
		let queries = 0;
		for (const word of ['kotoutumisohjelma', 'ukrainalaiset', 'maahanmuuttokoordinaattori', 'språkutbildningen', 'ukrainn kielellä', 'tyollisyysalue']) {
			const prefixes = Array.from({ length: word.length - 2 }, (_, n) => word.slice(0, n + 3));
			for (const [n, q] of [...prefixes, ...prefixes.slice(0, -1).reverse()].entries()) {
				const options = { programmeIds: scopes[Math.floor(n / 5) % scopes.length] };
				expect(typing.search(q, options), `${q} ${JSON.stringify(options)}`).toEqual(plain.search(q, options));
				queries++;
			}
		}
		expect(queries).toBeGreaterThan(100);
		expect(typing.disagreements).toBe(0);
	});

	it('for 400 generated queries: words of the answers, cut, misspelt, upper-cased, paired', () => {
		const queries = generatedQueries(answers, 400);
		expect(queries.filter((q) => queryTerms(q).length > 1).length).toBeGreaterThan(30);
		expect(compare(queries)).toBeGreaterThan(800);
	});
});
