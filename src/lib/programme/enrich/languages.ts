/**
 * Languages a programme offers services in, as ISO 639 codes, read from Finnish and Swedish prose.
 *
 * Finnish names a language with a lower-case noun that inflects: "ukraina" → "ukrainaksi"
 * (translative: "in Ukrainian"), "ukrainan kielellä", "ukrainankielinen/-kielisille", elliptic
 * "arabian- ja darinkielisille", "arabiaa puhuville". The nominative and the bare genitive are also
 * country names ("Ukrainan sota", "Ukraina"), so they count only in a list of languages: in the
 * answer to "Millä kielillä…" (s3.a2), in a sentence about languages ("kielillä: venäjä, arabia"),
 * or coordinated with an unambiguous mention ("ukrainan, venäjän ja arabian kielillä").
 * Swedish: "på ukrainska", "arabisktalande", "ryskspråkiga", "på arabiska och dari".
 *
 * Not offers, and not counted: population statistics ("suurimmat kieliryhmät ovat venäjä, viro…",
 * "vieraskielisiä asukkaita", "arabia 7, englanti 29"), the languages of a workshop or consultation
 * when the programme was drawn up, "palvelut suomeksi ja ruotsiksi" (the municipality's official
 * languages), a language being taught ("suomen kielen opetus", "svenska som andraspråk"), and
 * mentions in a negated clause ("venäjäksi ei järjestetä").
 */
import type { FactMatch } from './confidence';
import { isBack, weakGrade } from './finnish';
import { analyse, perSentence, type AnalysedText, type Token } from './text';
import { LANGUAGE_LEXICON } from './language-lexicon';

export type LanguageContext = 'orientation' | 'training' | 'guidance' | 'other';

export { LANGUAGE_BY_CODE, LANGUAGE_LEXICON, type LanguageInfo } from './language-lexicon';

type FormKind =
	/** nominative: "venäjä" — a list item at best */
	| 'nom'
	/** genitive without "kieli": "ukrainan" — usually the country */
	| 'gen'
	/** partitive: "arabiaa" */
	| 'par'
	/** translative: "ukrainaksi" — always the language */
	| 'tra'
	/** "ukrainankielinen", "arabiankielisille" */
	| 'compound'
	/** "arabian-" in "arabian- ja darinkielisille" */
	| 'elliptic'
	/** Swedish name: "ukrainska" — an adjective too, so a list item at best */
	| 'sv'
	/** "arabisktalande", "ryskspråkiga" */
	| 'sv-compound';

interface FormInfo {
	code: string;
	kind: FormKind;
}

/** The Finnish stem the genitive and translative are built on: suomi→suome, englanti→englanni. */
function fiStem(lemma: string): string {
	if (lemma === 'suomi') return 'suome';
	if (/[^aeiouyäö]$/.test(lemma)) return lemma + 'i';
	return weakGrade(lemma);
}

function fiPartitive(lemma: string): string[] {
	if (lemma === 'suomi') return ['suomea'];
	const a = isBack(lemma) ? 'a' : 'ä';
	if (/[^aeiouyäö]$/.test(lemma)) return [lemma + 'i' + a];
	// Long vowel or a diphthong in -i: "thai" → "thaita"; "arabia" (i-a is two syllables) → "arabiaa".
	if (/([aeiouyäö])\1$|[aeouyäö]i$/.test(lemma)) return [lemma + 't' + a];
	return [lemma + a];
}

/** Single-word forms → language. */
const FORMS: ReadonlyMap<string, FormInfo> = (() => {
	const m = new Map<string, FormInfo>();
	const add = (form: string, code: string, kind: FormKind) => {
		if (!m.has(form)) m.set(form, { code, kind });
	};
	for (const l of LANGUAGE_LEXICON) {
		for (const lemma of l.fi) {
			if (/\s/.test(lemma)) continue; // multi-word sign languages: see SIGN_PHRASES
			const stem = fiStem(lemma);
			add(stem + 'ksi', l.code, 'tra');
			add(stem + 'n', l.code, 'gen');
			add(stem + 'n-', l.code, 'elliptic');
			for (const p of fiPartitive(lemma)) add(p, l.code, 'par');
			add(lemma, l.code, 'nom');
		}
	}
	for (const l of LANGUAGE_LEXICON) for (const name of l.sv) if (!/\s/.test(name)) add(name, l.code, 'sv');
	return m;
})();

