/**
 * Everything a phrase needs to write one document's answers, and small helpers that turn
 * actors and languages into mentions carrying facts.
 */
import type { Municipality } from '../src/lib/reference/index';
import {
	concat,
	mention,
	type Actor,
	type ArrangementType,
	type ClientGroup,
	type LanguageContext,
	type Mention,
	type Piece,
	type Service
} from './facts';
import type { OrgWord } from './names';
import type { Cast } from './phrases/actors';
import { fiListItems, svListItems, type FiListStyle, type SvListStyle } from './phrases/languages';
import type { DocPlan, SituationModel } from './plan';
import type { Rng } from './random';

export interface Ctx {
	rng: Rng;
	plan: DocPlan;
	model: SituationModel;
	lead: Municipality;
	covered: Municipality[];
	host: Municipality | null;
	/** Members of the 54 § agreement other than the host (some may publish no document). */
	agreementMembers: Municipality[];
	/** Actors in the language being written. */
	cast: Cast;
	/** Lead municipality: place name, its genitive, and kunta/kaupunki. */
	place: string;
	placeGen: string;
	word: OrgWord;
	/** Title of the person who guides clients outside the workforce, e.g. "maahanmuuttokoordinaattori". */
	coordinator: string;
	/** Who provides services for clients who are not job-seekers: the municipality, its host, or "the municipalities". */
	others: Actor;
	/** The same provider written as a person or unit ("Loimaan kaupungin maahanmuuttokoordinaattori"), nominative and genitive. */
	othersUnit: { nom: string; gen: string; actor: Actor };
	/** Whether the others-provider acts under a 54 § agreement (its text then says so). */
	viaAgreement: boolean;
	/** How orientation is organised. */
	orientation: 'own' | 'purchased' | 'education' | 'area';
	/** The 54 § host as partner (host or lead of the joint document), if any. */
	hostActor: Actor | null;
	/** The municipality itself, referred to generically ("kunta"). */
	generic: Actor;
	/** Languages offered, by context. */
	langs: Record<LanguageContext, string[]>;
	/** Whether to name a Cyrillic course title somewhere. */
	cyrillic: boolean;
}

export function pick<T>(c: Ctx, items: readonly T[]): T {
	return c.rng.pick(items);
}

export function chance(c: Ctx, p: number): boolean {
	return c.rng.chance(p);
}

/** A provider mention: `actor` provides the section's service to `group`. */
export function prov(actor: Actor, text: string, group: ClientGroup, service?: Service): Mention {
	return mention(text, { type: 'provider', actor, group, service });
}

/** A cooperation-arrangement mention. */
export function arr(actor: Actor | null, text: string, arrangement: ArrangementType, role: 'host' | 'member' | 'partner' = 'partner'): Mention {
	return mention(text, { type: 'arrangement', arrangement, partner: actor, role });
}

/** A mention that is both a provider and an arrangement partner (e.g. a purchased service). */
export function provArr(actor: Actor, text: string, group: ClientGroup, arrangement: ArrangementType, service?: Service): Mention {
	return mention(text, { type: 'provider', actor, group, service }, { type: 'arrangement', arrangement, partner: actor, role: 'partner' });
}

/** A Finnish list of offered languages; each language is its own mention. */
export function langListFi(codes: readonly string[], context: LanguageContext, style: FiListStyle, suffix?: string): Piece {
	const { items, joiners, tail } = fiListItems(codes, style, suffix);
	return concat(...items.flatMap((item, i) => [mention(item, { type: 'language', code: codes[i], context }), joiners[i]]), tail);
}

export function langListSv(codes: readonly string[], context: LanguageContext, style: SvListStyle): Piece {
	const { items, joiners, head } = svListItems(codes, style);
	return concat(head, ...items.flatMap((item, i) => [mention(item, { type: 'language', code: codes[i], context }), joiners[i]]));
}

/** Languages named but not offered (population statistics, official languages…). */
export function distractorListFi(
	codes: readonly string[],
	why: 'population' | 'official-languages' | 'consultation' | 'negated',
	style: FiListStyle,
	suffix?: string
): Piece {
	const { items, joiners, tail } = fiListItems(codes, style, suffix);
	return concat(...items.flatMap((item, i) => [mention(item, { type: 'distractor', code: codes[i], why }), joiners[i]]), tail);
}

export function distractorListSv(codes: readonly string[], why: 'population' | 'official-languages' | 'consultation' | 'negated', style: SvListStyle): Piece {
	const { items, joiners, head } = svListItems(codes, style);
	return concat(head, ...items.flatMap((item, i) => [mention(item, { type: 'distractor', code: codes[i], why }), joiners[i]]));
}

/** "Oripään ja Pöytyän" (genitives joined), each a mention with the given facts. */
export function listOf(mentions: readonly Mention[], and: string): Piece {
	return concat(...mentions.flatMap((m, i) => [m, i === mentions.length - 1 ? '' : i === mentions.length - 2 ? ` ${and} ` : ', ']));
}
