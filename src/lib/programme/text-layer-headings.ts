/**
 * Recognising the form's headings in a line of text, as the form prints them and as
 * municipalities' own documents word them: section headings (numbered "1.", "1)", "Kohta 1", or
 * not numbered; the form's title or a shortened one), part headings ("a.", "A)", "Kuvaus",
 * "Vastuutaho:", "Ansvarig instans") and shortened header labels ("Yhteyshenkilö:", "Uppdaterad").
 * Pure functions of the line; the reader (text-layer-reader.ts) decides with its state.
 */
import { SECTIONS, SECTION_LEAD } from './form-tem-2024';
import { SECTIONS_SV, SECTION_LEAD_SV } from './form-tem-2024-sv';
import { follow, words } from './text-layer-layout';
import { GENERIC_LABEL_WORDS, HEADER_LABEL_PHRASES, HEADING_STOPWORDS, PART_NAMES, SECTION_NUMBER_WORDS } from './text-layer-vocabulary';

export interface SectionWording {
	id: string;
	/** Title with the statute reference, Finnish and Swedish. */
	titles: string[][];
	/** The title words (both languages, no statute reference or joining words), for shortened and reworded titles. */
	titleWords: string[];
	/** Everything printed between the title and the first part: title, law, instruction, lead. */
	preamble: string[][];
}