/** Swedish names → language ("dari" is also a Finnish nominative, so FORMS alone cannot say). */
const SV_NAMES: ReadonlyMap<string, string> = new Map(
	LANGUAGE_LEXICON.flatMap((l) => l.sv.filter((n) => !/\s/.test(n)).map((n) => [n, l.code] as [string, string]))
);

/** "ukrainan" (genitive) → uk, for "ukrainankielinen". */
const GENITIVES: ReadonlyMap<string, string> = new Map(
	[...FORMS].filter(([, f]) => f.kind === 'gen').map(([form, f]) => [form, f.code])
);

/** Swedish adjective stems: "arabisk" (arabisktalande), "rysk" (ryskspråkig), "dari" (daritalande). */
const SV_STEMS: ReadonlyMap<string, string> = (() => {
	const m = new Map<string, string>();
	for (const l of LANGUAGE_LEXICON)
		for (const name of l.sv) if (!/\s/.test(name)) m.set(name.endsWith('a') ? name.slice(0, -1) : name, l.code);
	return m;
})();

/** Multi-word and compound sign-language and Sámi names (regex over the text). */
const SIGN_PHRASES: { code: string; re: RegExp }[] = [
	{ code: 'fss', re: /(?<![\p{L}])suomenruotsalai\p{L}*[ \t]+viittomakiel\p{L}*/giu },
	{ code: 'fse', re: /(?<![\p{L}])suomalai\p{L}*[ \t]+viittomakiel\p{L}*/giu },
	{ code: 'fss', re: /(?<![\p{L}])finlandssvensk\p{L}*[ \t]+teckenspråk\p{L}*/giu },
	{ code: 'fse', re: /(?<![\p{L}])finsk\p{L}*[ \t]+teckenspråk\p{L}*/giu },
	{ code: 'sgn', re: /(?<![\p{L}])viittomakiel\p{L}*/giu },
	{ code: 'sgn', re: /(?<![\p{L}])teckenspråk\p{L}*/giu }
];

/** Sentences about who lives in the municipality, not about what is offered. */
const POPULATION =
	/kieliryhm|vieraskiel|äidinkielelt|äidinkielenään|äidinkielet|puhutuim|eniten puhu|yleisim|suurim\p{L}* kiel|kielitaust|asukkaista|asukasta|asukasluku|väestö|väkiluku|prosent|%|tilast|språkgrupp|modersmål|invånare|befolkning|statistik|främmande språk|talas mest|vanligaste språk|största språk/iu;

/** Sentences about how the programme was drawn up or written (workshops, consultation, "laadittu suomeksi"), not services. */
const CONSULTATION =
	/työpaj|kuulemi|kysely|asukastilaisuu|asukasil|osallistami|lausun|kommentoi|valmistelu|laadinn|laatimis|laadittu|kirjoitettu|workshop|enkät|hörande|invånarmöte|remiss|utarbeta|skrivet/iu;

/** A language as the subject of teaching, not the medium: "suomen kielen opetus", "svenska som andraspråk". */
const LEARNING_AFTER =
	/^[ \t]*(?:ja[ \t]+\p{L}+[ \t]+)?(?:\p{L}*(?:opetu|koulutu|kurssi|alke|taid|taito|osaami|opin|opiskel|oppimi|testi|testau|koe|kokee|tutkin|ryhmä|harjoittel|valmiu))/iu;
const LEARNING_KIELI = /^kiel(?:i|en|tä|ikoulutu|ikurssi|enopetu|iopin|itaid|itaito|enoppimi|itesti|ikoe|ikokee|iryhm|iopetu)\p{L}*$/iu;
const SV_LEARNING = /(?:undervisning|kurs|kurser|studier|utbildning|lektioner)[ \t]+i[ \t]+$|^[ \t]+som[ \t]+andra[ \t]*språk/iu;

