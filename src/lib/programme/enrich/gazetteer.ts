/**
 * Municipality gazetteer: finds Finland's municipalities in administrative prose, in Finnish and
 * Swedish, in any case ("Auran kunta", "Loimaan kaupungin", "Pöytyällä", "i Närpes", "Närpes stad",
 * "Mustasaari/Korsholm", "Aura, Oripää ja Pöytyä"), and resolves them to their 3-digit codes.
 *
 * Built once per reference (the ingest runs it over hundreds of documents). A mention is accepted
 * only when the text makes it a place name: capitalised, and — for names that are also common words
 * or people's names (Aura, Salo, Kemi, Lahti, Kaarina, Ii…) — with context: a following
 * "kunta/kaupunki/kommun/stad/seutu", a list with other municipalities, a locative case inside a
 * sentence, a Swedish preposition, or the header field that names the programme's municipalities.
 */
import type { Municipality } from '../../reference/index';
import { placeNameForms, swedishNameForms, LOCATIVE_CASES, type FiCase } from './finnish';
import { analyse, type AnalysedText, type Token } from './text';

/** Names that are also common words, first names or surnames: they need context to count. */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set([
	// from common nouns: plough/aura, backwoods/salo, bay/lahti, eagle/kotka, islet/luoto, currents/virrat,
	// gravel/somero, pitchfork/hanko, spur/kannus, dawn glow/rusko, rapids/koski, chemistry (sv)/kemi
	'Aura', 'Salo', 'Lahti', 'Kotka', 'Luoto', 'Virrat', 'Somero', 'Hanko', 'Kannus', 'Rusko', 'Koski', 'Kemi',
	// people's names
	'Kaarina', 'Salla', 'Simo', 'Inari', 'Soini', 'Tervo', 'Sievi',
	// short or otherwise easy to hit by accident
	'Ii', 'Pello', 'Muhos', 'Nurmes', 'Rääkkylä', 'Nokia', 'Raisio', 'Lemi', 'Geta', 'Sund', 'Vaala', 'Juva', 'Eura'
]);

/** Extra names (Finnish usage) for municipalities whose reference name is not what prose uses. */
const ALIASES_FI: Record<string, string[]> = {
	'599': ['Pedersöre'], // reference name_fi is "Pedersören kunta"
	'284': ['Koski'], // "Koski Tl" in the classification; plain "Koski" is ambiguous and needs context
	'478': ['Maarianhamina']
};

/** Municipalities merged away; a mention resolves to the successor with a warning. */
export const MERGED: Record<string, { into: string; date: string }> = {
	Pertunmaa: { into: '507', date: '1.1.2025' }
};

export type MunicipalNounRole = 'municipality' | 'area';

export interface MunicipalNoun {
	lemma: string;
	role: MunicipalNounRole;
	case: FiCase;
	plural: boolean;
}

