/**
 * Actors named in the prose: who provides a service or takes part in an arrangement.
 *
 * An actor is an organisation term from the lexicon below ("työvoimaviranomainen", "hyvinvointialueen",
 * "ELY-keskuksen", "kansalaisopisto", "seurakunta", "Arffman Finland Oy"…), a municipality acting as an
 * organisation ("Loimaan kaupunki", "Loimaan kaupungin maahanmuuttokoordinaattori", "Turun järjestämänä",
 * "vastuukunta Turku"), the programme's own municipality named generically ("kunta", "kunnan edustaja"),
 * or a staff role whose employer the programme named elsewhere ("maahanmuuttokoordinaattori" after
 * "Loimaan kaupungin maahanmuuttokoordinaattori").
 *
 * Not actors: places ("Auran kunnassa", "Loimaan seudulla", "Pöytyällä", "työllisyysalueella"),
 * and organisations named only to describe someone else ("Auran kunnan kotoutuja-asiakkaiden",
 * "koko työllisyysalueen kotoutuja-asiakkaille"). Those are kept with `location`/`descriptor` set so
 * that cooperation can still use them as partners ("Turun työllisyysalueella suunnitellaan yhteisiä
 * hankintoja" names the employment area as a partner in procurement).
 */
import type { EmploymentArea, Municipality } from '../../reference/index';
import { LOCATIVE_CASES } from './finnish';
import type { MunicipalityMention } from './gazetteer';
import { municipalNoun } from './gazetteer';
import type { AnalysedText, Token } from './text';

export type ActorKind =
	| 'municipality'
	| 'host_municipality'
	| 'employment_authority'
	| 'wellbeing_county'
	| 'ely_keha'
	| 'education_provider'
	| 'ngo_parish'
	| 'private_company'
	| 'other';

export const ACTOR_KINDS: readonly ActorKind[] = [
	'municipality',
	'host_municipality',
	'employment_authority',
	'wellbeing_county',
	'ely_keha',
	'education_provider',
	'ngo_parish',
	'private_company',
	'other'
];

export interface ActorMention {
	/** For municipalities this is `municipality`; responsibilities/cooperation refine it (own, host, employment area host). */
	kind: ActorKind;
	/** The actor's name, nominative where we can: "Loimaan kaupunki", "hyvinvointialue", "Auranmaan opisto". */
	name: string;
	start: number;
	end: number;
	sentence: number;
	/** Municipality code when the actor is a municipality. */
	municipalityCode: string | null;
	/** Employment area code (employment authority) or wellbeing county code, when known. */
	areaCode: string | null;
	/** Unnamed: "järjestöt", "kunta", "palveluntuottaja". */
	generic: boolean;
	/** Named as a place ("työllisyysalueella", "Loimaan seudulla"), not as an actor. */
	location: boolean;
	/** Named to describe someone else ("Auran kunnan asiakkaat"). */
	descriptor: boolean;
	/** The staff role or unit written with it ("maahanmuuttokoordinaattori"), if any. */
	role: string | null;
	/** How it was found. */
	via: 'term' | 'company' | 'municipality' | 'own-municipality' | 'role';
	/** For municipality actors: the case of the phrase (nom, gen…). */
	case: string;
}

interface Term {
	kind: ActorKind;
	/** Nominative of the head. */
	lemma: string;
	/** Matches the head word(s) at a word start; flags `giu` are added. */
	re: RegExp;
	/** Compound heads may carry a prefix: "kansalais|opisto", "Liedon seura|kunta". */
	compound?: boolean;
	/** May take a proper name before it ("Loimaan Evankelinen kansalaisopisto"). */
	named?: boolean;
	/** An area word: in the adessive/ablative/allative it is a place ("työllisyysalueella"). */
	area?: boolean;
	/** Case-sensitive (acronyms, brand names). */
	exact?: boolean;
	/** Unnamed kind of actor ("järjestöt", "palveluntuottaja"). */
	generic?: boolean;
	/** A lower-case literal the text must contain for the term to match (derived from `re` when it starts with one). */
	hint?: string;
	/** Nominative of the matched text, when `lemma` alone is not the name (brand names, "TAITO-koulutus"). */
	normalise?: (matched: string) => string;
}

/** Strip a Finnish case ending from a proper name: "Omnian" → "Omnia", "Omniassa" → "Omnia". */
const stripCase = (s: string) => s.replace(/(?::\p{L}+|(?<=[aeiouyäö])(?:n|lla|llä|lle|lta|ltä|ssa|ssä|sta|stä|an|än))$/u, '');

const L = '\\p{L}*';

