/**
 * Cooperation arrangements, read from every part of the programme.
 *
 * - `kuntalaki_54`: a cooperation agreement under Kuntalaki (410/2015) 54 § ("yhteistoimintasopimus",
 *   "54 §:n mukainen sopimus", "isäntäkunta", "samarbetsavtal", "värdkommun"). The host is the
 *   municipality the text gives the host role ("isäntäkuntana X", "keskitetty Loimaalle", "Loimaan
 *   kaupunki vastaa … sopimuksen nojalla"; weakest: "sopimuksella … X:n kanssa"); members are the
 *   municipalities named as belonging to it ("kuuluvat Auran kunnan lisäksi Oripään ja Pöytyän kunnat").
 * - `joint_programme`: one programme for several municipalities (the header names more than one),
 *   or "yhteinen/seudullinen kotoutumisohjelma".
 * - `employment_area`: the employment area (työllisyysalue), named or not, and its host
 *   ("vastuukunta Turku") when the text names it.
 * - `joint_procurement`: "yhteisiä hankintoja", "kilpailutettu ELY-keskuksen toimesta",
 *   "keskitetysti hankituissa", with the partners named in the sentence.
 * - `purchased_service`: "ostopalveluna", "palveluntuottajan kautta", and every private company
 *   named (a company can only provide a municipal service as a purchased service).
 * - `municipal_cooperation`: another municipality named as a partner where no agreement type is
 *   stated ("yhteistyössä Lempäälän kunnan kanssa", "Vaasan ja Mustasaaren kuntien kanssa",
 *   "tillsammans med Borgå stad"): every municipality named in the partners field, a B or C part, or a
 *   sentence that speaks of cooperation; not the programme's own, not an area ("Tampereen seudun"),
 *   not a place in an A part ("muuttanut Seinäjoelta"), not one already host or member under 54 § or
 *   the employment area's host.
 * - `wellbeing_county`, `education_provider`, `ngo_parish`: every such actor named.
 * One row per arrangement type and partner (the first mention in form order is the evidence);
 * a type with no named partner gets one row with an empty partner.
 */
import type { ActorKind, ActorMention } from './actors';
import type { MunicipalityMention } from './gazetteer';
import { factConfidence, sentenceCues, type FactMatch, type FactSource } from './confidence';
import { AMBIGUOUS_NAMES } from './gazetteer';
import { actorAmbiguous, actorMatch, bySentence, municipalityKind, type PreparedAnswer, type ProgrammeFacts } from './prepared';
import { perSentence, sentenceAt } from './text';
import { saysWhoDoesWhat } from './services';
import type { ArrangementType, CooperationRow } from './types';
import { ARRANGEMENT_TYPES } from '../../dataset/tables';
import { LOCATIVE_CASES } from './finnish';
import type { Municipality } from '../../reference/index';

/** Words that name a municipal cooperation agreement (Kuntalaki 54 §) on their own. */
const AGREEMENT =
	/54[ \t]*§|yhteistoimintasopimu\p{L}*|sopimuskun\p{L}*|isäntäkun\p{L}*|värdkommun\p{L}*|avtalskommun\p{L}*|kommunallagen[ \t]+\(?[\d/]*\)?[ \t]*54/iu;
/** Words for any cooperation agreement: they count only in a sentence that names municipalities. */
const AGREEMENT_WEAK = /yhteistyösopimu\p{L}*|samarbetsavtal\p{L}*|samarbetsavtal/iu;
/** "vastuukunta" alone is an agreement word only outside employment-area sentences. */
const VASTUUKUNTA = /vastuukun\p{L}*/iu;
const EMPLOYMENT_AREA_WORD = /työllisyy?s?a?lue|sysselsättningsområde/iu;
const HOST_WORD = /^(?:isäntäkun\p{L}*|vastuukun\p{L}*|värdkommun\p{L}*)$/iu;
const CENTRALISED = /keskite\p{L}*|siirre\p{L}*|siirtä\p{L}*|siirtänyt|annettu|koottu|centraliser\p{L}*|överför\p{L}*/iu;
const MEMBERSHIP =
	/kuulu\p{L}*|lisäksi|sopimuskun\p{L}*|jäsenkun\p{L}*|osapuol\p{L}*|mukana|ovat[ \t]+sopineet|deltar|ingår|medlemskommun\p{L}*|avtalskommun\p{L}*/iu;
