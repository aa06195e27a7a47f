/**
 * How sure a derived fact is: one rule for every fact table (responsibilities, languages,
 * cooperation, completeness, the programme's municipality), 0–1, from how the fact was found.
 *
 *   confidence = source × match × context × reading, rounded to 2 decimals, never above 1.
 *
 * - source: `field` 0.95 (a form field that asks exactly this: the responsibility table, a B part
 *   "Vastuutaho", the s3.a2 language list, the header's partners field); `prose` 0.8 (a sentence
 *   pattern in free text); `cue` 0.6 (only a cue word: an arrangement that names no partner, a
 *   table cell naming no body we know).
 * - match: `exact` 1 (the name or term as the lexicon has it, or a form field's value); `inflected`
 *   0.95 (through a case form, a lemma or a compound); `contextual` 0.8 (a word that counts only by
 *   its context: a bare language name in a sentence about languages, the weakest 54 § host cue
 *   "sopimuksella … X:n kanssa"); `generic` 0.85 (unnamed: "kunta", "järjestöt");
 *   `coreference` 0.75 (a staff role whose employer is named elsewhere, a relative "jonka kaupunki").
 * - context: a negation in the sentence ×0.6 ("ei järjestetä", "inte"); a hedge ×0.85
 *   ("tarvittaessa", "mahdollisesti", "suunnitteilla", "vid behov", "eventuellt"); an ambiguous
 *   municipality name (also a common word or a person's name: "Aura", "Salo") ×0.85.
 * - reading: text read from the PDF's text layer or fields 1; text read by OCR ×(0.6 + 0.35 × c),
 *   c = the page's mean OCR word confidence (0.95 at best: OCR always lowers a fact).
 *
 * Facts below REVIEW_THRESHOLD are listed for review on the Data page. The weights are a judgment,
 * not a fit: what matters is the order (a form-field fact above a prose guess, OCR below text).
 */
import type { Answer, Programme } from '../types';

export type FactSource = 'field' | 'prose' | 'cue';
export type FactMatch = 'exact' | 'inflected' | 'contextual' | 'generic' | 'coreference';

export interface FactSignals {
	source: FactSource;
	match: FactMatch;
	negated?: boolean;
	hedged?: boolean;
	ambiguous?: boolean;
	/** Mean OCR word confidence (0–1) of the text the fact was read from; null/undefined when not OCR. */
	ocr?: number | null;
}

export const SOURCE_WEIGHT: Readonly<Record<FactSource, number>> = { field: 0.95, prose: 0.8, cue: 0.6 };
export const MATCH_WEIGHT: Readonly<Record<FactMatch, number>> = { exact: 1, inflected: 0.95, contextual: 0.8, generic: 0.85, coreference: 0.75 };
export const NEGATED_WEIGHT = 0.6;
export const HEDGED_WEIGHT = 0.85;
export const AMBIGUOUS_WEIGHT = 0.85;

/** Facts below this are listed under "needs review". */
export const REVIEW_THRESHOLD = 0.6;

/** The OCR factor: 0.6 + 0.35 × c. */
export function ocrWeight(c: number | null | undefined): number {
	if (c === null || c === undefined) return 1;
	return 0.6 + 0.35 * Math.min(1, Math.max(0, c));
}

export function factConfidence(s: FactSignals): number {
	let c = SOURCE_WEIGHT[s.source] * MATCH_WEIGHT[s.match];
	if (s.negated) c *= NEGATED_WEIGHT;
	if (s.hedged) c *= HEDGED_WEIGHT;
	if (s.ambiguous) c *= AMBIGUOUS_WEIGHT;
	c *= ocrWeight(s.ocr);
	return round2(Math.min(1, c));
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

const NEGATION = /(?<![\p{L}])(?:ei|eikä|emme|eivät|ette|inte|ej|icke|ingen|inget|inga|aldrig)(?![\p{L}])/iu;
const HEDGE =
	/(?<![\p{L}])(?:tarvittaessa|mahdollisesti|mahdollisuuksien[ \t]+mukaan|suunnittee?ll\p{L}*|suunnitellaan|selvitetään|harkitaan|pyritään|tavoitteena|jatkossa|tulevaisuudessa|vid[ \t]+behov|eventuellt|möjligen|planeras|utreds|på[ \t]+sikt|i[ \t]+framtiden|kan[ \t]+vid)(?![\p{L}])/iu;

/** Negation and hedging in the sentence a fact stands in. */
export function sentenceCues(sentence: string): { negated: boolean; hedged: boolean } {
	return { negated: NEGATION.test(sentence), hedged: HEDGE.test(sentence) };
}

/**
 * OCR confidence of the text an answer was read from: the page's mean word confidence when the
 * page is known, else the document's; null when the answer was not read by OCR.
 */
export function answerOcr(answer: Pick<Answer, 'ocr' | 'source'> | undefined, programme: Pick<Programme, 'ocr'>): number | null {
	if (!answer?.ocr) return null;
	const summary = programme.ocr;
	if (!summary) return 0.5; // flagged as OCR but no account of it: treat as a middling read
	const page = summary.pages.find((p) => p.page === answer.source.page);
	return page ? page.confidence : summary.meanConfidence;
}

/** Where a municipality was read → its signals (municipality.ts tries them in this order). */
const MUNICIPALITY_SOURCE: Readonly<Record<string, Pick<FactSignals, 'source' | 'match'> | 'given'>> = {
	mapping: 'given',
	header: { source: 'field', match: 'exact' },
	title: { source: 'prose', match: 'exact' },
	lead: { source: 'prose', match: 'exact' },
	contact: { source: 'prose', match: 'inflected' },
	coordinator: { source: 'prose', match: 'inflected' },
	metadata: { source: 'cue', match: 'exact' },
	document: { source: 'cue', match: 'inflected' }
};

/**
 * The programme's municipality: each code by its best evidence (a user's mapping is 1), the
 * programme by its weakest code; null when it has none.
 */
export function municipalityConfidence(
	codes: readonly string[],
	evidence: readonly { code: string; key: string; source: string }[],
	ocrOf: (key: string) => number | null
): number | null {
	if (codes.length === 0) return null;
	let weakest = 1;
	for (const code of codes) {
		let best = 0;
		for (const e of evidence) {
			if (e.code !== code) continue;
			const s = MUNICIPALITY_SOURCE[e.source];
			const c = s === 'given' ? 1 : s ? factConfidence({ ...s, ocr: ocrOf(e.key) }) : 0;
			best = Math.max(best, c);
		}
		weakest = Math.min(weakest, best);
	}
	return round2(weakest);
}