/** The lexicon. Order matters: earlier terms win overlaps of equal length. */
const TERMS: Term[] = [
	// Employment authority (työvoimaviranomainen, työllisyysalue, TE, työllisyyspalvelut)
	{ kind: 'employment_authority', lemma: 'työvoimaviranomainen', re: new RegExp(`työvoimaviranomai${L}`) },
	// "työllisyysalue", and the typos real prose has ("Työllisyyslue")
	{ kind: 'employment_authority', lemma: 'työllisyysalue', re: new RegExp(`työllisyy?s?a?lue${L}`), named: true, area: true },
	{ kind: 'employment_authority', lemma: 'työllisyyspalvelut', re: new RegExp(`työllisyyspalvelu${L}`) },
	{ kind: 'employment_authority', lemma: 'työvoimapalvelut', re: new RegExp(`työvoimapalvelu${L}`) },
	{ kind: 'employment_authority', lemma: 'TE-palvelupiste', re: new RegExp(`TE-palvelupistee?${L}`) },
	{ kind: 'employment_authority', lemma: 'TE-palvelut', re: new RegExp(`TE-palvelu${L}`) },
	{ kind: 'employment_authority', lemma: 'TE-toimisto', re: new RegExp(`TE-toimisto${L}`) },
	{ kind: 'employment_authority', lemma: 'TE-toimisto', re: new RegExp(`työ-[ \\t]+ja[ \\t]+elinkeinotoimisto${L}`) },
	{ kind: 'employment_authority', lemma: 'TE-palvelut', re: new RegExp(`työ-[ \\t]+ja[ \\t]+elinkeinopalvelu${L}`) },
	{ kind: 'employment_authority', lemma: 'arbetskraftsmyndigheten', re: new RegExp(`arbetskraftsmyndighet${L}`) },
	{ kind: 'employment_authority', lemma: 'sysselsättningsområde', re: new RegExp(`sysselsättningsområde${L}`), named: true, area: true },
	{ kind: 'employment_authority', lemma: 'sysselsättningstjänsterna', re: new RegExp(`sysselsättningstjänst${L}`) },
	{ kind: 'employment_authority', lemma: 'TE-byrån', re: new RegExp(`TE-byrå${L}`) },
	{ kind: 'employment_authority', lemma: 'TE-tjänsterna', re: new RegExp(`TE-tjänst${L}`) },
	{ kind: 'employment_authority', lemma: 'arbets- och näringsbyrån', re: new RegExp(`arbets-[ \\t]+och[ \\t]+näringsbyrå${L}`) },

	// Wellbeing services county (hyvinvointialue) and its social counsellors
	{ kind: 'wellbeing_county', lemma: 'hyvinvointialue', re: new RegExp(`hyvinvointialue${L}`), named: true },
	{ kind: 'wellbeing_county', lemma: 'välfärdsområde', re: new RegExp(`välfärdsområde${L}`), named: true },
	{ kind: 'wellbeing_county', lemma: 'sosiaaliohjaaja', re: new RegExp(`sosiaaliohjaaj${L}`), generic: true },
	{ kind: 'wellbeing_county', lemma: 'sosiaalityöntekijä', re: new RegExp(`sosiaalityöntekijä${L}`), generic: true },
	{ kind: 'wellbeing_county', lemma: 'aikuissosiaalityö', re: new RegExp(`aikuissosiaalityö${L}`), generic: true },
	{ kind: 'wellbeing_county', lemma: 'socialhandledare', re: new RegExp(`socialhandledar${L}`), generic: true },
	{ kind: 'wellbeing_county', lemma: 'socialarbetare', re: new RegExp(`socialarbetar${L}`), generic: true },

	// ELY / KEHA
	{ kind: 'ely_keha', lemma: 'ELY-keskus', re: new RegExp(`ELY-keskuk?s${L}`, ''), named: true },
	{ kind: 'ely_keha', lemma: 'ELY-keskus', re: /ELY(?::\p{L}+)?(?![\p{L}-])/u, exact: true, named: true },
	{ kind: 'ely_keha', lemma: 'ELY-keskus', re: new RegExp(`elinkeino-,[ \\t]+liikenne-[ \\t]+ja[ \\t]+ympäristökeskuk?s${L}`) },
	{ kind: 'ely_keha', lemma: 'KEHA-keskus', re: new RegExp(`KEHA-keskuk?s${L}`) },
	{ kind: 'ely_keha', lemma: 'KEHA-keskus', re: /KEHA(?::\p{L}+)?(?![\p{L}-])/u, exact: true },
	{ kind: 'ely_keha', lemma: 'NTM-centralen', re: new RegExp(`NTM-central${L}`), named: true },
	{ kind: 'ely_keha', lemma: 'UF-centret', re: new RegExp(`UF-cent${L}`) },

	// Education providers
	{ kind: 'education_provider', lemma: 'opisto', re: new RegExp(`opisto${L}`), compound: true, named: true },
	{ kind: 'education_provider', lemma: 'oppilaitos', re: new RegExp(`oppilaito${L}`), compound: true, named: true },
	{ kind: 'education_provider', lemma: 'koulutuskeskus', re: new RegExp(`koulutuskeskuk?s${L}`), compound: true, named: true },
	{ kind: 'education_provider', lemma: 'koulutuskuntayhtymä', re: new RegExp(`koulutuskuntayhtym${L}`), compound: true, named: true },
	{ kind: 'education_provider', lemma: 'korkeakoulu', re: new RegExp(`korkeakoulu${L}`), compound: true, named: true },
	{
		kind: 'education_provider',
		lemma: 'koulutus',
		re: /\p{Lu}{2,}-koulutu\p{L}*/u,
		hint: '-koulutu',
		exact: true,
		named: true,
		normalise: (m) => m.replace(/koulutu\p{L}*$/u, 'koulutus')
	},
	{
		kind: 'education_provider',
		lemma: 'institut',
		re: new RegExp(`(?:medborgar|arbetar|yrkes|vuxen)institut${L}`),
		named: true,
		hint: 'institut',
		normalise: (m) => m.replace(/institut\p{L}*$/u, 'institut')
	},
	{
		kind: 'education_provider',
		lemma: 'akademi',
		re: new RegExp(`(?:yrkes|folk|vuxen)akademi${L}`),
		named: true,
		hint: 'akademi',
		normalise: (m) => m.replace(/akademi\p{L}*$/u, 'akademi')
	},
	{ kind: 'education_provider', lemma: 'folkhögskola', re: new RegExp(`folkhögskol${L}`), compound: true, named: true },
	{ kind: 'education_provider', lemma: 'läroanstalt', re: new RegExp(`läroanstalt${L}`), compound: true, named: true },
	{
		kind: 'education_provider',
		lemma: '',
		hint: undefined,
		normalise: stripCase,
		re: /(?:Omnia|Careeria|Gradia|Sedu|Taitotalo|Axxell|Keuda|Hyria|Salpaus|Sataedu|Raseko|Novida|Ekami|Lappia|Redu|Kpedu|Jedu|Osao|Riveria|Vamia|Winnova|Luovi|Edupoli|Optima)(?::\p{L}+|\p{Ll}{0,4})(?![\p{L}])/u,
		exact: true
	},

	// NGOs, associations and parishes
	{ kind: 'ngo_parish', lemma: 'järjestö', re: new RegExp(`järjestö${L}-?`), compound: true, generic: true },
	{ kind: 'ngo_parish', lemma: 'yhdistys', re: new RegExp(`yhdisty(?:s|ks|st)${L}`), compound: true, named: true, generic: true },
	{ kind: 'ngo_parish', lemma: 'seurakunta', re: new RegExp(`seurakun${L}`), compound: true, named: true, generic: true },
	{ kind: 'ngo_parish', lemma: 'urheiluseura', re: new RegExp(`(?:urheilu|liikunta|nuoriso|kotiseutu)seur${L}`), named: true, generic: true, hint: 'seur' },
	{ kind: 'ngo_parish', lemma: 'säätiö', re: new RegExp(`säätiö${L}`), compound: true, named: true, generic: true },
	{ kind: 'ngo_parish', lemma: 'kolmas sektori', re: new RegExp(`kolma(?:s|nne${L}|tta)[ \\t]+sektori${L}`), generic: true },
	{ kind: 'ngo_parish', lemma: 'MLL', re: /MLL(?::\p{L}+)?(?![\p{L}])/u, exact: true },
	{ kind: 'ngo_parish', lemma: 'MLL', re: /Mannerheimin[ \t]+Lastensuojeluliito?n?\p{L}*/u, exact: true },
	{ kind: 'ngo_parish', lemma: 'SPR', re: /SPR(?::\p{L}+)?(?![\p{L}])/u, exact: true },
	{ kind: 'ngo_parish', lemma: 'SPR', re: /(?:Suomen[ \t]+)?Punai\p{L}+[ \t]+Risti\p{L}*/u, exact: true },
	{ kind: 'ngo_parish', lemma: 'setlementti', re: new RegExp(`setlementi?t${L}`), compound: true, named: true },
	{ kind: 'ngo_parish', lemma: 'förening', re: new RegExp(`förening${L}`), compound: true, named: true, generic: true },
	{ kind: 'ngo_parish', lemma: 'församling', re: new RegExp(`församling${L}`), compound: true, named: true, generic: true },
	{ kind: 'ngo_parish', lemma: 'tredje sektorn', re: /tredje[ \t]+sektorn/u, generic: true },
	{ kind: 'ngo_parish', lemma: 'Röda Korset', re: /Röda[ \t]+Korset\p{L}*/u, exact: true },
	{ kind: 'ngo_parish', lemma: 'Folkhälsan', re: /Folkhälsan\p{L}*/u, exact: true },

	// Other public bodies and unnamed service providers
	{ kind: 'other', lemma: 'palveluntuottaja', re: new RegExp(`palvelu(?:n)?tuottaj${L}`), generic: true },
	{ kind: 'other', lemma: 'serviceproducent', re: new RegExp(`(?:service|tjänste)producent${L}`), generic: true, hint: 'producent' },
	{ kind: 'other', lemma: 'Kela', re: /Kela(?::\p{L}+|n|lla|lle|lta|an)?(?![\p{L}])/u, exact: true },
	{ kind: 'other', lemma: 'Maahanmuuttovirasto', re: /Maahanmuuttoviraste?o?\p{L}*|Migri\p{L}*/u, exact: true },
	{ kind: 'other', lemma: 'vastaanottokeskus', re: new RegExp(`vastaanottokeskuk?s${L}`), compound: true, generic: true }
];