/** A sentence that speaks of working with someone: names in it are partners, not places. */
const COOPERATES =
	/(?<![\p{L}])(?:yhteistyö\p{L}*|yhdessä|kanssa|kesken|sopi\p{L}*|sovittu|yhteis\p{L}*|ostaa|ostetaan|ostamme|ostopalvelu\p{L}*|verkosto\p{L}*|vertail\p{L}*|samarbet\p{L}*|tillsammans|samordna\p{L}*|samråd\p{L}*|gemensam\p{L}*|köp\p{L}*|avtal\p{L}*)(?![\p{L}])/iu;
/** After a genitive (or a genitive list): an area named after municipalities. */
const AREA_AFTER =
	/^(?:[ \t]*(?:,|ja|sekä|och|samt)?[ \t]*\p{Lu}[\p{L}-]*)*[ \t]+(?:[\p{L}-]*alue\p{L}*|seutukun\p{L}*|[\p{L}-]*område\p{L}*|[\p{L}-]*region\p{L}*)(?![\p{L}])/u;
const cooperatesIn = (sentence: string) => COOPERATES.test(sentence);
const DECIDES = /(?<![\p{L}])(?:päättää|päättävät|ansvarar|beslutar)(?![\p{L}])/iu;

const JOINT_PROGRAMME = /(?:yhtei\p{L}*|seudulli\p{L}*)[ \t]+kotoutumisohjelm\p{L}*|gemensam\p{L}*[ \t]+integrationsprogram\p{L}*/iu;
const JOINT_PROCUREMENT =
	/yhteishankin\p{L}*|yhteiskilpailut\p{L}*|yhtei\p{L}*[ \t]+hankin\p{L}*|hankitaan[ \t]+yhdessä|kilpailutetaan[ \t]+yhdessä|keskitet\p{L}*[ \t]+hankin\p{L}*|keskitetysti[ \t]+hankit\p{L}*|kilpailutet\p{L}*|kilpailutta\p{L}*|kilpailutuks\p{L}*|gemensam\p{L}*[ \t]+upphandl\p{L}*|samupphandl\p{L}*|upphandla\p{L}*[ \t]+gemensamt|centralt[ \t]+upphandl\p{L}*|KL-Kuntahankinnat|Hansel/iu;
const PURCHASED =
	/ostopalvelu\p{L}*|palvelu(?:n)?tuottaj\p{L}*[ \t]+kautta|köp\p{L}*[ \t]+tjänst\p{L}*|köptjänst\p{L}*|köps[ \t]+(?:in[ \t]+)?(?:av|från)/iu;

interface Found {
	p: PreparedAnswer;
	start: number;
	end: number;
	partner: string;
	kind: ActorKind;
	municipalityCode: string | null;
	areaCode: string | null;
	role: CooperationRow['role'];
	/** How it was found, for its confidence: default `prose` and the mention's own match. */
	source?: FactSource;
	match?: FactMatch;
	ambiguous?: boolean;
}