/** "kunta", "kaupunki", "kommun", "stad" (the organisation) and "seutu", "alue" (the area) in their forms. */
const MUNICIPAL_NOUNS: ReadonlyMap<string, MunicipalNoun> = (() => {
	const m = new Map<string, MunicipalNoun>();
	const add = (lemma: string, role: MunicipalNounRole, forms: [FiCase, string, boolean?][]) => {
		for (const [c, f, plural] of forms) if (!m.has(f)) m.set(f, { lemma, role, case: c, plural: !!plural });
	};
	add('kunta', 'municipality', [
		['nom', 'kunta'], ['gen', 'kunnan'], ['par', 'kuntaa'], ['ine', 'kunnassa'], ['ela', 'kunnasta'], ['ill', 'kuntaan'],
		['ade', 'kunnalla'], ['abl', 'kunnalta'], ['all', 'kunnalle'], ['ess', 'kuntana'], ['tra', 'kunnaksi'],
		['nom', 'kunnat', true], ['gen', 'kuntien', true], ['par', 'kuntia', true], ['ine', 'kunnissa', true],
		['ela', 'kunnista', true], ['ill', 'kuntiin', true], ['ade', 'kunnilla', true], ['abl', 'kunnilta', true],
		['all', 'kunnille', true], ['ess', 'kuntina', true]
	]);
	add('kaupunki', 'municipality', [
		['nom', 'kaupunki'], ['gen', 'kaupungin'], ['par', 'kaupunkia'], ['ine', 'kaupungissa'], ['ela', 'kaupungista'],
		['ill', 'kaupunkiin'], ['ade', 'kaupungilla'], ['abl', 'kaupungilta'], ['all', 'kaupungille'], ['ess', 'kaupunkina'],
		['tra', 'kaupungiksi'], ['nom', 'kaupungit', true], ['gen', 'kaupunkien', true], ['ine', 'kaupungeissa', true],
		['ade', 'kaupungeilla', true], ['all', 'kaupungeille', true], ['par', 'kaupunkeja', true]
	]);
	add('kommun', 'municipality', [
		['nom', 'kommun'], ['gen', 'kommuns'], ['nom', 'kommunen'], ['gen', 'kommunens'], ['nom', 'kommuner', true],
		['nom', 'kommunerna', true], ['gen', 'kommunernas', true]
	]);
	add('stad', 'municipality', [['nom', 'stad'], ['gen', 'stads'], ['nom', 'staden'], ['gen', 'stadens']]);
	// The municipality's offices act for it: "Auran kunnanvirasto palvelee…".
	for (const office of ['kunnanvirasto', 'kaupunginvirasto', 'kunnantalo', 'kaupungintalo', 'virastotalo', 'kommunkansli', 'stadshus']) {
		add(office, 'municipality', [['nom', office]]);
	}
	add('seutu', 'area', [
		['nom', 'seutu'], ['gen', 'seudun'], ['par', 'seutua'], ['ine', 'seudussa'], ['ela', 'seudusta'], ['ill', 'seutuun'],
		['ade', 'seudulla'], ['abl', 'seudulta'], ['all', 'seudulle']
	]);
	add('alue', 'area', [
		['nom', 'alue'], ['gen', 'alueen'], ['par', 'aluetta'], ['ine', 'alueessa'], ['ela', 'alueelta'], ['ill', 'alueelle'],
		['ade', 'alueella'], ['abl', 'alueelta'], ['all', 'alueelle']
	]);
	add('keskusta', 'area', [['nom', 'keskusta'], ['gen', 'keskustan'], ['ine', 'keskustassa'], ['ade', 'keskustalla']]);
	add('region', 'area', [['nom', 'regionen'], ['gen', 'regionens'], ['nom', 'region']]);
	return m;
})();

export function municipalNoun(lowerWord: string): MunicipalNoun | undefined {
	return MUNICIPAL_NOUNS.get(lowerWord);
}

/** Words before a name that make it a municipality: "vastuukunta Turku", "isäntäkuntana Loimaa". */
const PRECEDING_NOUNS = /^(?:vastuu|isäntä|jäsen|sopimus|naapuri|koti)?kunta(?:na)?$|^kaupunki$|^(?:värd|medlems|grann)?kommun(?:en)?$|^staden$/;

/** Swedish prepositions that put a place name in a locative role: "i Närpes", "från Korsholm". */
const SV_LOCATIVE_PREPOSITIONS = new Set(['i', 'från', 'till', 'på']);

// Tested on the trimmed gap: the same answer as /^\s*(?:…)\s*$/ (no joiner begins with white space,
// one ending in it matches without it) without backtracking between two adjacent \s* on long spaces.
const LIST_JOINER = /^(?:,\s*(?:ja|sekä|tai|och|samt|eller)?|\/|&|;|ja|sekä|tai|och|samt|eller)$/i;
const LIST_JOIN = { test: (gap: string) => LIST_JOINER.test(gap.trim()) };

interface Entry {
	code: string;
	/** The name's tokens as written in this form, e.g. ["S:t", "Karins"]. */
	tokens: string[];
	case: FiCase;
	lang: 'fi' | 'sv';
	ambiguous: boolean;
	/** Reference name in that language, nominative. */
	name: string;
}