/** Negation words (not "en"/"et": in Swedish "en" is an article, and admin prose does not say "I don't"). */
const NEGATION = /(?<![\p{L}])(?:ei|eikä|emme|eivät|inte|ej|icke|ingen|inget|inga)(?![\p{L}])/iu;
/** Clause breaks for negation scope: a negation in a "jos"/"kun" clause does not negate the main clause. */
const CLAUSE_BREAKS = /[;:]|,?[ \t]+(?:jos|kun|koska|mutta|vaikka|mikäli|jolloin|men|om|eftersom|då|fast)[ \t]+/giu;
const NEGATIONS = new RegExp(NEGATION.source, 'giu');

/**
 * The text between two list items is only a joiner. Tested on the trimmed text: the same answer as
 * /^\s*(?:…)\s*$/ (no joiner begins with white space; one ending in it matches without it), without
 * that pattern's backtracking between its two adjacent \s* on a long run of spaces.
 */
const LIST_JOIN = /^(?:,\s*(?:ja|sekä|tai|och|samt|eller)?|\/|&|ja|sekä|tai|och|samt|eller|\(|\)\s*(?:,|ja|och)?)$/iu;
const listJoined = (gap: string) => LIST_JOIN.test(gap.trim());

const CONTEXT_WORDS: [LanguageContext, RegExp][] = [
	['orientation', /orientaat|orientering/iu],
	['training', /koulutu|kurssi|opetu|opinno|opiskel|utbildning|kurs|undervisning|språkstudier/iu],
	['guidance', /ohjau|neuvon|neuvo[ntj]|rådgivning|handledning|vägledning/iu]
];

const SECTION_CONTEXT: Record<string, LanguageContext> = {
	'3': 'orientation',
	'4': 'training',
	'5': 'training',
	'6': 'guidance'
};

export interface LanguageMention {
	code: string;
	start: number;
	end: number;
	snippet: string;
	context: LanguageContext;
	/** How it matched, for its confidence: a phrase that can only be the language, a compound, or a bare name that counts by its context. */
	match: FactMatch;
}

/** Why a mention was dropped (for tests and debugging). */
export interface DroppedLanguageMention {
	code: string;
	start: number;
	end: number;
	reason: 'population' | 'consultation' | 'official-languages' | 'subject-of-learning' | 'negated' | 'statistics' | 'plain-language';
}

interface Candidate {
	code: string;
	start: number;
	end: number;
	kind: FormKind | 'phrase' | 'sign' | 'sv-pa' | 'puhu';
	strong: boolean;
	sentence: number;
	/** Token index of the language word. */
	token: number;
	/** The token right after, when it is a "kieli" word. */
	kieliToken?: Token;
}

/**
 * Find the languages an answer names as offered. `key` and `section` decide the default context
 * and whether bare names count (the s3.a2 answer is a list of languages by design).
 */