/** A literal the text must contain (lower-cased) for a term to match at all: skips most regexes cheaply. */
function hintOf(source: string): string | null {
	const m = /^[\p{L}-]+/u.exec(source);
	if (!m) return null;
	let lit = m[0];
	if (/^[?*{]/.test(source.slice(lit.length))) lit = lit.slice(0, -1);
	return lit.length >= 3 ? lit.toLowerCase() : null;
}

/** Lower-case the literal letters of a regex source, leaving escapes (`\\p{L}`, `\\t`) alone. */
const lowerSource = (src: string) => src.replace(/\\[pP]\{[^}]*\}|\\.|[^\\]+/g, (m) => (m.startsWith('\\') ? m : m.toLowerCase()));

const COMPILED = TERMS.map((t) => {
	const body = `(?<![\\p{L}\\p{N}${t.compound ? '' : '-'}])${t.compound ? '[\\p{L}-]*?' : ''}`;
	return {
		...t,
		hint: t.hint ?? hintOf(t.re.source) ?? undefined,
		/** Case-sensitive terms run on the text; the others on its lower-cased copy (case-insensitive matching is slow). */
		regex: t.exact ? new RegExp(`${body}(?:${t.re.source})`, 'gu') : new RegExp(`${body}(?:${lowerSource(t.re.source)})`, 'gu'),
		/** Fallback when lower-casing changes the text's length (then spans would not line up). */
		regexI: new RegExp(`${body}(?:${t.re.source})`, 'giu'),
		head: new RegExp(lowerSource(t.re.source), 'u')
	};
});