export interface MunicipalityMention {
	code: string;
	/** Reference name (nominative) in the language of the mention. */
	name: string;
	lang: 'fi' | 'sv';
	/** The name as written. */
	text: string;
	start: number;
	end: number;
	/** Case of the name itself ("Auran" is genitive in "Auran kunnassa"). */
	case: FiCase;
	/** "kunta", "kaupungin", "stad", "seudulla"… right after the name (or shared in a list), if any. */
	noun: (MunicipalNoun & { text: string; start: number; end: number }) | null;
	/** End of the name plus its noun, if the noun follows directly. */
	phraseEnd: number;
	/** The case the phrase stands in: the noun's case, or the name's, or locative after "i/från/till". */
	phraseCase: FiCase;
	/** "vastuukunta Turku": the word before, when it is a municipality noun. */
	precededBy: string | null;
	firstToken: number;
	lastToken: number;
	sentence: number;
	/** Why the mention was accepted. */
	reason: 'name' | 'header' | 'noun' | 'preceding-noun' | 'list' | 'locative' | 'preposition';
}

export interface HeaderResolution {
	codes: string[];
	mentions: MunicipalityMention[];
	/** Parts of the header that name something but resolve to no municipality. */
	unresolved: string[];
	/** Names of merged municipalities, resolved to their successor. */
	merged: { name: string; code: string }[];
}

export interface MunicipalityGazetteer {
	byCode: ReadonlyMap<string, Municipality>;
	find(a: AnalysedText, opts?: { header?: boolean }): MunicipalityMention[];
	resolveHeader(text: string): HeaderResolution;
	/** Resolve a bare e-mail domain label ("aura" in aura.fi) to a code. */
	fromDomain(label: string): string | null;
}

const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