export function findLanguages(
	text: string,
	key: string,
	section: string,
	analysed: AnalysedText = analyse(text)
): { mentions: LanguageMention[]; dropped: DroppedLanguageMention[] } {
	const a = analysed;
	const { tokens } = a;
	const languageList = key === 's3.a2';
	let cands: Candidate[] = [];

	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const lower = t.lower;
		const next = tokens[i + 1];
		const gapNext = next ? a.text.slice(t.end, next.start) : '';
		const adjacentNext = next && /^[ \t]*$/.test(gapNext) ? next : undefined;

		// "ukrainankielinen", "arabiankielisille", "ukrainan-kielinen"
		const comp = /^(.+?n)-?kiel(?:i|e|t|isi|ise|is)\p{L}*$/u.exec(lower);
		if (comp && GENITIVES.has(comp[1])) {
			cands.push({ code: GENITIVES.get(comp[1])!, start: t.start, end: t.end, kind: 'compound', strong: true, sentence: t.sentence, token: i });
			continue;
		}
		// Swedish "arabisktalande", "ryskspråkiga", "dari-talande"
		const svc = /^(.+?)-?(?:talande|språkig\p{L}*)$/u.exec(lower);
		if (svc && SV_STEMS.has(svc[1])) {
			cands.push({ code: SV_STEMS.get(svc[1])!, start: t.start, end: t.end, kind: 'sv-compound', strong: true, sentence: t.sentence, token: i });
			continue;
		}
		// Swedish "på arabiska", "på dari"
		const sv = SV_NAMES.get(lower);
		const prevTok = tokens[i - 1];
		if (sv && prevTok && prevTok.lower === 'på' && /^[ \t]+$/.test(a.text.slice(prevTok.end, t.start))) {
			cands.push({ code: sv, start: prevTok.start, end: t.end, kind: 'sv-pa', strong: true, sentence: t.sentence, token: i });
			continue;
		}
		const f = FORMS.get(lower);
		if (!f) continue;
		if (f.kind === 'elliptic') {
			// Only when a "-kielinen" compound follows in the same coordination: "arabian- ja darinkielisille".
			const rest = a.text.slice(t.end, t.end + 120);
			const m = /^(?:\s*(?:,|ja|sekä|tai|och|eller)?\s*\p{L}+n-)*\s*(?:,|ja|sekä|tai)?\s*\p{L}+n-?kiel\p{L}*/u.exec(rest);
			if (m) cands.push({ code: f.code, start: t.start, end: t.end + m[0].length, kind: 'elliptic', strong: true, sentence: t.sentence, token: i });
			continue;
		}
		if (f.kind === 'gen' && adjacentNext && /^kiel\p{L}*$/u.test(adjacentNext.lower)) {
			cands.push({
				code: f.code,
				start: t.start,
				end: adjacentNext.end,
				kind: 'phrase',
				strong: true,
				sentence: t.sentence,
				token: i,
				kieliToken: adjacentNext
			});
			i++;
			continue;
		}
		if (f.kind === 'par' && adjacentNext && /^(?:puhu|osaa|ymmärt)/u.test(adjacentNext.lower)) {
			cands.push({ code: f.code, start: t.start, end: adjacentNext.end, kind: 'puhu', strong: true, sentence: t.sentence, token: i });
			continue;
		}
		if (f.kind === 'tra') {
			cands.push({ code: f.code, start: t.start, end: t.end, kind: 'tra', strong: true, sentence: t.sentence, token: i });
			continue;
		}
		// Weak forms: the language name alone. A capitalised one inside a sentence is the country.
		if (t.capitalised && !t.sentenceInitial && !languageList) continue;
		cands.push({ code: f.code, start: t.start, end: t.end, kind: f.kind, strong: false, sentence: t.sentence, token: i });
	}

	// Sign languages (multi-word names first, so "suomalaisella viittomakielellä" is fse, not sgn).
	// Spans kept by the earlier phrases, sorted and disjoint (one phrase's matches do not overlap),
	// walked alongside each phrase's matches and merged after it: linear, not a scan per match.
	let signSpans: [number, number][] = [];
	for (const { code, re } of SIGN_PHRASES) {
		const added: [number, number][] = [];
		let j = 0;
		for (const m of a.text.matchAll(re)) {
			const start = m.index ?? 0;
			const end = start + m[0].length;
			while (j < signSpans.length && signSpans[j][1] <= start) j++;
			if (j < signSpans.length && signSpans[j][0] < end) continue;
			added.push([start, end]);
			const tok = tokens[firstIndex(tokens, (t) => t.start >= start)] ?? tokens[tokens.length - 1];
			cands.push({ code, start, end, kind: 'sign', strong: true, sentence: tok?.sentence ?? 0, token: tok?.index ?? 0 });
		}
		signSpans = mergeSpans(signSpans, added);
	}
	cands.sort((x, y) => x.start - y.start);

	// "kurdi (sorani)": the variety names the language.
	// (Rebuilt rather than spliced: a splice per pair is quadratic in the number of mentions.)
	{
		const merged: Candidate[] = [];
		for (let k = 0; k < cands.length; k++) {
			const c = cands[k];
			const n = cands[k + 1];
			if (n && c.code === 'ku' && (n.code === 'ckb' || n.code === 'kmr') && /^\s*\(\s*$/.test(a.text.slice(c.end, n.start))) {
				const close = /^\s*\)/.exec(a.text.slice(n.end));
				n.start = c.start;
				n.end = close ? n.end + close[0].length : n.end;
				n.strong = n.strong || c.strong || languageList;
				continue;
			}
			merged.push(c);
		}
		cands = merged;
	}

	// Weak mentions count in a language list: s3.a2, a sentence that talks about languages, or
	// coordination with a strong mention.
	const talks = new Map<string, boolean>();
	const accepted = cands.map((c) => {
		if (c.strong) return true;
		if (c.kind === 'gen') return false; // only through coordination below
		if (languageList) return true;
		// Depends on the sentence and the mention's text only: once per pair.
		const memo = `${c.sentence}\u0000${a.text.slice(c.start, c.end)}`;
		let t = talks.get(memo);
		if (t === undefined) talks.set(memo, (t = talksAboutLanguages(a, c)));
		return t;
	});
	// A weak mention joined by a list joiner to an accepted one is accepted, transitively: each run of
	// joined neighbours is all in or all out, so one sweep each way (not a pass per step) settles it.
	const joined = cands.map((c, k) => k + 1 < cands.length && c.sentence === cands[k + 1].sentence && listJoined(a.text.slice(c.end, cands[k + 1].start)));
	for (let k = 1; k < cands.length; k++) if (!accepted[k] && accepted[k - 1] && joined[k - 1]) accepted[k] = true;
	for (let k = cands.length - 2; k >= 0; k--) if (!accepted[k] && accepted[k + 1] && joined[k]) accepted[k] = true;
	const kept = cands.filter((_, k) => accepted[k]);

	// Distractors.
	const dropped: DroppedLanguageMention[] = [];
	const drop = (c: Candidate, reason: DroppedLanguageMention['reason']) => dropped.push({ code: c.code, start: c.start, end: c.end, reason });
	const survivors: Candidate[] = [];
	for (const c of kept) {
		if (perSentence(a, c.sentence, isPopulation)) drop(c, 'population');
		else if (perSentence(a, c.sentence, isConsultation)) drop(c, 'consultation');
		else if (/^\s*[:(]?\s*\d/.test(a.text.slice(c.end, c.end + 8)) || /\d\s*(?:%|prosenttia)?\s*$/.test(a.text.slice(Math.max(0, c.start - 6), c.start)))
			drop(c, 'statistics');
		else if (isSubjectOfLearning(a, c)) drop(c, 'subject-of-learning');
		else if (isNegated(a, c)) drop(c, 'negated');
		// "på lätt svenska", "lättläst finska": easy-to-read official language, the default medium, not an offer.
		else if ((c.code === 'sv' || c.code === 'fi') && /(?<![\p{L}])(?:lätt|lättläst|enkel)[ \t]+$/iu.test(a.text.slice(Math.max(0, c.start - 12), c.start))) drop(c, 'plain-language');
		else survivors.push(c);
	}
	// "suomeksi ja ruotsiksi", "suomen- ja ruotsinkieliset palvelut", "på finska och svenska":
	// the municipality's official languages, unless the list names other languages too.
	const groups: Candidate[][] = [];
	for (const c of survivors) {
		const g = groups[groups.length - 1];
		const prev = g?.[g.length - 1];
		if (prev && prev.sentence === c.sentence && (prev.end >= c.start || listJoined(a.text.slice(prev.end, c.start)))) g.push(c);
		else groups.push([c]);
	}
	const mentions: LanguageMention[] = [];
	for (const g of groups) {
		const codes = new Set(g.map((c) => c.code));
		if (codes.size === 2 && codes.has('fi') && codes.has('sv') && g.length === 2) {
			for (const c of g) drop(c, 'official-languages');
			continue;
		}
		for (const c of g) {
			mentions.push({
				code: c.code,
				start: c.start,
				end: c.end,
				snippet: a.text.slice(c.start, c.end),
				context: contextOf(perSentence(a, c.sentence, contextHits), section),
				match: c.strong ? (['phrase', 'sign', 'sv-pa', 'tra'].includes(c.kind) ? 'exact' : 'inflected') : languageList ? 'exact' : 'contextual'
			});
		}
	}
	// One row per span and language.
	const seen = new Set<string>();
	return {
		mentions: mentions.filter((m) => {
			const k = `${m.code}:${m.start}:${m.end}`;
			if (seen.has(k)) return false;
			seen.add(k);
			return true;
		}),
		dropped
	};
}