export function cooperationRows(
	programmeId: string,
	prepared: readonly PreparedAnswer[],
	facts: ProgrammeFacts,
	byCode: ReadonlyMap<string, Municipality>
): CooperationRow[] {
	const found = new Map<ArrangementType, Found[]>();
	const add = (type: ArrangementType, f: Found) => {
		const list = found.get(type);
		if (list) list.push(f);
		else found.set(type, [f]);
	};
	const cueOnly = new Map<ArrangementType, Found>();
	const addCue = (type: ArrangementType, p: PreparedAnswer, re: RegExp, sentence: number) => {
		if (cueOnly.has(type)) return;
		const s = p.a.sentences[sentence];
		const m = re.exec(p.a.text.slice(s.start, s.end));
		if (!m) return;
		const start = s.start + (m.index ?? 0);
		cueOnly.set(type, { p, start, end: start + m[0].length, partner: '', kind: 'other', municipalityCode: null, areaCode: null, role: 'partner', source: 'cue', match: 'exact' });
	};

	// --- Kuntalaki 54 § agreements -------------------------------------------------------------
	const agreement = kuntalaki54(prepared, facts);
	for (const f of agreement.rows) add('kuntalaki_54', f);
	if (agreement.cue && agreement.rows.length === 0) cueOnly.set('kuntalaki_54', agreement.cue);

	for (const p of prepared) {
		const text = p.answer.text;
		if (text.trim() === '') continue;
		const actorsIn = bySentence(p.actors);
		const municipalitiesIn = bySentence(p.municipalities);
		for (const s of p.a.sentences) {
			const st = text.slice(s.start, s.end);
			const inSentence = actorsIn.get(s.index) ?? [];

			// --- joint programme (explicit phrase) ---
			if (JOINT_PROGRAMME.test(st)) {
				const ms = municipalitiesIn.get(s.index) ?? [];
				for (const m of ms) add('joint_programme', fromMunicipality(p, m, 'member', byCode, facts));
				if (ms.length === 0) addCue('joint_programme', p, JOINT_PROGRAMME, s.index);
			}

			// --- employment area host: "vastuukunta Turku" in a sentence about the employment area ---
			if (EMPLOYMENT_AREA_WORD.test(st)) {
				for (const m of municipalitiesIn.get(s.index) ?? []) {
					const hostWordBefore = m.precededBy && VASTUUKUNTA.test(m.precededBy);
					const hostWordAfter = /^[ \t]+(?:toimii[ \t]+)?(?:vastuukuntana|isäntäkuntana)/iu.test(text.slice(m.phraseEnd, m.phraseEnd + 30));
					if (!hostWordBefore && !hostWordAfter) continue;
					const muni = byCode.get(m.code);
					let start = m.start;
					if (hostWordBefore) {
						const prev = p.a.tokens[m.firstToken - 1];
						if (prev) start = prev.start;
					}
					add('employment_area', {
						p,
						start,
						end: m.phraseEnd,
						partner: m.noun ? `${m.text} ${m.noun.lemma}` : m.name,
						kind: 'host_municipality',
						municipalityCode: m.code,
						areaCode: muni?.employmentAreaCode ?? null,
						role: 'host'
					});
				}
			}

			// --- joint or central procurement ---
			if (JOINT_PROCUREMENT.test(st)) {
				const partners = inSentence.filter((x) => !isOwn(x, facts));
				for (const x of partners) add('joint_procurement', fromActor(p, x, facts, 'partner'));
				if (partners.length === 0) addCue('joint_procurement', p, JOINT_PROCUREMENT, s.index);
			}

			// --- purchased services ---
			if (PURCHASED.test(st)) {
				const partners = inSentence.filter((x) => ['private_company', 'other', 'ngo_parish', 'education_provider'].includes(x.kind));
				for (const x of partners) add('purchased_service', fromActor(p, x, facts, 'partner'));
				if (partners.length === 0) addCue('purchased_service', p, PURCHASED, s.index);
			}
		}

		for (const x of p.actors) {
			if (x.kind === 'employment_authority' && /työllisyysalue$|sysselsättningsområde$/.test(x.name))
				add('employment_area', fromActor(p, x, facts, 'partner'));
			if (x.kind === 'private_company') add('purchased_service', fromActor(p, x, facts, 'partner'));
			if (x.kind === 'wellbeing_county') add('wellbeing_county', fromActor(p, x, facts, 'partner'));
			if (x.kind === 'education_provider') add('education_provider', fromActor(p, x, facts, 'partner'));
			if (x.kind === 'ngo_parish') add('ngo_parish', fromActor(p, x, facts, 'partner'));
		}
	}

	// --- plain cooperation with a named municipality (no agreement type stated) ---
	// A municipality already placed in an agreement or as the employment area's host keeps that row only.
	const agreed = new Set(
		[...(found.get('kuntalaki_54') ?? []), ...(found.get('employment_area') ?? [])].map((f) => f.municipalityCode).filter((c): c is string => !!c)
	);
	for (const p of prepared) {
		const key = p.answer.key;
		if (key === 'header.municipalities' || p.municipalities.length === 0) continue;
		const partsField = key === 'header.partners';
		const bOrC = /^s\d\.[bc]\d?$/.test(key) || key.startsWith('table.');
		for (const m of p.municipalities) {
			if (facts.ownCodes.includes(m.code) || agreed.has(m.code) || m.noun?.role === 'area') continue;
			// "Turun työllisyysalue", "Kirkkonummen, Vihdin ja Siuntion työllisyysalueen": the name of an area, not a partner municipality.
			if (!m.noun && AREA_AFTER.test(p.answer.text.slice(m.phraseEnd, m.phraseEnd + 120))) continue;
			const cooperates = perSentence(p.a, m.sentence, cooperatesIn);
			const place = !m.noun && LOCATIVE_CASES.has(m.phraseCase);
			if (!(cooperates || partsField || (bOrC && !place))) continue;
			add('municipal_cooperation', fromMunicipality(p, m, 'partner', byCode, facts));
		}
	}

	// --- joint programme: several municipalities in the header ---
	if (facts.ownCodes.length > 1) {
		const header = prepared.find((p) => p.answer.key === 'header.municipalities');
		if (header) for (const m of header.municipalities) add('joint_programme', fromMunicipality(header, m, 'member', byCode, facts));
	}

	const rows: CooperationRow[] = [];
	for (const type of ARRANGEMENT_TYPES) {
		const list = found.get(type) ?? [];
		// One row per partner. Its name and evidence: the first mention that names it ("Turun
		// työllisyysalue" over a bare "työllisyysalue"), else the first mention.
		const byPartner = new Map<string, Found[]>();
		for (const f of list) {
			const group = byPartner.get(identity(f));
			if (group) group.push(f);
			else byPartner.set(identity(f), [f]);
		}
		for (const group of byPartner.values()) rows.push(toRow(programmeId, type, group.find((f) => !isGenericName(f.partner)) ?? group[0]));
		if (list.length === 0 && cueOnly.has(type)) rows.push(toRow(programmeId, type, cueOnly.get(type)!));
	}
	return rows;
}

