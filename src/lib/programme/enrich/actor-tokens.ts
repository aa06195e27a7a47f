/**
 * Token neighbours by character position, and the name and role extensions around an actor's head
 * ("Loimaan Evankelinen" + "kansalaisopisto", "kaupungin" + "maahanmuuttokoordinaattori").
 */
import { NAME_STOPWORDS, ROLE } from './actor-lexicon';
import type { MunicipalityMention } from './gazetteer';
import type { AnalysedText, Token } from './text';

/** Municipality mentions by their last token, in mention order (built once per mention list). */
const byLastToken = new WeakMap<readonly MunicipalityMention[], Map<number, MunicipalityMention[]>>();

/** The mentions ending at token `index`, in mention order: a lookup, not a scan of every mention per token. */
export function mentionsEndingAt(municipalities: readonly MunicipalityMention[], index: number): readonly MunicipalityMention[] {
	let map = byLastToken.get(municipalities);
	if (!map) {
		map = new Map();
		for (const m of municipalities) {
			const list = map.get(m.lastToken);
			if (list) list.push(m);
			else map.set(m.lastToken, [m]);
		}
		byLastToken.set(municipalities, map);
	}
	return map.get(index) ?? [];
}

/** The first bare genitive mention ("Helsingin") ending at token `index`. */
export function genitiveEndingAt(municipalities: readonly MunicipalityMention[], index: number): MunicipalityMention | undefined {
	return mentionsEndingAt(municipalities, index).find((m) => m.case === 'gen' && !m.noun);
}

/** Per text: the token at, first token from, and last token before each character position. */
interface PositionIndex {
	at: Int32Array;
	from: Int32Array;
	before: Int32Array;
}
const positionIndexes = new WeakMap<AnalysedText, PositionIndex>();

function positions(a: AnalysedText): PositionIndex {
	let idx = positionIndexes.get(a);
	if (idx) return idx;
	const n = a.text.length + 1;
	const at = new Int32Array(n).fill(-1);
	const from = new Int32Array(n).fill(-1);
	const before = new Int32Array(n).fill(-1);
	for (const t of a.tokens) for (let i = t.start; i < t.end; i++) at[i] = t.index;
	let next = -1;
	let k = a.tokens.length - 1;
	for (let i = n - 1; i >= 0; i--) {
		while (k >= 0 && a.tokens[k].start >= i) next = k--;
		from[i] = next;
	}
	let last = -1;
	k = 0;
	for (let i = 0; i < n; i++) {
		while (k < a.tokens.length && a.tokens[k].end <= i) last = k++;
		before[i] = last;
	}
	idx = { at, from, before };
	positionIndexes.set(a, idx);
	return idx;
}

export function tokenAt(a: AnalysedText, pos: number): Token | undefined {
	const i = positions(a).at[pos];
	return i >= 0 ? a.tokens[i] : undefined;
}

/** The token right after `end`, if only spaces or tabs lie between. */
export function nextToken(a: AnalysedText, end: number): Token | undefined {
	const i = end < a.text.length + 1 ? positions(a).from[end] : -1;
	const t = i >= 0 ? a.tokens[i] : undefined;
	if (!t || !/^[ \t]*$/.test(a.text.slice(end, t.start))) return undefined;
	return t;
}

/** The token right before `start`, if only spaces or tabs lie between. */
export function prevToken(a: AnalysedText, start: number): Token | undefined {
	const i = positions(a).before[start];
	const p = i >= 0 ? a.tokens[i] : undefined;
	if (!p || !/^[ \t]*$/.test(a.text.slice(p.end, start))) return undefined;
	return p;
}

/**
 * The staff role or unit after an organisation's genitive: "kaupungin maahanmuuttokoordinaattori";
 * with one adjective or genitive between ("kaupungin monikulttuurinen neuvontapiste", "kunnan
 * maahanmuuttajatyön yksikkö"), or a shared compound ("kaupungin perhe- ja sosiaalityön yksikkö").
 */
export function roleAfter(a: AnalysedText, end: number): { role: string; end: number } | null {
	const r = roleAfterAny(a, end);
	// "Kunnan palvelupisteessä": a place, not the municipality acting.
	if (r && /pistee(?:ssä|ssa|llä|lla|stä|sta|seen|lle)$/u.test(r.role.toLowerCase())) return null;
	return r;
}

function roleAfterAny(a: AnalysedText, end: number): { role: string; end: number } | null {
	const t1 = nextToken(a, end);
	if (!t1) return null;
	if (ROLE.test(t1.lower)) return { role: t1.text, end: t1.end };
	const t2 = nextToken(a, t1.end);
	if (t2 && ROLE.test(t2.lower) && (/^\p{L}+(?:inen|iset|llinen|lliset)$/u.test(t1.lower) || /^\p{L}{4,}(?:työn|toimen|palvelujen|palveluiden)$/u.test(t1.lower)))
		return { role: `${t1.text} ${t2.text}`, end: t2.end };
	// "perhe- ja sosiaalityön yksikkö"
	if (t2 && /-$/.test(t1.text) && /^(?:ja|sekä|och)$/.test(t2.lower)) {
		const t3 = nextToken(a, t2.end);
		const t4 = t3 && nextToken(a, t3.end);
		if (t3 && t4 && /^\p{L}{4,}n$/u.test(t3.lower) && ROLE.test(t4.lower)) return { role: a.text.slice(t1.start, t4.end), end: t4.end };
	}
	return null;
}

/** Extend a named organisation to the left over capitalised words: "Loimaan Evankelinen" + "kansalaisopisto". */
export function extendLeft(a: AnalysedText, start: number, max = 4): number {
	let s = start;
	for (let k = 0; k < max; k++) {
		const p = prevToken(a, s);
		if (!p || !(p.capitalised || p.allCaps) || NAME_STOPWORDS.has(p.lower)) break;
		if (p.sentence !== tokenAt(a, start)?.sentence) break;
		s = p.start;
	}
	return s;
}

/** Extend to the right over an acronym: "Kansanopisto LEKO". */
export function extendRightAcronym(a: AnalysedText, end: number): number {
	const n = nextToken(a, end);
	if (n && n.allCaps && n.text.length <= 8 && /^\p{Lu}+$/u.test(n.text)) return n.end;
	return end;
}