/** Staff roles and units written after an organisation's genitive: "Loimaan kaupungin maahanmuuttokoordinaattori". */
const ROLE =
	/^(?:(?:maahanmuutto|maahanmuuttaja|kotoutumis|hyvinvointi|integrations)?koordinaattori\p{L}*|edustaj\p{L}*|virkailij\p{L}*|asiantuntij\p{L}*|työntekijä\p{L}*|\p{L}*ohjaaj\p{L}*|sosiaalityöntekijä\p{L}*|\p{L}*toimiala\p{L}*|\p{L}*yksik(?:kö|ö)\p{L}*|maahanmuutto(?:palvelu|yksikkö)\p{L}*|maahanmuuttajapalvelu\p{L}*|kotoutumispalvelu\p{L}*|keskitet\p{L}*|lähipalvelu\p{L}*|palvelupiste\p{L}*|toimipiste\p{L}*|sosiaalitoim\p{L}*|sivistystoim\p{L}*|integrationskoordinator\p{L}*|koordinator\p{L}*|handledare\p{L}*|enhet\p{L}*|tjänste(?:man|män)\p{L}*|\p{L}*lautakun\p{L}*|\p{L}*virasto\p{L}*|palvelukeskuk?s\p{L}*|\p{L}*avdelning\p{L}*|\p{L}*förvaltning\p{L}*|\p{L}*nämnd\p{L}*|[\p{L}-]*palvelut|[\p{L}-]*palveluiden|[\p{L}-]*palvelujen|[\p{L}-]*palveluja|[\p{L}-]*palveluissa|[\p{L}-]*palveluista|[\p{L}-]*palveluihin|neuvontapiste\p{L}*)$/u;

/** Roles whose employer a programme states once and then leaves implicit. */
export const COREF_ROLE = /^(?:(?:maahanmuutto|maahanmuuttaja|kotoutumis)?koordinaattori|(?:integrations|invandrar)?koordinator)\p{L}*$/u;

/** After a genitive: "X:n toimesta", "X:n järjestämänä" make X the one who acts. */
const AGENT_AFTER =
	/^(?:toimesta|järjestäm\p{L}*|tuottam\p{L}*|toteuttam\p{L}*|hallinnoim\p{L}*|kautta|johdolla|vastuulla|palveluksessa|ylläpitäm\p{L}*|kanssa)$/u;

/** After a genitive: the organisation only describes the next word ("Auran kunnan asiakkaat"). */
const DESCRIPTOR_AFTER =
	/^(?:asiak|kotoutuj|kuntalais|asukk|asukas|alue|seud|verkkosivu|osalta|puitteissa|lisäksi|kunti|kunnat|kuntien|jäsenkun|väest|maahanmuuttaj(?!apalvelu)|kotoutumisohjelm|palvelutarpe|tarpe|hyvinvointi(?!toimiala)|tehtävi|nimissä|vastuukun|isäntäkun|invånare|klient|kunder)[\p{L}-]*$/u;

/** Words that never start a proper name, even capitalised at the start of a sentence. */
const NAME_STOPWORDS = new Set([
	'lisäksi', 'myös', 'sekä', 'esimerkiksi', 'esim', 'kuten', 'mm', 'kunnan', 'kaupungin', 'alueen', 'seudun', 'tällä',
	'nykyisin', 'jatkossa', 'tarvittaessa', 'mikäli', 'jos', 'kun', 'koska', 'ja', 'tai', 'dessutom', 'även', 'också',
	'samt', 'alueella', 'seudulla', 'toimiva', 'toimii', 'paikallinen', 'paikalliset', 'muut', 'muiden', 'eri', 'kaikki',
	'oma', 'oman', 'seudullisesti', 'palvelun', 'palvelua', 'palvelut', 'koulutuksen', 'koulutusta', 'koulutukset',
	'vastuutaho', 'vastuutahona', 'yhteistyötä', 'yhteistyössä', 'tarjoaa', 'järjestää', 'vastaa', 'kotoutumiskoulutuksen',
	'kotoutumiskoulutusta', 'työvoimakoulutuksina', 'opetusta', 'kieli', 'the', 'och', 'eller', 'i', 'på', 'av', 'för'
]);

export interface ActorContext {
	ownCodes: readonly string[];
	municipalitiesByCode: ReadonlyMap<string, Municipality>;
	employmentAreas: readonly EmploymentArea[];
}

/** Genitive prefixes of named areas: "Turun" (työllisyysalue), "Varsinais-Suomen" (hyvinvointialue). */
export interface AreaNames {
	employment: Map<string, string>;
	wellbeing: Map<string, string>;
	/** Wellbeing services counties by brand name ("Varha"), with the regex that finds it inflected. */
	wellbeingBrands: Map<string, { code: string; re: RegExp }>;
}

export function buildAreaNames(municipalities: readonly Municipality[], areas: readonly EmploymentArea[]): AreaNames {
	const employment = new Map<string, string>();
	for (const a of areas) {
		if (a.nameLongFi) {
			const m = /^(.*?)\s+työllisyysalue$/i.exec(a.nameLongFi);
			if (m) employment.set(m[1].toLowerCase(), a.code);
		}
	}
	const wellbeing = new Map<string, string>();
	for (const m of municipalities) {
		const g = /^(.*?)\s+hyvinvointialue$/i.exec(m.wellbeingCountyFi);
		if (g) wellbeing.set(g[1].toLowerCase(), m.wellbeingCountyCode);
		const s = /^(.*?)\s+välfärdsområde$/i.exec(m.wellbeingCountySv);
		if (s) wellbeing.set(s[1].toLowerCase(), m.wellbeingCountyCode);
	}
	// Brand names the counties use for themselves, resolved through their official names.
	const brands: [string, string][] = [
		['Varha', 'varsinais-suomen'],
		['Pirha', 'pirkanmaan'],
		['Eksote', 'etelä-karjalan'],
		['Siun sote', 'pohjois-karjalan'],
		['Soite', 'keski-pohjanmaan'],
		['Keusote', 'keski-uudenmaan'],
		['Vakehyva', 'vantaan ja keravan'],
		['Pohde', 'pohjois-pohjanmaan'],
		['Lapha', 'lapin'],
		['Hyvaks', 'keski-suomen'],
		['Oma Häme', 'kanta-hämeen'],
		['Kymenhva', 'kymenlaakson']
	];
	const wellbeingBrands = new Map<string, { code: string; re: RegExp }>();
	for (const [brand, prefix] of brands) {
		const code = wellbeing.get(prefix);
		const re = new RegExp(`(?<![\\p{L}])${brand}(?::\\p{L}+|n|lla|lle|lta|ssa|sta|an)?(?![\\p{L}])`, 'gu');
		if (code) wellbeingBrands.set(brand, { code, re });
	}
	return { employment, wellbeing, wellbeingBrands };
}