/** A heading's words that say what it is about: no joining words, numbers, statute reference or the document's own name. */
export function contentWords(text: string): string[] {
	return words(text.replace(/\(.*$/su, '')).filter((w) => !HEADING_STOPWORDS.has(w) && !GENERIC_LABEL_WORDS.has(w) && !/^\d+$/.test(w));
}

export const SECTION_WORDING: SectionWording[] = SECTIONS.filter((s) => /^[1-7]$/.test(s.id)).map((s) => {
	const sv = SECTIONS_SV[s.id];
	const fiTitle = `${s.title} ${s.law ? `(${s.law})` : ''}`;
	const svTitle = `${sv.title} ${sv.law ? `(${sv.law})` : ''}`;
	return {
		id: s.id,
		titles: [words(fiTitle), words(svTitle)],
		titleWords: contentWords(`${s.title} ${sv.title}`),
		preamble: [words(`${fiTitle} ${s.instruction ?? ''} ${SECTION_LEAD}`), words(`${svTitle} ${sv.instruction ?? ''} ${SECTION_LEAD_SV}`)]
	};
});

/**
 * Is a heading's or label's word the given word, inflected or compounded? ("yhteyshenkilöt" /
 * "yhteyshenkilö", "osallistuneet" / "osallistuvat", "arviointi" / "arvioinnin"). Stricter than
 * `wordsMatch` (labels.ts): a word cut short is not enough ("kommun" is not "kommunikation"), nor
 * a shared first half of a compound ("ansvarstabell" is not "ansvarar").
 */
function stemMatch(word: string, phraseWord: string): boolean {
	// An ending, not another word: "yhteyshenkilöt", "koordinointi", but not "kommun|ikation".
	const ending = word.length - phraseWord.length;
	if (word === phraseWord || (phraseWord.length >= 4 && ending <= Math.max(4, phraseWord.length / 2) && word.startsWith(phraseWord))) return true;
	let common = 0;
	while (common < word.length && common < phraseWord.length && word[common] === phraseWord[common]) common++;
	return common >= 6 && common >= 0.6 * Math.max(word.length, phraseWord.length);
}

/** Title words by their first three letters (a word matches only words that begin like it), with their sections. */
const TITLE_INDEX = new Map<string, { word: string; section: string }[]>();
for (const s of SECTION_WORDING) {
	for (const word of new Set(s.titleWords)) {
		const key = word.slice(0, 3);
		TITLE_INDEX.set(key, [...(TITLE_INDEX.get(key) ?? []), { word, section: s.id }]);
	}
}
/** Which sections' titles have the word; cached, as body text repeats its words (bounded). */
const sectionsCache = new Map<string, ReadonlySet<string>>();
function sectionsOfWord(x: string): ReadonlySet<string> {
	let found = sectionsCache.get(x);
	if (found) return found;
	found = new Set((TITLE_INDEX.get(x.slice(0, 3)) ?? []).filter((t) => stemMatch(x, t.word)).map((t) => t.section));
	if (sectionsCache.size > 50_000) sectionsCache.clear();
	sectionsCache.set(x, found);
	return found;
}

/**
 * How much of a heading is the section's title: the share of its content words found in the
 * title, and whether one of them names few sections (at most two: "kotoutumisen" is in three
 * titles and says nothing on its own, "yhteiskuntaorientaatio" is in one).
 */
export function titleShare(text: string | string[], section: SectionWording): { share: number; words: number; distinctive: boolean } {
	const w = typeof text === 'string' ? contentWords(text) : text;
	if (w.length === 0) return { share: 0, words: 0, distinctive: false };
	const found = w.map(sectionsOfWord).filter((ids) => ids.has(section.id));
	return { share: found.length / w.length, words: w.length, distinctive: found.some((ids) => ids.size <= 2) };
}

/** A shortened title is short: a line with more content words than this is text, not a heading. */
const SHORT_TITLE_WORDS = 10;

/** "Kohta 3 Yhteiskuntaorientaatio", "3) Samhällsorientering", "3. Monikielinen …": the number and the rest. */
const NUMBERED = new RegExp(`^\\s*(?:(?:${SECTION_NUMBER_WORDS.join('|')})\\s+)?([1-7])\\s*[.):]?\\s+(\\S.*)$`, 'iu');

export interface SectionHeading {
	id: string;
	wording: SectionWording;
	/** The heading's text after its number. */
	title: string;
	/** The form's own title (its first words), rather than a shortened or reworded one. */
	formTitle: boolean;
	/** Content words of the title. */
	words: number;
}

/**
 * A numbered section heading: the number, then the form's title (its first three words, or a
 * line of two or more words that all follow it), or a shortened or reworded title most of whose
 * words are the section's title words ("1) Palvelutarpeen arviointi", "Kohta 6 Ohjaus ja neuvonta",
 * "2) Integrationsplan").
 */
export function numberedSectionHeading(text: string): SectionHeading | null {
	const m = NUMBERED.exec(text);
	if (!m) return null;
	const wording = SECTION_WORDING.find((s) => s.id === m[1])!;
	const rest = words(m[2]);
	for (const title of wording.titles) {
		const f = follow(rest, title, 0);
		const needed = Math.min(3, title.length);
		if (f.count >= needed || (f.count === rest.length && f.count >= 2)) return { id: m[1], wording, title: m[2], formTitle: true, words: rest.length };
	}
	const t = titleShare(m[2], wording);
	if (t.words > 0 && t.words <= SHORT_TITLE_WORDS && t.share >= 0.6) return { id: m[1], wording, title: m[2], formTitle: false, words: t.words };
	return null;
}

/**
 * An unnumbered section heading: a line whose content words are (nearly) all the title words of a
 * section after `after` ("Osaamisen ja kotoutumisen palvelutarpeen arviointi", "Kotoutumissuunnitelma").
 * Ties go to the earliest such section (the document follows the form's order). Whether the line is
 * set as a heading is for the caller to tell.
 */
export function unnumberedSectionHeading(text: string, after: string | null): SectionHeading | null {
	// Most lines are text, not headings: too long (or wordless) to be a title, they are not compared.
	const w = contentWords(text);
	if (w.length === 0 || w.length > SHORT_TITLE_WORDS) return null;
	let best: { wording: SectionWording; share: number; words: number } | null = null;
	for (const wording of SECTION_WORDING) {
		if (after !== null && Number(wording.id) <= Number(after)) continue;
		const t = titleShare(w, wording);
		if (t.words === 0 || t.words > SHORT_TITLE_WORDS || t.share < 0.75 || !t.distinctive) continue;
		if (!best || t.share > best.share) best = { wording, share: t.share, words: t.words };
	}
	return best ? { id: best.wording.id, wording: best.wording, title: text, formTitle: false, words: best.words } : null;
}

/** Part headings: optional structural code ("1A:", "3 b)"), letter ("a.", "B)"), then the part's name. */
export const PART_PREFIX = /^\s*(?:([1-7])\s*)?([A-Ca-c])\s*[.):]\s*/u;