/** Who a row is about: the municipality, else the area (employment area, wellbeing county), else the name. */
function identity(f: Found): string {
	if (f.municipalityCode) return `${f.role}|m${f.municipalityCode}`;
	if (f.areaCode) return `${f.role}|a${f.areaCode}`;
	return `${f.role}|n${f.partner.toLowerCase()}`;
}

function isGenericName(name: string): boolean {
	return /^(?:työllisyysalue|sysselsättningsområde|hyvinvointialue|välfärdsområde)$/.test(name);
}

/** Parts whose question is about cooperation (partners, the municipalities covered, C parts "Yhteistyö"). */
const ASKS_COOPERATION = /^(?:header\.partners|header\.municipalities|s\d\.c\d?)$/;

function toRow(programmeId: string, type: ArrangementType, f: Found): CooperationRow {
	const s = sentenceAt(f.p.a, f.start);
	return {
		programme_id: programmeId,
		key: f.p.answer.key,
		span_start: f.start,
		span_end: f.end,
		snippet: f.p.answer.text.slice(f.start, f.end),
		arrangement_type: type,
		partner: f.partner,
		partner_kind: f.kind,
		partner_municipality_code: f.municipalityCode,
		partner_area_code: f.areaCode,
		role: f.role,
		confidence: factConfidence({
			source: f.source ?? (ASKS_COOPERATION.test(f.p.answer.key) ? 'field' : 'prose'),
			match: f.match ?? 'exact',
			...(s ? perSentence(f.p.a, s.index, sentenceCues) : sentenceCues('')),
			ambiguous: f.ambiguous,
			ocr: f.p.ocr
		})
	};
}