/** Nominative of a matched head: keep the compound prefix, put the lexicon head back ("Kansanopistossa" → "Kansanopisto"). */
function headLemma(matched: string, term: Term & { head: RegExp }): string {
	if (term.normalise) return term.normalise(matched);
	if (!term.compound) return term.lemma;
	const lower = matched.toLowerCase();
	const headStart = lower.search(term.head);
	const prefix = headStart > 0 ? matched.slice(0, headStart) : '';
	// A further compound part is part of the name: "seurakuntayhtymä", "opistoyhdistys".
	const rest = lower.startsWith(term.lemma.toLowerCase(), Math.max(0, headStart)) ? lower.slice(Math.max(0, headStart) + term.lemma.length) : '';
	// ("järjestötoiminta", "seurakuntatyö" are activities of the generic actor: its lemma.)
	if (rest !== '' && !INFLECTION_AFTER_LEMMA.has(rest) && !/^(?:toimin|työ|yhteistyö|verkosto|kentt)/u.test(rest)) return matched;
	return prefix + term.lemma;
}

/** Endings a nominative head takes in the cases that keep its stem ("seurakuntaan", "opistoa"). */
const INFLECTION_AFTER_LEMMA = new Set([
	'n', 'a', 'ä', 'an', 'än', 'na', 'nä', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 't', 'in', 'ineen',
	'ja', 'jä', 'ihin', 'iin', 'ista', 'istä', 'issa', 'issä', 'illa', 'illä', 'ille', 'ilta', 'iltä', 'ina', 'inä', 'iksi', 'jen',
	'en', 'ten', 'seen', 'hin', 'hon', 'ta', 'tä', 'ne', 'en', 'et', 'ar', 'er', 'ens', 'ernas', 's'
]);

/** The case of an inflected head, roughly: enough to tell places from actors. */
function headCase(word: string): 'gen' | 'locative' | 'other' {
	const w = word.toLowerCase().replace(/:.*$/, '');
	if (/(?:lla|llä|lta|ltä|lle|ssa|ssä|sta|stä|seen|iin)$/.test(w)) return 'locative';
	if (/n$/.test(w)) return 'gen';
	return 'other';
}

/** Per text: the token at, first token from, and last token before each character position. */
interface PositionIndex {
	at: Int32Array;
	from: Int32Array;
	before: Int32Array;
}
const positionIndexes = new WeakMap<AnalysedText, PositionIndex>();

function positions(a: AnalysedText): PositionIndex {
	let idx = positionIndexes.get(a);
	if (idx) return idx;
	const n = a.text.length + 1;
	const at = new Int32Array(n).fill(-1);
	const from = new Int32Array(n).fill(-1);
	const before = new Int32Array(n).fill(-1);
	for (const t of a.tokens) for (let i = t.start; i < t.end; i++) at[i] = t.index;
	let next = -1;
	let k = a.tokens.length - 1;
	for (let i = n - 1; i >= 0; i--) {
		while (k >= 0 && a.tokens[k].start >= i) next = k--;
		from[i] = next;
	}
	let last = -1;
	k = 0;
	for (let i = 0; i < n; i++) {
		while (k < a.tokens.length && a.tokens[k].end <= i) last = k++;
		before[i] = last;
	}
	idx = { at, from, before };
	positionIndexes.set(a, idx);
	return idx;
}

function tokenAt(a: AnalysedText, pos: number): Token | undefined {
	const i = positions(a).at[pos];
	return i >= 0 ? a.tokens[i] : undefined;
}

/** The token right after `end`, if only spaces or tabs lie between. */
function nextToken(a: AnalysedText, end: number): Token | undefined {
	const i = end < a.text.length + 1 ? positions(a).from[end] : -1;
	const t = i >= 0 ? a.tokens[i] : undefined;
	if (!t || !/^[ \t]*$/.test(a.text.slice(end, t.start))) return undefined;
	return t;
}

/** The token right before `start`, if only spaces or tabs lie between. */
function prevToken(a: AnalysedText, start: number): Token | undefined {
	const i = positions(a).before[start];
	const p = i >= 0 ? a.tokens[i] : undefined;
	if (!p || !/^[ \t]*$/.test(a.text.slice(p.end, start))) return undefined;
	return p;
}

/**
 * The staff role or unit after an organisation's genitive: "kaupungin maahanmuuttokoordinaattori";
 * with one adjective or genitive between ("kaupungin monikulttuurinen neuvontapiste", "kunnan
 * maahanmuuttajatyön yksikkö"), or a shared compound ("kaupungin perhe- ja sosiaalityön yksikkö").
 */
function roleAfter(a: AnalysedText, end: number): { role: string; end: number } | null {
	const r = roleAfterAny(a, end);
	// "Kunnan palvelupisteessä": a place, not the municipality acting.
	if (r && /pistee(?:ssä|ssa|llä|lla|stä|sta|seen|lle)$/u.test(r.role.toLowerCase())) return null;
	return r;
}