export interface PartHeading {
	/** The section number the heading carries ("1A:"), if any. */
	section: string | null;
	letter: 'a' | 'b' | 'c';
	/** Characters of the line taken by the heading (code, letter, name, colon). */
	length: number;
	/** Printed as the form prints it ("A. Kuvaus palvelusta:"), not in another style ("a.", "B)", "A. Beskrivning av tjänsten" without colon). */
	formStyle: boolean;
}

/**
 * "a. Kuvaus palvelusta: …", "B) Vastuutaho", "1A: Kuvaus palvelusta:", "c. Samarbete:", and
 * without a letter a name that ends in a colon ("Vastuutaho: Kunta.", a run-in label) or stands
 * alone on its line ("Kuvaus palvelusta", "Ansvarig instans"). Answers may begin "Yhteistyö …", so
 * a bare name followed by more words is not a heading.
 */
export function partHeading(text: string): PartHeading | null {
	const prefix = PART_PREFIX.exec(text);
	const from = prefix ? prefix[0].length : 0;
	const rest = text.slice(from);
	for (const [letter, name] of PART_NAMES) {
		const m = name.exec(rest);
		if (!m) continue;
		const after = rest.slice(m[0].length);
		if (/^\p{L}/u.test(after)) continue;
		if (!prefix && !/^\s*:/.test(after) && after.trim() !== '') continue;
		const colon = /^\s*:?\s*/.exec(after)![0].length;
		// The form prints "A. Kuvaus palvelusta:": a capital, a full stop or colon, the name and its colon.
		const formStyle = !!prefix && /^\s*(?:[1-7]\s*)?[A-C][.:]/u.test(text) && /^\s*:/.test(after);
		return { section: prefix?.[1] ?? null, letter, length: from + m[0].length + colon, formStyle };
	}
	return null;
}

/** Header labels as municipalities shorten them: per key, the phrases' words. */
const HEADER_PHRASES: [key: string, phrases: string[][]][] = Object.entries(HEADER_LABEL_PHRASES).map(([key, p]) => [key, [...p.fi, ...p.sv].map(words)]);

/** A short label has at most this many words before its colon. */
const SHORT_LABEL_WORDS = 6;

export interface ShortLabel {
	key: string;
	/** Label words that are the key's words. */
	score: number;
	/** Characters of the line taken by the label and its colon. */
	length: number;
}

/**
 * A header label as municipalities shorten or reword it, at the start of a line: "Yhteyshenkilö:
 * …", "Deltagande aktörer: …", or a whole short line whose answer is printed beside it (a table
 * row "Päivitetty | 14.3.2025"). Every word of one of the key's phrases must be in the label, and
 * they must be at least half of its words (the document's own name and joining words not counted).
 * Keys in `skip` (already read, or being read) are not candidates; a tie is no label.
 */
export function shortHeaderLabel(text: string, beside: boolean, skip: ReadonlySet<string>): ShortLabel | null {
	const colon = text.indexOf(':');
	const label = colon > 0 ? text.slice(0, colon) : beside ? text : null;
	if (label === null) return null;
	const all = words(label);
	if (all.length === 0 || all.length > SHORT_LABEL_WORDS) return null;
	const content = all.filter((w) => !GENERIC_LABEL_WORDS.has(w));
	if (content.length === 0) return null;
	const scored: ShortLabel[] = [];
	for (const [key, phrases] of HEADER_PHRASES) {
		if (skip.has(key)) continue;
		const matched = new Set<number>();
		for (const phrase of phrases) {
			const hits = phrase.map((pw) => content.findIndex((w) => stemMatch(w, pw)));
			if (hits.every((h) => h >= 0)) hits.forEach((h) => matched.add(h));
		}
		if (matched.size > 0 && matched.size >= content.length / 2) scored.push({ key, score: matched.size, length: colon > 0 ? colon + 1 : text.length });
	}
	scored.sort((a, b) => b.score - a.score);
	if (scored.length === 0 || (scored.length > 1 && scored[0].score === scored[1].score)) return null;
	return scored[0];
}