const isPopulation = (sentence: string) => POPULATION.test(sentence);
const isConsultation = (sentence: string) => CONSULTATION.test(sentence);

/** A word about languages: "kielillä", "kieliä", "språk", "modersmålsspråket". Letters only, so a match is a whole letter run. */
const KIEL_WORD_BODY = String.raw`\p{L}*kiel(?:i|et|iä|illä|inä|ellä|elle|iin|ten|ille|istä|ivalikoima\p{L}*)|\p{L}*språk\p{L}*`;
const KIEL_WORDS = new RegExp(String.raw`(?<![\p{L}])(?:${KIEL_WORD_BODY})(?![\p{L}])`, 'giu');
const KIEL_WORD = new RegExp(String.raw`^(?:${KIEL_WORD_BODY})$`, 'iu');

/** Where a sentence's first "kiel" word ends and its last one starts (-1: none). */
function kielWords(sentence: string): { firstEnd: number; lastStart: number } {
	let firstEnd = -1;
	let lastStart = -1;
	for (const m of sentence.matchAll(KIEL_WORDS)) {
		if (firstEnd < 0) firstEnd = (m.index ?? 0) + m[0].length;
		lastStart = m.index ?? 0;
	}
	return { firstEnd, lastStart };
}

const LETTER = /^\p{L}$/u;
/** Length (1 or 2 UTF-16 units) of the letter ending at `i`, 0 when none. */
function letterBefore(s: string, i: number): number {
	if (i >= 2 && /[\uDC00-\uDFFF]/.test(s[i - 1]) && LETTER.test(s.slice(i - 2, i))) return 2;
	return i >= 1 && LETTER.test(s[i - 1]) ? 1 : 0;
}
/** Length of the letter starting at `i`, 0 when none. */
function letterAt(s: string, i: number): number {
	const cp = s.codePointAt(i);
	if (cp === undefined) return 0;
	const ch = String.fromCodePoint(cp);
	return LETTER.test(ch) ? ch.length : 0;
}

