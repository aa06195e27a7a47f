/**
 * Each answer analysed once (sentences, tokens, municipality mentions, actors) and shared by the
 * responsibility and cooperation rules.
 */
import type { Answer } from '../types';
import type { ActorKind, ActorMention } from './actors';
import type { FactMatch } from './confidence';
import { AMBIGUOUS_NAMES, type MunicipalityMention } from './gazetteer';
import type { KeyInfo } from './services';
import { perSentence, type AnalysedText } from './text';

export interface PreparedAnswer {
	answer: Answer;
	info: KeyInfo;
	a: AnalysedText;
	municipalities: MunicipalityMention[];
	actors: ActorMention[];
	/** OCR word confidence of the page the answer was read from; null when it was not read by OCR. */
	ocr: number | null;
}

export interface ProgrammeFacts {
	ownCodes: readonly string[];
	/** Host of the programme's Kuntalaki 54 § agreement, if one was found. */
	agreementHost: string | null;
	/** Hosts (vastuukunta) of the programme's employment areas, from the reference data. */
	employmentAreaHosts: ReadonlySet<string>;
}

export function sentenceText(p: PreparedAnswer, sentence: number): string {
	const s = p.a.sentences[sentence];
	return s ? p.a.text.slice(s.start, s.end) : '';
}

const employmentAreaSentence = (sentence: string) => /työllisyy?s?a?lue|sysselsättningsområde/iu.test(sentence);

/** Actors by sentence index, grouped once per call: filtering every actor per sentence is quadratic. */
export function bySentence<T extends { sentence: number }>(items: readonly T[]): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const x of items) {
		const list = out.get(x.sentence);
		if (list) list.push(x);
		else out.set(x.sentence, [x]);
	}
	return out;
}

/** Refine a municipality actor (read with its own sentence): the programme's own, another acting as host, or the employment area's host. */
export function municipalityKind(actor: ActorMention, facts: ProgrammeFacts, p: PreparedAnswer): ActorKind {
	if (actor.kind !== 'municipality') return actor.kind;
	const code = actor.municipalityCode;
	if (!code) return 'municipality';
	const own = facts.ownCodes.includes(code);
	if (own && !(facts.agreementHost === code && facts.ownCodes.length > 1)) return 'municipality';
	if (facts.employmentAreaHosts.has(code) && facts.agreementHost !== code && perSentence(p.a, actor.sentence, employmentAreaSentence))
		return 'employment_authority';
	return 'host_municipality';
}

/** How an actor was matched, for its confidence (see confidence.ts). */
export function actorMatch(actor: ActorMention, snippet: string): FactMatch {
	if (actor.via === 'role') return 'coreference';
	if (actor.via === 'own-municipality') return 'generic';
	if (actor.via === 'municipality' && actor.generic) return 'coreference'; // "jonka kaupunki"
	if (actor.generic) return 'generic';
	if (actor.via === 'company') return 'exact';
	if (actor.via === 'municipality') return actor.case === 'nom' ? 'exact' : 'inflected';
	return snippet === actor.name ? 'exact' : 'inflected';
}

/** A bare municipality name that is also a common word ("Aura", "Salo"), with no "kunta/kaupunki" to settle it. */
export function actorAmbiguous(actor: ActorMention): boolean {
	return actor.via === 'municipality' && AMBIGUOUS_NAMES.has(actor.name);
}