function isOwn(x: ActorMention, facts: ProgrammeFacts): boolean {
	return x.kind === 'municipality' && (x.municipalityCode === null || facts.ownCodes.includes(x.municipalityCode)) && x.via !== 'role';
}

function fromActor(p: PreparedAnswer, x: ActorMention, facts: ProgrammeFacts, role: Found['role']): Found {
	const kind = municipalityKind(x, facts, p);
	return {
		p,
		start: x.start,
		end: x.end,
		partner: x.name,
		kind,
		municipalityCode: x.municipalityCode,
		areaCode: x.kind === 'employment_authority' || x.kind === 'wellbeing_county' ? x.areaCode : null,
		role,
		match: actorMatch(x, p.answer.text.slice(x.start, x.end)),
		ambiguous: actorAmbiguous(x)
	};
}

function fromMunicipality(
	p: PreparedAnswer,
	m: MunicipalityMention,
	role: Found['role'],
	byCode: ReadonlyMap<string, Municipality>,
	facts: ProgrammeFacts
): Found {
	const own = facts.ownCodes.includes(m.code);
	const kind: ActorKind = role === 'host' ? (own && facts.ownCodes.length === 1 ? 'municipality' : 'host_municipality') : 'municipality';
	const nominative = byCode.get(m.code)?.[m.lang === 'sv' ? 'nameSv' : 'nameFi'] ?? m.name;
	return {
		p,
		start: m.start,
		end: m.phraseEnd,
		partner: partnerName(m, nominative.replace(/ kunta$/, '')),
		kind,
		municipalityCode: m.code,
		areaCode: null,
		role,
		...mentionSignals(m)
	};
}

/** A municipality mention: exact in the nominative, else inflected; a bare ambiguous name stays doubtful. */
function mentionSignals(m: MunicipalityMention): Pick<Found, 'match' | 'ambiguous'> {
	return { match: m.phraseCase === 'nom' ? 'exact' : 'inflected', ambiguous: !m.noun && AMBIGUOUS_NAMES.has(m.name) };
}

/** "Auran kunnan" → "Auran kunta"; "Oripään (ja Pöytyän kunnat)" → "Oripää"; "Närpes stad" stays. */
function partnerName(m: MunicipalityMention, nominative: string): string {
	return m.noun && m.noun.role === 'municipality' && !m.noun.plural ? `${m.text} ${m.noun.lemma}` : nominative;
}

interface Signal {
	p: PreparedAnswer;
	m: MunicipalityMention;
	strength: number;
	sentence: string;
	span: [number, number];
}

/**
 * The 54 § agreement: host and members from the sentences that speak of it, across the programme.
 * Host strength: 3 explicit host word or "keskitetty X:lle", 2 "X vastaa/järjestää/päättää …
 * sopimuksen nojalla", 1 "sopimuksella … X:n kanssa". Members: municipalities in a sentence
 * that says who belongs to the agreement.
 */