/**
 * Whether the mention's sentence, with the first occurrence of the mention's text replaced by a
 * space, has a "kiel" word: the rule is `KIEL_WORDS.test(sentence.replace(snippet, ' '))`, read off
 * the sentence's kiel words found once, so a long sentence is not scanned again per mention. A
 * match is a whole letter run, so only the runs cut by the replaced text change: the one it starts
 * in and the one it ends in, each cut at the space.
 */
function talksAboutLanguages(a: AnalysedText, c: Candidate): boolean {
	const sen = a.sentences[c.sentence];
	const sentence = sen ? a.text.slice(sen.start, sen.end) : '';
	const words = perSentence(a, c.sentence, kielWords);
	const snippet = a.text.slice(c.start, c.end);
	const p = sentence.indexOf(snippet);
	if (p < 0) return words.firstEnd >= 0;
	let from = p;
	for (let n; (n = letterBefore(sentence, from)); ) from -= n;
	const after = p + snippet.length;
	let to = after;
	for (let n; (n = letterAt(sentence, to)); ) to += n;
	if (words.firstEnd >= 0 && (words.firstEnd <= from || words.lastStart >= to)) return true;
	return (from < p && KIEL_WORD.test(sentence.slice(from, p))) || (to > after && KIEL_WORD.test(sentence.slice(after, to)));
}

