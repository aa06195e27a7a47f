/**
 * The programme's own municipality, from the whole document, strongest evidence first:
 * a mapping the user gave (ingest `--municipality FILE=CODE`), the "Kunta tai kunnat" answer, the
 * PDF title, the first lines of page 1 (title and first headings of a word-processor document), the
 * contact's e-mail domain, the coordinator, the PDF subject/keywords/author, and last the
 * municipality the answers name most often with "kunta/kaupunki/kommun/stad". Every fallback is
 * said in a warning; when nothing names one, an error-level finding (`no-municipality`) asks for a
 * mapping.
 */
import type { Answer, Programme } from '../types';
import type { MunicipalityGazetteer, MunicipalityMention } from './gazetteer';
import { analyse } from './text';
import type { EnrichmentWarning, MunicipalityEvidence } from './types';

/**
 * More municipalities than a programme can plausibly cover: twice the largest region or wellbeing
 * services county (30 municipalities), so no real joint programme comes near it. A header that
 * names this many is a list of (nearly) the whole country — pasted by mistake or hostile — and is
 * not taken as the programme's coverage.
 */
export const IMPLAUSIBLE_COVERAGE = 60;

export interface MunicipalityOptions {
	/** Codes given by the user for this file; they win over anything the document says. */
	municipalityCodes?: readonly string[];
}

