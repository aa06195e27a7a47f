/**
 * Each answer analysed once (sentences, tokens, municipality mentions, actors) and shared by the
 * responsibility and cooperation rules.
 */
import type { Answer } from '../types';
import type { ActorKind, ActorMention } from './actors';
import type { MunicipalityMention } from './gazetteer';
import type { KeyInfo } from './services';
import type { AnalysedText } from './text';

export interface PreparedAnswer {
	answer: Answer;
	info: KeyInfo;
	a: AnalysedText;
	municipalities: MunicipalityMention[];
	actors: ActorMention[];
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

/** Refine a municipality actor: the programme's own, another acting as host, or the employment area's host. */
export function municipalityKind(actor: ActorMention, facts: ProgrammeFacts, sentence: string): ActorKind {
	if (actor.kind !== 'municipality') return actor.kind;
	const code = actor.municipalityCode;
	if (!code) return 'municipality';
	const own = facts.ownCodes.includes(code);
	if (own && !(facts.agreementHost === code && facts.ownCodes.length > 1)) return 'municipality';
	if (facts.employmentAreaHosts.has(code) && facts.agreementHost !== code && /työllisyy?s?a?lue|sysselsättningsområde/iu.test(sentence))
		return 'employment_authority';
	return 'host_municipality';
}
