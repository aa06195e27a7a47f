/**
 * The derived facts of one programme as the profile lists them: the rows of the languages,
 * responsibilities and cooperation tables are mentions, so the same fact read from several
 * places (Ukrainian named in 3A and in 3C) becomes one fact with several pieces of evidence.
 * Pure functions; the page adds the words.
 */
import type { CooperationFact, LanguageFact, ResponsibilityFact } from '$lib/db/queries';
import type { EvidenceSpan } from '../evidence-spans';

export interface Evidence {
	/** The answer's canonical key (the anchor of the answer on the page). */
	key: string;
	start: number;
	end: number;
	snippet: string;
}

interface FactBase {
	/** Unique on the page: `l0`, `r3`, `c1`… (kind letter + position). */
	id: string;
	evidence: Evidence[];
}

export interface LanguageFactGroup extends FactBase {
	kind: 'language';
	code: string;
	nameFi: string;
	context: string;
}

export interface ProviderFactGroup extends FactBase {
	kind: 'provider';
	service: string;
	clientGroup: string;
	provider: string;
	providerKind: string;
	providerCode: string | null;
	fromTable: boolean;
}

export interface CooperationFactGroup extends FactBase {
	kind: 'cooperation';
	arrangement: string;
	partner: string;
	partnerKind: string;
	partnerCode: string | null;
	role: string;
}

export type FactGroup = LanguageFactGroup | ProviderFactGroup | CooperationFactGroup;

export interface ProgrammeFacts {
	languages: LanguageFactGroup[];
	providers: ProviderFactGroup[];
	cooperation: CooperationFactGroup[];
}

function group<R extends { key: string; span_start: number; span_end: number; snippet: string }, F extends FactBase>(
	rows: readonly R[],
	identity: (r: R) => string,
	make: (r: R, id: string) => F,
	prefix: string
): F[] {
	const out = new Map<string, F>();
	for (const r of rows) {
		const k = identity(r);
		let f = out.get(k);
		if (!f) out.set(k, (f = make(r, `${prefix}${out.size}`)));
		f.evidence.push({ key: r.key, start: r.span_start, end: r.span_end, snippet: r.snippet });
	}
	for (const f of out.values()) f.evidence.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.start - b.start));
	return [...out.values()];
}

export function groupFacts(rows: {
	languages: readonly LanguageFact[];
	responsibilities: readonly ResponsibilityFact[];
	cooperation: readonly CooperationFact[];
}): ProgrammeFacts {
	return {
		languages: group(
			rows.languages,
			(r) => `${r.language_code}\u0000${r.context}`,
			(r, id) => ({ id, kind: 'language', code: r.language_code, nameFi: r.language_name_fi, context: r.context, evidence: [] }),
			'l'
		),
		providers: group(
			rows.responsibilities,
			(r) => [r.service, r.client_group, r.provider, r.provider_kind].join('\u0000'),
			(r, id) => ({
				id,
				kind: 'provider',
				service: r.service,
				clientGroup: r.client_group,
				provider: r.provider,
				providerKind: r.provider_kind,
				providerCode: r.provider_municipality_code,
				fromTable: r.from_table,
				evidence: []
			}),
			'r'
		),
		cooperation: group(
			rows.cooperation,
			(r) => [r.arrangement_type, r.partner, r.role].join('\u0000'),
			(r, id) => ({
				id,
				kind: 'cooperation',
				arrangement: r.arrangement_type,
				partner: r.partner,
				partnerKind: r.partner_kind,
				partnerCode: r.partner_municipality_code,
				role: r.role,
				evidence: []
			}),
			'c'
		)
	};
}

/** Every fact's evidence spans, by the answer they are in (what EvidenceText marks). */
export function spansByKey(facts: ProgrammeFacts): Map<string, EvidenceSpan[]> {
	const out = new Map<string, EvidenceSpan[]>();
	for (const f of [...facts.languages, ...facts.providers, ...facts.cooperation]) {
		for (const e of f.evidence) {
			const list = out.get(e.key) ?? [];
			list.push({ fact: f.id, start: e.start, end: e.end, snippet: e.snippet });
			out.set(e.key, list);
		}
	}
	return out;
}

/** The facts read from one answer, in the order listed. */
export function factsInAnswer(facts: ProgrammeFacts, key: string): FactGroup[] {
	return [...facts.languages, ...facts.providers, ...facts.cooperation].filter((f) => f.evidence.some((e) => e.key === key));
}