export function resolveMunicipalities(
	programme: Programme,
	gazetteer: MunicipalityGazetteer,
	warnings: EnrichmentWarning[],
	options: MunicipalityOptions = {}
): { codes: string[]; evidence: MunicipalityEvidence[] } {
	const get = (key: string): Answer | undefined => programme.answers.find((a) => a.key === key);
	const evidence: MunicipalityEvidence[] = [];
	const name = (c: string) => `${gazetteer.byCode.get(c)?.nameFi ?? c} (${c})`;

	if (options.municipalityCodes && options.municipalityCodes.length > 0) {
		const codes = [...new Set(options.municipalityCodes)].sort();
		const unknown = codes.filter((c) => !gazetteer.byCode.has(c));
		if (unknown.length > 0) {
			warnings.push({ code: 'unknown-municipality-mapping', level: 'error', message: `The municipality mapping gives ${unknown.join(', ')}, which is no municipality code of the 1.1.2025 division; it was ignored.` });
		}
		const known = codes.filter((c) => gazetteer.byCode.has(c));
		if (known.length > 0) {
			for (const c of known) evidence.push({ code: c, key: 'mapping', span_start: 0, span_end: 0, snippet: '', source: 'mapping' });
			warnings.push({ code: 'municipality-from-mapping', message: `The municipality was given by the ingest mapping: ${known.map(name).join(', ')}.` });
			return { codes: known, evidence };
		}
	}

	const header = get('header.municipalities');
	const headerCodes = header && header.text.trim() !== '' ? gazetteer.resolveHeader(header.text) : null;
	if (headerCodes && headerCodes.codes.length > IMPLAUSIBLE_COVERAGE) {
		warnings.push({
			code: 'implausible-coverage',
			message: `"Kunta tai kunnat" names ${headerCodes.codes.length} municipalities, (nearly) the whole country and more than any joint programme covers (the largest region has 30): the list is not taken as the programme's coverage.`
		});
	} else if (header && headerCodes) {
		const r = headerCodes;
		for (const m of r.mentions) {
			evidence.push({ code: m.code, key: header.key, span_start: m.start, span_end: m.phraseEnd, snippet: header.text.slice(m.start, m.phraseEnd), source: 'header' });
		}
		for (const u of r.unresolved) {
			warnings.push({
				code: 'unresolved-municipality',
				message: `"Kunta tai kunnat" names "${u}", which matches no municipality in the 1.1.2025 division; it was not guessed.`
			});
		}
		for (const m of r.merged) {
			warnings.push({
				code: 'merged-municipality',
				message: `"Kunta tai kunnat" names ${m.name}, merged into ${name(m.code)}; the programme is counted for ${m.code}.`
			});
		}
		if (r.codes.length > 0) return { codes: r.codes, evidence };
	}

	const fallback = (source: string, codes: string[]) => {
		warnings.push({
			code: 'municipality-from-other-evidence',
			message: `"Kunta tai kunnat" ${headerCodes && headerCodes.codes.length > IMPLAUSIBLE_COVERAGE ? 'names (nearly) every municipality' : 'is empty or names no municipality'}; ${codes.map(name).join(', ')} was read from ${source}.`
		});
		return { codes, evidence };
	};
	/** Mentions in a free text (not an answer): every code they name, with evidence under a pseudo key. */
	const fromText = (text: string | null | undefined, key: string, src: MunicipalityEvidence['source'], accept: (m: MunicipalityMention) => boolean = () => true) => {
		if (!text) return [];
		const ms = gazetteer.find(analyse(text)).filter(accept);
		for (const m of ms) evidence.push({ code: m.code, key, span_start: m.start, span_end: m.phraseEnd, snippet: text.slice(m.start, m.phraseEnd), source: src });
		return [...new Set(ms.map((m) => m.code))].sort();
	};

	const title = fromText(programme.metadata.title, 'metadata.title', 'title');
	if (title.length > 0) return fallback('the PDF title', title);

	// Page 1's first lines: a title "Kotoutumisohjelma – Jämsän kaupunki". A bare name there needs a
	// municipal noun or must be unambiguous (the gazetteer already demands context for Salo, Aura…).
	const lead = fromText(programme.leadText, 'metadata.lead', 'lead');
	if (lead.length > 0) return fallback('the title on the first page', lead);

	const contact = get('header.contact');
	if (contact) {
		for (const m of contact.text.matchAll(/@([\p{L}\d-]+)\.(?:fi|ax)\b/giu)) {
			const code = gazetteer.fromDomain(m[1]);
			if (code) {
				const start = (m.index ?? 0) + 1;
				const end = start + m[1].length + 3;
				evidence.push({ code, key: contact.key, span_start: start, span_end: end, snippet: contact.text.slice(start, end), source: 'contact' });
				return fallback('the contact e-mail address', [code]);
			}
		}
	}
	const coordinator = get('header.coordinator');
	if (coordinator) {
		const ms = gazetteer.find(analyse(coordinator.text)).filter((m) => m.noun?.role === 'municipality');
		const codes = [...new Set(ms.map((m) => m.code))].sort();
		if (codes.length === 1) {
			for (const m of ms)
				evidence.push({ code: m.code, key: coordinator.key, span_start: m.start, span_end: m.phraseEnd, snippet: coordinator.text.slice(m.start, m.phraseEnd), source: 'coordinator' });
			return fallback('the coordinator answer', codes);
		}
	}
	for (const field of ['subject', 'keywords', 'author'] as const) {
		const codes = fromText(programme.metadata[field], `metadata.${field}`, 'metadata', (m) => m.noun?.role === 'municipality');
		if (codes.length === 1) return fallback(`the PDF ${field}`, codes);
	}

	// The whole document: the municipality its answers name most often as an organisation.
	const counts = new Map<string, MunicipalityMention[]>();
	for (const a of programme.answers) {
		if (a.text.trim() === '') continue;
		for (const m of gazetteer.find(analyse(a.text))) {
			if (m.noun?.role !== 'municipality') continue;
			const list = counts.get(m.code);
			if (list) list.push(m);
			else counts.set(m.code, [m]);
			(m as MunicipalityMention & { key?: string }).key = a.key;
		}
	}
	const ranked = [...counts].sort((x, y) => y[1].length - x[1].length);
	if (ranked.length > 0 && ranked[0][1].length >= 3 && (ranked.length === 1 || ranked[0][1].length >= 2 * ranked[1][1].length)) {
		const [code, ms] = ranked[0];
		for (const m of ms) {
			const key = (m as MunicipalityMention & { key?: string }).key!;
			const text = get(key)!.text;
			evidence.push({ code, key, span_start: m.start, span_end: m.phraseEnd, snippet: text.slice(m.start, m.phraseEnd), source: 'document' });
		}
		return fallback(`the answers, which name it ${ms.length} times`, [code]);
	}

	warnings.push({
		code: 'no-municipality',
		// A scan with no text read has its own warning (`scan`); with text, a missing municipality is an error.
		level: programme.inputKind === 'scan' && programme.answers.length === 0 ? 'warning' : 'error',
		message:
			'No municipality could be read: "Kunta tai kunnat" is empty or unresolved, and neither the title, the first page, the contact e-mail, the coordinator nor the answers name one. Give it to the ingest: npm run ingest -- --municipality FILE=CODE.'
	});
	return { codes: [], evidence };
}