function isSubjectOfLearning(a: AnalysedText, c: Candidate): boolean {
	if (c.kind === 'phrase' && c.kieliToken) {
		if (LEARNING_KIELI.test(c.kieliToken.lower) && c.kieliToken.lower !== 'kielellä') {
			const after = a.text.slice(c.kieliToken.end, c.kieliToken.end + 60);
			if (/^kiel(?:ikoulutu|ikurssi|enopetu|iopin|itaid|itaito|enoppimi|itesti|ikoe|ikokee|iryhm|iopetu)/iu.test(c.kieliToken.lower)) return true;
			if (/^[ \t]*(?:puhu|osaa|ymmärt)/iu.test(after)) return false;
			if ((c.kieliToken.lower === 'kielen' || c.kieliToken.lower === 'kieltä') && LEARNING_AFTER.test(after)) return true;
			// "opiskelee suomen kieltä", "oppia ruotsin kieltä"
			const before = a.text.slice(Math.max(0, c.start - 30), c.start);
			if (c.kieliToken.lower === 'kieltä' && /(?:opiskel|oppi|opetta|harjoittel)\p{L}*[ \t]+$/iu.test(before)) return true;
		}
		return false;
	}
	if (c.kind === 'sv' || c.kind === 'sv-pa') {
		const before = a.text.slice(Math.max(0, c.start - 30), c.start);
		const after = a.text.slice(c.end, c.end + 30);
		return SV_LEARNING.test(before) || SV_LEARNING.test(after);
	}
	if (c.kind === 'nom' && (c.code === 'fi' || c.code === 'sv')) {
		// "suomi toisena kielenä" (S2)
		return /^[ \t]+toisena[ \t]+kielenä/iu.test(a.text.slice(c.end, c.end + 30));
	}
	return false;
}

/** A sentence's clause breaks (sorted by start) and where its negation words start, found once per sentence. */
interface Clauses {
	breaks: { index: number; end: number }[];
	negations: number[];
}

function clausesOf(s: string): Clauses {
	// A list whose sentence lost its full stop: "englanti (n. 29 asiakasta) Burmaksi … ei järjestetä"
	// (case-sensitive, so apart from CLAUSE_BREAK's case-insensitive match).
	const breaks = [...s.matchAll(CLAUSE_BREAKS), ...s.matchAll(/\)[ \t]+(?=\p{Lu})/gu)]
		.sort((x, y) => (x.index ?? 0) - (y.index ?? 0))
		.map((m) => ({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
	return { breaks, negations: [...s.matchAll(NEGATIONS)].map((m) => m.index ?? 0) };
}

function isNegated(a: AnalysedText, c: Candidate): boolean {
	const sen = a.sentences[c.sentence];
	if (!sen) return false;
	const { breaks, negations } = perSentence(a, c.sentence, clausesOf);
	const at = c.start - sen.start;
	// The clause the mention is in: from the last clause break before it to the next one after it
	// (a break that straddles the mention bounds neither side).
	const next = firstIndex(breaks, (b) => b.index >= at);
	const to = next < breaks.length ? breaks[next].index : sen.end - sen.start;
	let from = 0;
	for (let k = next - 1; k >= 0; k--) {
		if (breaks[k].end <= at) {
			from = breaks[k].end;
			break;
		}
	}
	// A negation word in [from, to): breaks begin and end at non-letters, so a word found in the whole
	// sentence is one in the clause and the other way round.
	const n = firstIndex(negations, (i) => i >= from);
	return n < negations.length && negations[n] < to;
}

function contextHits(sentence: string): LanguageContext[] {
	return CONTEXT_WORDS.filter(([, re]) => re.test(sentence)).map(([c]) => c);
}

function contextOf(hits: LanguageContext[], section: string): LanguageContext {
	if (hits.length === 1) return hits[0];
	return SECTION_CONTEXT[section] ?? 'other';
}

/** Index of the first item for which `pred` holds; `pred` must be false, then true, along the array. */
function firstIndex<T>(items: readonly T[], pred: (x: T) => boolean): number {
	let lo = 0;
	let hi = items.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (pred(items[mid])) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

function mergeSpans(x: [number, number][], y: [number, number][]): [number, number][] {
	const out: [number, number][] = [];
	let i = 0;
	let j = 0;
	while (i < x.length || j < y.length) out.push(j >= y.length || (i < x.length && x[i][0] <= y[j][0]) ? x[i++] : y[j++]);
	return out;
}