export function createMunicipalityGazetteer(municipalities: readonly Municipality[]): MunicipalityGazetteer {
	const byCode = new Map(municipalities.map((m) => [m.code, m]));
	/** First token of a form → entries. */
	const index = new Map<string, Entry[]>();
	const candidates: Entry[] = [];
	const addForms = (code: string, name: string, lang: 'fi' | 'sv', forms: { form: string; case: FiCase }[]) => {
		const ambiguous = AMBIGUOUS_NAMES.has(name);
		for (const f of forms) candidates.push({ code, tokens: f.form.split(/\s+/), case: f.case, lang, ambiguous, name });
	};
	for (const m of municipalities) {
		const fiNames = [m.nameFi, ...(ALIASES_FI[m.code] ?? [])].filter((n) => !/ kunta$/.test(n));
		for (const n of fiNames) {
			if (/\s/.test(n)) {
				// "Koski Tl": the first word inflects, the rest stays ("Koskella Tl", "Koski Tl:n").
				const [head, ...rest] = n.split(/\s+/);
				const tail = rest.join(' ');
				const forms = placeNameForms(head).map((f) => ({ form: `${f.form} ${tail}`, case: f.case }));
				forms.push({ form: `${n}:n`, case: 'gen' }, { form: `${n}:ssä`, case: 'ine' }, { form: `${n}:ssa`, case: 'ine' });
				addForms(m.code, n, 'fi', forms);
			} else addForms(m.code, n, 'fi', placeNameForms(n));
		}
		if (m.nameSv && m.nameSv !== m.nameFi) addForms(m.code, m.nameSv, 'sv', swedishNameForms(m.nameSv));
	}
	for (const [name, { into }] of Object.entries(MERGED)) addForms(into, name, 'fi', placeNameForms(name));

	// A form two municipalities would share says nothing: drop it, unless it is one of them's
	// nominative (a real name beats a generated variant of another).
	const byForm = new Map<string, Entry[]>();
	for (const e of candidates) {
		const k = e.tokens.join(' ');
		byForm.set(k, [...(byForm.get(k) ?? []), e]);
	}
	for (const [, entries] of byForm) {
		const codes = new Set(entries.map((e) => e.code));
		let keep = entries;
		if (codes.size > 1) {
			const nominal = entries.filter((e) => e.case === 'nom' && e.tokens.join(' ') === e.name);
			keep = new Set(nominal.map((e) => e.code)).size === 1 ? nominal : [];
		}
		for (const e of keep) {
			const first = e.tokens[0];
			const list = index.get(first) ?? [];
			if (!list.some((x) => x.code === e.code && x.tokens.join(' ') === e.tokens.join(' ') && x.case === e.case)) list.push(e);
			index.set(first, list);
		}
	}

	const domains = new Map<string, string>();
	for (const m of municipalities) {
		domains.set(foldName(m.nameFi.replace(/ kunta$/, '')), m.code);
		domains.set(foldName(m.nameSv), m.code);
	}
	// Municipalities whose web domain is not their name.
	for (const [label, code] of [['hel', '091'], ['ouka', '564'], ['jkl', '179'], ['pedersore', '599']] as const) {
		if (byCode.has(code)) domains.set(label, code);
	}

	function lookup(tokens: Token[], i: number, header: boolean): { entry: Entry; last: number }[] {
		const t = tokens[i];
		const keys = [t.text];
		if (t.allCaps || (header && !t.capitalised)) keys.push(titleCase(t.text), t.text.charAt(0).toUpperCase() + t.text.slice(1));
		const found: { entry: Entry; last: number }[] = [];
		for (const key of new Set(keys)) {
			for (const e of index.get(key) ?? []) {
				let ok = true;
				for (let k = 1; k < e.tokens.length; k++) {
					const next = tokens[i + k];
					if (!next || (next.text !== e.tokens[k] && titleCase(next.text) !== e.tokens[k])) ok = false;
				}
				if (ok) found.push({ entry: e, last: i + e.tokens.length - 1 });
			}
		}
		// Prefer the longest match, then Finnish cases over Swedish duplicates.
		found.sort((a, b) => b.last - a.last);
		return found.filter((f) => f.last === found[0]?.last);
	}

	function find(a: AnalysedText, opts: { header?: boolean } = {}): MunicipalityMention[] {
		const header = !!opts.header;
		const { tokens, text } = a;
		const raw: (MunicipalityMention & { ambiguous: boolean })[] = [];
		for (let i = 0; i < tokens.length; i++) {
			const t = tokens[i];
			if (!header && !t.capitalised) continue;
			const hits = lookup(tokens, i, header);
			if (hits.length === 0) continue;
			// Several entries for one string (e.g. a Finnish and a Swedish form of one name): same code; take the first.
			const codes = new Set(hits.map((h) => h.entry.code));
			if (codes.size > 1) continue;
			const { entry, last } = hits[0];
			const lastTok = tokens[last];
			const nextTok = tokens[last + 1];
			const gap = nextTok ? text.slice(lastTok.end, nextTok.start) : '';
			const nounInfo = nextTok && /^[ \t]*$/.test(gap) ? MUNICIPAL_NOUNS.get(nextTok.lower) : undefined;
			// A noun only attaches to a genitive Finnish name ("Auran kunta") or any Swedish one ("Närpes stad").
			const noun =
				nounInfo && (entry.case === 'gen' || entry.lang === 'sv' || (header && entry.case === 'nom'))
					? { ...nounInfo, text: nextTok.text, start: nextTok.start, end: nextTok.end }
					: null;
			const prev = tokens[i - 1];
			const prevGap = prev ? text.slice(prev.end, t.start) : '';
			const precededBy = prev && /^[ \t]*$/.test(prevGap) && PRECEDING_NOUNS.test(prev.lower) ? prev.lower : null;
			const svPreposition = !!prev && SV_LOCATIVE_PREPOSITIONS.has(prev.text) && /^[ \t]+$/.test(prevGap);
			const phraseCase: FiCase = noun ? noun.case : svPreposition ? 'ine' : entry.case;
			raw.push({
				code: entry.code,
				name: entry.name,
				lang: entry.lang,
				text: text.slice(t.start, lastTok.end),
				start: t.start,
				end: lastTok.end,
				case: entry.case,
				noun,
				phraseEnd: noun ? noun.end : lastTok.end,
				phraseCase,
				precededBy,
				firstToken: i,
				lastToken: last,
				sentence: t.sentence,
				reason: 'name',
				ambiguous: entry.ambiguous
			});
			i = last;
		}
		// A genitive in a list shares the noun of the last item: "Oripään ja Pöytyän kunnat".
		for (let k = raw.length - 2; k >= 0; k--) {
			const m = raw[k];
			const n = raw[k + 1];
			if (!m.noun && n.noun && m.case === 'gen' && LIST_JOIN.test(text.slice(m.end, n.start))) {
				m.noun = n.noun;
				m.phraseCase = n.noun.case;
			}
		}
		const accepted = new Set<number>();
		raw.forEach((m, k) => {
			const t = tokens[m.firstToken];
			if (header) m.reason = 'header';
			else if (!t.capitalised) return;
			else if (!m.ambiguous) m.reason = 'name';
			else if (m.noun) m.reason = 'noun';
			else if (m.precededBy) m.reason = 'preceding-noun';
			else if (tokens[m.firstToken - 1] && SV_LOCATIVE_PREPOSITIONS.has(tokens[m.firstToken - 1].text) && !t.sentenceInitial)
				m.reason = 'preposition';
			else if (LOCATIVE_CASES.has(m.case) && !t.sentenceInitial && !nextIsCapitalisedName(tokens, m.lastToken)) m.reason = 'locative';
			else return;
			accepted.add(k);
		});
		// Lists: an ambiguous name next to an accepted municipality ("Salo, Somero ja Loimaa"), transitively
		// along a run of joined capitalised names: one sweep each way reaches it (not a pass per step).
		const joined = (x: MunicipalityMention, y: MunicipalityMention) => LIST_JOIN.test(text.slice(x.phraseEnd, y.start));
		const join = (k: number, from: number) => {
			const m = raw[k];
			if (accepted.has(k) || !tokens[m.firstToken].capitalised || !accepted.has(from)) return;
			if (from < k ? joined(raw[from], m) : joined(m, raw[from])) {
				m.reason = 'list';
				accepted.add(k);
			}
		};
		for (let k = 1; k < raw.length; k++) join(k, k - 1);
		for (let k = raw.length - 2; k >= 0; k--) join(k, k + 1);
		return raw.filter((_, k) => accepted.has(k)).map(({ ambiguous: _a, ...m }) => m);
	}

	function resolveHeader(text: string): HeaderResolution {
		const a = analyse(text);
		const mentions = find(a, { header: true });
		const merged = mentions.filter((m) => m.name in MERGED).map((m) => ({ name: m.name, code: m.code }));
		// Pieces between separators that hold a capitalised word but no municipality are unresolved.
		const unresolved: string[] = [];
		const pieces = text.split(/[,;\n/&+()]|\s+(?:ja|sekä|tai|och|samt|eller)\s+/i);
		let offset = 0;
		// Characters inside a mention, summed: whether a piece overlaps one is two look-ups, not a scan of the mentions.
		const inside = new Int32Array(text.length + 1);
		for (const m of mentions) inside.fill(1, m.start, m.end);
		for (let i = 1; i <= text.length; i++) inside[i] += inside[i - 1];
		const insideBefore = (i: number) => (i > 0 ? inside[i - 1] : 0);
		for (const piece of pieces) {
			const at = text.indexOf(piece, offset);
			offset = at + piece.length;
			const start = at;
			const end = at + piece.length;
			// (An empty piece names nothing either way.)
			const covered = start < end && insideBefore(end) - insideBefore(start) > 0;
			if (covered) continue;
			const words = piece.match(/[\p{L}][\p{L}:'’-]*/gu) ?? [];
			const meaningful = words.filter((w) => /^\p{Lu}/u.test(w) && !HEADER_STOPWORDS.has(w.toLowerCase()));
			if (meaningful.length > 0) unresolved.push(piece.trim());
		}
		const codes = [...new Set(mentions.map((m) => m.code))].sort();
		return { codes, mentions, unresolved, merged };
	}

	function fromDomain(label: string): string | null {
		return domains.get(foldName(label)) ?? null;
	}

	return { byCode, find, resolveHeader, fromDomain };
}

function nextIsCapitalisedName(tokens: Token[], last: number): boolean {
	const n = tokens[last + 1];
	// "Kaarina Virtanen", "Salo Matti": a capitalised word right after suggests a person.
	return !!n && n.capitalised && !n.sentenceInitial && !MUNICIPAL_NOUNS.has(n.lower) && !n.allCaps;
}

/** Words a header may hold besides names. */
const HEADER_STOPWORDS = new Set([
	'kunta', 'kunnat', 'kunnan', 'kaupunki', 'kaupungit', 'kaupungin', 'kommun', 'kommuner', 'kommunen', 'stad', 'staden',
	'städer', 'seutu', 'seudun', 'alue', 'alueen', 'yhteistoiminta-alue', 'kunnat:', 'kunta:', 'ja', 'sekä', 'och', 'samt',
	'yhteinen', 'yhteistoiminta-alueen', 'kotoutumisohjelma', 'kotoutumisohjelman', 'integrationsprogram', 'kuntayhtymä',
	'seutukunta', 'seutukunnan', 'kunnassa', 'kunnissa'
]);

function foldName(s: string): string {
	return s
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]/g, '');
}