function roleAfterAny(a: AnalysedText, end: number): { role: string; end: number } | null {
	const t1 = nextToken(a, end);
	if (!t1) return null;
	if (ROLE.test(t1.lower)) return { role: t1.text, end: t1.end };
	const t2 = nextToken(a, t1.end);
	if (t2 && ROLE.test(t2.lower) && (/^\p{L}+(?:inen|iset|llinen|lliset)$/u.test(t1.lower) || /^\p{L}{4,}(?:työn|toimen|palvelujen|palveluiden)$/u.test(t1.lower)))
		return { role: `${t1.text} ${t2.text}`, end: t2.end };
	// "perhe- ja sosiaalityön yksikkö"
	if (t2 && /-$/.test(t1.text) && /^(?:ja|sekä|och)$/.test(t2.lower)) {
		const t3 = nextToken(a, t2.end);
		const t4 = t3 && nextToken(a, t3.end);
		if (t3 && t4 && /^\p{L}{4,}n$/u.test(t3.lower) && ROLE.test(t4.lower)) return { role: a.text.slice(t1.start, t4.end), end: t4.end };
	}
	return null;
}

/** Extend a named organisation to the left over capitalised words: "Loimaan Evankelinen" + "kansalaisopisto". */
function extendLeft(a: AnalysedText, start: number, max = 4): number {
	let s = start;
	for (let k = 0; k < max; k++) {
		const p = prevToken(a, s);
		if (!p || !(p.capitalised || p.allCaps) || NAME_STOPWORDS.has(p.lower)) break;
		if (p.sentence !== tokenAt(a, start)?.sentence) break;
		s = p.start;
	}
	return s;
}

/** Extend to the right over an acronym: "Kansanopisto LEKO". */
function extendRightAcronym(a: AnalysedText, end: number): number {
	const n = nextToken(a, end);
	if (n && n.allCaps && n.text.length <= 8 && /^\p{Lu}+$/u.test(n.text)) return n.end;
	return end;
}

