/**
 * What a generated answer states, and where. Phrases are written with the `t` template tag:
 * interpolated mentions carry facts, and the tag records the exact character span of each one
 * in the finished text. The ground truth is therefore read off the text that was written, not
 * kept beside it: a fact cannot be in the truth without being in the document.
 *
 * The vocabularies are the columns of src/lib/dataset/tables.ts.
 */

export const SERVICES = [
	'assessment',
	'multi_assessment',
	'plan',
	'multi_plan',
	'orientation',
	'training',
	'other_training',
	'guidance',
	'other_services',
	'follow_up'
] as const;
export type Service = (typeof SERVICES)[number];

export const PROVIDER_KINDS = [
	'municipality',
	'host_municipality',
	'employment_authority',
	'wellbeing_county',
	'ely_keha',
	'education_provider',
	'ngo_parish',
	'private_company',
	'other'
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export type ClientGroup = 'jobseekers' | 'others' | 'both';

// Declared once in the table contract (src/lib/dataset/tables.ts).
import { ARRANGEMENT_TYPES, type ArrangementType } from '../src/lib/dataset/tables';
export { ARRANGEMENT_TYPES, type ArrangementType };
/** The types the generator writes truth for: plain cooperation (`municipal_cooperation`) is scored on the independent set. */
export const GENERATED_ARRANGEMENT_TYPES = ARRANGEMENT_TYPES.filter((t) => t !== 'municipal_cooperation');

export type LanguageContext = 'orientation' | 'training' | 'guidance' | 'other';

/** A named organisation the text can mention. */
export interface Actor {
	/** Nominative, as the truth records it ("Loimaan kaupunki"). */
	name: string;
	/** Genitive for running text ("Loimaan kaupungin"); Swedish actors use the Swedish genitive. */
	gen: string;
	kind: ProviderKind;
	/** Municipality code when the actor is a municipality (itself or a host). */
	code: string | null;
}

export interface ProviderFact {
	type: 'provider';
	/** Filled from the answer's key when a phrase leaves it out. */
	service?: Service;
	group: ClientGroup;
	actor: Actor;
}

export interface LanguageFact {
	type: 'language';
	code: string;
	context: LanguageContext;
}

/** A language named in the text that is NOT offered (population statistics, consultation, negation). */
export interface DistractorFact {
	type: 'distractor';
	code: string;
	why: 'population' | 'official-languages' | 'consultation' | 'negated' | 'interpreting-note' | 'course-title';
}

export interface ArrangementFact {
	type: 'arrangement';
	arrangement: ArrangementType;
	partner: Actor | null;
	role: 'host' | 'member' | 'partner';
}

/** A municipality named as covered by the programme (header). */
export interface MunicipalityFact {
	type: 'municipality';
	code: string;
}

export type Fact = ProviderFact | LanguageFact | DistractorFact | ArrangementFact | MunicipalityFact;

export interface Mention {
	readonly kind: 'mention';
	readonly text: string;
	readonly facts: readonly Fact[];
}

export interface PlacedFact {
	fact: Fact;
	start: number;
	end: number;
}

/** A piece of answer text with the facts it states at exact spans. */
export interface Piece {
	readonly text: string;
	readonly facts: readonly PlacedFact[];
}

export function mention(text: string, ...facts: Fact[]): Mention {
	return { kind: 'mention', text, facts };
}

type Part = string | Mention | Piece | null | undefined | false;

function isMention(v: Part): v is Mention {
	return typeof v === 'object' && v !== null && (v as Mention).kind === 'mention';
}

/** Appends parts in order, shifting the spans of nested pieces. */
export function concat(...parts: Part[]): Piece {
	let text = '';
	const facts: PlacedFact[] = [];
	for (const p of parts) {
		if (p === null || p === undefined || p === false) continue;
		if (typeof p === 'string') {
			text += p;
		} else if (isMention(p)) {
			for (const fact of p.facts) facts.push({ fact, start: text.length, end: text.length + p.text.length });
			text += p.text;
		} else {
			for (const f of (p as Piece).facts) facts.push({ fact: f.fact, start: f.start + text.length, end: f.end + text.length });
			text += p.text;
		}
	}
	return { text, facts };
}

/** Template tag: t`${mention} vastaa arvioinnista.` */
export function t(strings: TemplateStringsArray, ...values: Part[]): Piece {
	const parts: Part[] = [];
	strings.forEach((s, i) => {
		parts.push(s);
		if (i < values.length) parts.push(values[i]);
	});
	return concat(...parts);
}

/** Joins pieces with a separator, dropping empty ones. */
export function join(pieces: readonly (Piece | string | null | undefined | false)[], sep: string): Piece {
	const kept = pieces.filter((p): p is Piece | string => !!p && (typeof p === 'string' ? p.length > 0 : p.text.length > 0));
	const parts: Part[] = [];
	kept.forEach((p, i) => {
		if (i > 0) parts.push(sep);
		parts.push(p);
	});
	return concat(...parts);
}

/** Capitalises the first letter without moving spans. */
export function capitalise(p: Piece): Piece {
	if (!p.text) return p;
	return { text: p.text[0].toUpperCase() + p.text.slice(1), facts: p.facts };
}

export const EMPTY_PIECE: Piece = { text: '', facts: [] };