function kuntalaki54(prepared: readonly PreparedAnswer[], facts: ProgrammeFacts): { rows: Found[]; cue: Found | null } {
	const hosts: Signal[] = [];
	const members: Signal[] = [];
	let cue: Found | null = null;
	for (const p of prepared) {
		const text = p.answer.text;
		const municipalitiesIn = bySentence(p.municipalities);
		for (const s of p.a.sentences) {
			const st = text.slice(s.start, s.end);
			const areaSentence = EMPLOYMENT_AREA_WORD.test(st);
			const strong = AGREEMENT.exec(st);
			const m0 = strong ?? AGREEMENT_WEAK.exec(st) ?? (!areaSentence ? VASTUUKUNTA.exec(st) : null);
			if (!m0) continue;
			const ms = municipalitiesIn.get(s.index) ?? [];
			// "yhteistyösopimus SPR:n kanssa" is not a municipal agreement: weak words need municipalities.
			if (!strong && ms.length === 0) continue;
			const cueStart = s.start + (m0.index ?? 0);
			const cueSpan: [number, number] = [cueStart, cueStart + m0[0].length];
			if (!cue && strong) cue = { p, start: cueSpan[0], end: cueSpan[1], partner: '', kind: 'other', municipalityCode: null, areaCode: null, role: 'partner', source: 'cue', match: 'exact' };
			const membership = MEMBERSHIP.test(st);
			// Sentence tests, once per sentence rather than per municipality named in it.
			let centralised: boolean | undefined;
			let decides: boolean | undefined;
			for (const m of ms) {
				const span = union(text, s, cueSpan, [m.start, m.phraseEnd]);
				// "isäntäkuntana toimii Loimaan kaupunki", "Vasa stad fungerar som värdkommun"
				const before = p.a.tokens.slice(Math.max(0, m.firstToken - 3), m.firstToken).filter((t) => t.sentence === s.index).map((t) => t.lower);
				const after = p.a.tokens.slice(m.lastToken + 1, m.lastToken + 6).filter((t) => t.sentence === s.index).map((t) => t.lower);
				const next = p.a.tokens[m.lastToken + (m.noun ? 2 : 1)];
				let strength = 0;
				if (before.some((w) => HOST_WORD.test(w)) || after.some((w) => HOST_WORD.test(w))) strength = 3;
				else if (m.phraseCase === 'all' && (centralised ??= CENTRALISED.test(st))) strength = 3;
				else if ((m.phraseCase === 'nom' || (m.phraseCase === 'gen' && next && /koordinaattori|toimesta/iu.test(next.lower))) && (decides ??= saysWhoDoesWhat(st) || DECIDES.test(st)) && !membership)
					strength = 2;
				else if (m.phraseCase === 'gen' && next && next.lower === 'kanssa') strength = 1;
				if (strength > 0) hosts.push({ p, m, strength, sentence: st, span });
				else if (membership && !(areaSentence && facts.employmentAreaHosts.has(m.code))) members.push({ p, m, strength: 0, sentence: st, span });
			}
		}
	}
	const rows: Found[] = [];
	const best = hosts.reduce((m, h) => Math.max(m, h.strength), 0);
	const host = hosts.find((h) => h.strength === best);
	// The evidence is the first mention that gives the host role at all.
	const hostCode = host?.m.code ?? null;
	if (host && hostCode) {
		const first = hosts.find((h) => h.m.code === hostCode)!;
		rows.push(foundFor(first, 'host', facts));
	}
	const seen = new Set<string>(hostCode ? [hostCode] : []);
	for (const mem of members) {
		if (seen.has(mem.m.code)) continue;
		seen.add(mem.m.code);
		rows.push(foundFor(mem, 'member', facts));
	}
	return { rows, cue };
}

function foundFor(sig: Signal, role: 'host' | 'member', facts: ProgrammeFacts): Found {
	const m = sig.m;
	const own = facts.ownCodes.includes(m.code);
	return {
		p: sig.p,
		start: sig.span[0],
		end: sig.span[1],
		partner: partnerName(m, m.name),
		kind: role === 'host' ? (own && facts.ownCodes.length === 1 ? 'municipality' : 'host_municipality') : 'municipality',
		municipalityCode: m.code,
		areaCode: null,
		role,
		...mentionSignals(m),
		// Host strength 3 (an explicit host word) is exact; 1 ("sopimuksella … X:n kanssa") only contextual.
		...(role === 'host' && sig.strength === 1 ? { match: 'contextual' as const } : {})
	};
}

/** The partner's mention joined with the nearest cue in the same sentence, when they are close. */
function union(text: string, s: { start: number; end: number }, cue: [number, number], mention: [number, number]): [number, number] {
	const start = Math.min(cue[0], mention[0]);
	const end = Math.max(cue[1], mention[1]);
	if (end - start > 100 || start < s.start || end > s.end) return mention;
	return [start, end];
}