export function findActors(
	a: AnalysedText,
	municipalities: readonly MunicipalityMention[],
	ctx: ActorContext,
	areaNames: AreaNames
): ActorMention[] {
	const out: ActorMention[] = [];
	// Characters already claimed by an actor: a longer or earlier match wins.
	const covered = new Uint8Array(a.text.length + 1);
	const overlaps = (s: number, e: number) => {
		for (let i = s; i < e; i++) if (covered[i]) return true;
		return false;
	};
	const taken = { push: ([s, e]: [number, number]) => covered.fill(1, s, e) };

	const ownArea = uniqueOf(ctx.ownCodes.map((c) => ctx.municipalitiesByCode.get(c)?.employmentAreaCode));
	const ownCounty = uniqueOf(ctx.ownCodes.map((c) => ctx.municipalitiesByCode.get(c)?.wellbeingCountyCode));

	// 1. Companies: capitalised words + Oy/Oyj/Ab/Ltd…
	const company = /(?<![\p{L}\p{N}])((?:[\p{Lu}\d][\p{L}\d&.'’-]*[ \t]+){1,5})(Oy|Oyj|Ab|Abp|Ltd|Ky|Tmi|Ay|AB|OY|Oy Ab)(?::\p{L}+)?(?![\p{L}])/gu;
	for (const m of a.text.matchAll(company)) {
		let start = m.index ?? 0;
		const words = m[1].trim().split(/[ \t]+/);
		// Drop leading words that are not part of a name ("Lisäksi Arffman Finland Oy").
		while (words.length > 1 && NAME_STOPWORDS.has(words[0].toLowerCase())) {
			start = a.text.indexOf(words[1], start + words[0].length);
			words.shift();
		}
		if (words.length === 1 && NAME_STOPWORDS.has(words[0].toLowerCase())) continue;
		const end = (m.index ?? 0) + m[0].length;
		const tok = tokenAt(a, start);
		const name = `${words.join(' ')} ${m[2]}`;
		out.push(base('private_company', name, start, end, tok?.sentence ?? 0, { via: 'company' }));
		taken.push([start, end]);
	}

	// 1b. Registered associations: "Monika-Naiset liitto ry", "Kotona Suomessa ry:n".
	const association =
		/(?<![\p{L}\p{N}])((?:[\p{Lu}\d][\p{L}\d&.'’-]*[ \t]+){1,5}(?:(?:liitto|yhdistys|seura|kerho|keskus|verkosto|förbund|förening)[ \t]+)?)(ry|r\.y\.|rf|r\.f\.)(?::\p{L}+)?(?![\p{L}])/gu;
	for (const m of a.text.matchAll(association)) {
		let start = m.index ?? 0;
		const words = m[1].trim().split(/[ \t]+/);
		while (words.length > 1 && NAME_STOPWORDS.has(words[0].toLowerCase())) {
			start = a.text.indexOf(words[1], start + words[0].length);
			words.shift();
		}
		const end = (m.index ?? 0) + m[0].length;
		if (overlaps(start, end) || (words.length === 1 && NAME_STOPWORDS.has(words[0].toLowerCase()))) continue;
		out.push(base('ngo_parish', `${words.join(' ')} ${m[2]}`, start, end, tokenAt(a, start)?.sentence ?? 0, { via: 'company' }));
		taken.push([start, end]);
	}

	// 2. Organisation terms.
	const lowerText = a.text.toLowerCase();
	const sameLength = lowerText.length === a.text.length;
	for (const term of COMPILED) {
		if (term.hint && !lowerText.includes(term.hint)) continue;
		const scan = term.exact ? a.text.matchAll(term.regex) : sameLength ? lowerText.matchAll(term.regex) : a.text.matchAll(term.regexI);
		for (const lm of scan) {
			// Matched on the lower-cased copy: take the text as written at the same place.
			const m = { index: lm.index, 0: a.text.slice(lm.index ?? 0, (lm.index ?? 0) + lm[0].length) };
			let start = m.index ?? 0;
			let end = start + m[0].length;
			if (overlaps(start, end)) continue;
			const head = m[0].replace(/-$/, '');
			if (head !== m[0]) end--;
			const tok = tokenAt(a, start);
			const sentence = tok?.sentence ?? 0;
			let name = headLemma(head, term);
			let areaCode: string | null = null;
			let generic = !!term.generic;
			const hc = headCase(head);
			// Named areas: "Turun työllisyysalue", "Varsinais-Suomen hyvinvointialue", "Etelä-Hämeen työllisyysalue".
			if (term.kind === 'employment_authority' && term.area) {
				const named = namedPrefix(a, start, areaNames.employment, municipalities, ctx, 'employment');
				if (named) {
					start = named.start;
					name = `${a.text.slice(named.start, named.end)} ${term.lemma}`;
					areaCode = named.code;
				} else {
					// A name we do not know ("Kemi-Tornion työllisyysalue"): keep it, the area is the programme's own.
					const p = prevToken(a, start);
					if (p && p.capitalised && /n$/u.test(p.text) && !NAME_STOPWORDS.has(p.lower) && p.sentence === sentence) {
						name = `${p.text} ${term.lemma}`;
						start = p.start;
					}
					areaCode = ownArea;
				}
			} else if (term.kind === 'employment_authority') {
				// "Helsingin työllisyysalue/-palvelut": a municipality's own employment services.
				const p = prevToken(a, start);
				const mm = p && municipalities.find((m) => m.lastToken === p.index && m.case === 'gen' && !m.noun);
				if (mm) {
					start = mm.start;
					name = `${mm.text} ${term.lemma}`;
					areaCode = ctx.municipalitiesByCode.get(mm.code)?.employmentAreaCode ?? ownArea;
				} else areaCode = ownArea;
			}
			else if (term.kind === 'wellbeing_county' && term.named) {
				const named = namedPrefix(a, start, areaNames.wellbeing, municipalities, ctx, 'wellbeing');
				if (named) {
					start = named.start;
					name = `${a.text.slice(named.start, named.end)} ${term.lemma}`;
					areaCode = named.code;
				} else areaCode = ownCounty;
			} else if (term.kind === 'wellbeing_county') areaCode = ownCounty;
			else if (term.named) {
				const s = extendLeft(a, start);
				if (s < start) {
					name = `${a.text.slice(s, start)}${name}`;
					start = s;
					generic = false;
				}
				if (term.kind === 'education_provider' || term.kind === 'ngo_parish') {
					const e = extendRightAcronym(a, end);
					if (e > end) {
						name = `${name} ${a.text.slice(nextToken(a, end)!.start, e)}`;
						end = e;
					}
				}
			}
			if (term.lemma === 'MLL' || term.lemma === 'SPR') {
				// A local branch: "MLL Aura", "SPR Loimaa".
				const n = nextToken(a, end);
				if (n && n.capitalised && !n.sentenceInitial && !NAME_STOPWORDS.has(n.lower)) {
					name = `${term.lemma} ${n.text}`;
					end = n.end;
				}
				generic = false;
			}
			if (overlaps(start, end)) continue;
			// A role right after: "hyvinvointialueen sosiaaliohjaajaan", "työllisyyspalveluiden virkailijat".
			let role: string | null = null;
			const after = nextToken(a, end);
			if (after && hc === 'gen' && ROLE.test(after.lower) && after.sentence === sentence) {
				role = after.text;
				end = after.end;
				const after2 = nextToken(a, end);
				if (after2 && /^palvelu\p{L}*$/u.test(after2.lower) && /^keskitet|^lähi/u.test(after.lower)) end = after2.end;
			}
			const follower = nextToken(a, end);
			const descriptor = hc === 'gen' && !role && !!follower && DESCRIPTOR_AFTER.test(follower.lower);
			const location = !!term.area && hc === 'locative';
			out.push(
				base(term.kind, name, start, end, sentence, {
					areaCode,
					generic,
					role,
					descriptor,
					location,
					via: 'term'
				})
			);
			taken.push([start, end]);
		}
	}

	// Brand-named wellbeing counties ("Varha").
	for (const [brand, { code, re }] of areaNames.wellbeingBrands) {
		if (!a.text.includes(brand)) continue;
		for (const m of a.text.matchAll(re)) {
			const start = m.index ?? 0;
			const end = start + m[0].length;
			if (overlaps(start, end)) continue;
			out.push(base('wellbeing_county', brand, start, end, tokenAt(a, start)?.sentence ?? 0, { areaCode: code, via: 'term' }));
			taken.push([start, end]);
		}
	}

	// 3. Municipalities acting as organisations.
	for (const mm of municipalities) {
		if (overlaps(mm.start, mm.end)) continue;
		const noun = mm.noun;
		if (noun && noun.role === 'area') continue; // "Loimaan seudulla", "Auran alueelle": places
		if (LOCATIVE_CASES.has(mm.phraseCase as never)) continue; // "Auran kunnassa", "Pöytyällä", "i Närpes"
		let end = mm.phraseEnd;
		let role: string | null = null;
		const after = nextToken(a, end);
		const isGenitive = mm.phraseCase === 'gen';
		if (isGenitive) {
			const r = roleAfter(a, end);
			if (r) {
				role = r.role;
				end = r.end;
			} else if (!(after && AGENT_AFTER.test(after.lower))) {
				// A bare genitive ("Turun lailla", "Auran kunnan lisäksi") is not an actor.
				continue;
			}
		} else if (mm.phraseCase !== 'nom') continue;
		if (noun?.plural) continue;
		const name = noun ? `${mm.text} ${noun.lemma}` : mm.name;
		out.push(
			base('municipality', name, mm.start, end, mm.sentence, {
				municipalityCode: mm.code,
				role,
				via: 'municipality',
				caseName: mm.phraseCase
			})
		);
		taken.push([mm.start, end]);
	}

	// 4. The programme's own municipality, unnamed: "kunta", "kunnan edustaja", "Kunta tekee…".
	const ownCode = ctx.ownCodes.length === 1 ? ctx.ownCodes[0] : null;
	for (const t of a.tokens) {
		if (overlaps(t.start, t.end)) continue;
		const noun = municipalNoun(t.lower);
		if (!noun || noun.role !== 'municipality' || noun.plural) continue;
		if (!['kunta', 'kaupunki', 'kommun', 'stad'].includes(noun.lemma)) continue;
		// "kommunen"/"staden" are definite; bare "kommun"/"stad" are too vague.
		if ((noun.lemma === 'kommun' && !/^kommunen/.test(t.lower)) || (noun.lemma === 'stad' && !/^staden/.test(t.lower))) continue;
		const prev = prevToken(a, t.start);
		if (prev && municipalities.some((m) => m.lastToken === prev.index)) continue;
		let end = t.end;
		let role: string | null = null;
		const after = nextToken(a, end);
		if (noun.case === 'gen') {
			const r = roleAfter(a, end);
			if (r) {
				role = r.role;
				end = r.end;
			} else if (!(after && AGENT_AFTER.test(after.lower))) {
				// "kunnan ja muiden toimijoiden" (coordination) counts; "kunnan asiakkaat" does not.
				const rest = a.text.slice(t.end, t.end + 6);
				if (!/^[ \t]+(?:ja|sekä|tai|och)[ \t]/u.test(rest)) continue;
			}
		} else if (noun.case !== 'nom') continue;
		// "keskitetty Kemijärvelle, jonka kaupunki vastaa": the relative points at the municipality just named.
		const antecedent =
			prev && /^(?:jonka|vars)$/.test(prev.lower)
				? [...municipalities].reverse().find((m) => m.sentence === t.sentence && m.end <= prev.start && !ctx.ownCodes.includes(m.code))
				: undefined;
		out.push(
			base('municipality', noun.lemma === 'kommun' ? 'kommunen' : noun.lemma === 'stad' ? 'staden' : noun.lemma, t.start, end, t.sentence, {
				municipalityCode: antecedent?.code ?? ownCode,
				role,
				generic: true,
				via: antecedent ? 'municipality' : 'own-municipality',
				caseName: noun.case
			})
		);
		taken.push([t.start, end]);
	}

	// 5. Implicit roles: "Maahanmuuttokoordinaattori järjestää koulutukset". The employer is named
	// elsewhere in the programme: `resolveImplicitRoles` fills in the code once all answers are read.
	for (const t of a.tokens) {
		if (overlaps(t.start, t.end) || !COREF_ROLE.test(t.lower)) continue;
		out.push(
			base('municipality', t.lower.replace(/^(\p{L}*koordinaattori|\p{L}*koordinator)\p{L}*$/u, '$1'), t.start, t.end, t.sentence, {
				municipalityCode: null,
				role: t.text,
				via: 'role',
				caseName: headCase(t.text)
			})
		);
		taken.push([t.start, t.end]);
	}

	return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

function base(
	kind: ActorKind,
	name: string,
	start: number,
	end: number,
	sentence: number,
	o: Partial<Omit<ActorMention, 'kind' | 'name' | 'start' | 'end' | 'sentence'>> & { caseName?: string } = {}
): ActorMention {
	return {
		kind,
		name,
		start,
		end,
		sentence,
		municipalityCode: o.municipalityCode ?? null,
		areaCode: o.areaCode ?? null,
		generic: o.generic ?? false,
		location: o.location ?? false,
		descriptor: o.descriptor ?? false,
		role: o.role ?? null,
		via: o.via ?? 'term',
		case: o.caseName ?? 'other'
	};
}

function uniqueOf(xs: (string | undefined)[]): string | null {
	const s = new Set(xs.filter((x): x is string => !!x));
	return s.size === 1 ? [...s][0] : null;
}

/**
 * The name before an area word: a known long name ("Etelä-Hämeen", "Vantaan ja Keravan"), or a
 * municipality's genitive ("Turun") whose area it is.
 */
function namedPrefix(
	a: AnalysedText,
	start: number,
	known: Map<string, string>,
	municipalities: readonly MunicipalityMention[],
	ctx: ActorContext,
	what: 'employment' | 'wellbeing'
): { start: number; end: number; code: string } | null {
	const before = a.text.slice(Math.max(0, start - 60), start).toLowerCase();
	const m = /[ \t]+$/.exec(before);
	if (m) {
		const head = before.slice(0, m.index);
		for (const [prefix, code] of known) {
			if (head.endsWith(prefix) && !/\p{L}/u.test(head.charAt(head.length - prefix.length - 1))) {
				const s = start - (before.length - (head.length - prefix.length));
				return { start: s, end: s + prefix.length, code };
			}
		}
	}
	const p = prevToken(a, start);
	const mm = p && municipalities.find((m) => m.lastToken === p.index && m.case === 'gen' && !m.noun);
	if (mm) {
		const muni = ctx.municipalitiesByCode.get(mm.code);
		const code = what === 'employment' ? muni?.employmentAreaCode : muni?.wellbeingCountyCode;
		if (code) return { start: mm.start, end: mm.end, code };
	}
	return null;
}

/**
 * Implicit roles stand for the employer the programme names with them somewhere
 * ("Loimaan kaupungin maahanmuuttokoordinaattori" → later "maahanmuuttokoordinaattori" is Loimaa's);
 * with no employer named, for the programme's own municipality (when it is one).
 */
export function resolveImplicitRoles(actorsByAnswer: ActorMention[][], ownCodes: readonly string[]): void {
	let employer: string | null | undefined;
	for (const actors of actorsByAnswer) {
		for (const a of actors) {
			if (employer === undefined && a.via === 'municipality' && a.role && COREF_ROLE.test(a.role.toLowerCase())) employer = a.municipalityCode;
		}
	}
	const code = employer ?? (ownCodes.length === 1 ? ownCodes[0] : null);
	for (const actors of actorsByAnswer) for (const a of actors) if (a.via === 'role') a.municipalityCode = code;
}
