/**
 * The actor lexicon: organisation terms (Finnish and Swedish) with their kinds, staff roles and the
 * words that tell an actor from a place or a description. Used by actors.ts.
 */
import { PROVIDER_KINDS } from '../../dataset/services';
export type ActorKind = (typeof PROVIDER_KINDS)[number];

/** The kinds of actor: the dataset's provider kinds, declared once in ../../dataset/services.ts. */
export const ACTOR_KINDS: readonly ActorKind[] = PROVIDER_KINDS;

export interface Term {
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

export const COMPILED = TERMS.map((t) => {
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
export const ROLE =
	/^(?:(?:maahanmuutto|maahanmuuttaja|kotoutumis|hyvinvointi|integrations)?koordinaattori\p{L}*|edustaj\p{L}*|virkailij\p{L}*|asiantuntij\p{L}*|työntekijä\p{L}*|\p{L}*ohjaaj\p{L}*|sosiaalityöntekijä\p{L}*|\p{L}*toimiala\p{L}*|\p{L}*yksik(?:kö|ö)\p{L}*|maahanmuutto(?:palvelu|yksikkö)\p{L}*|maahanmuuttajapalvelu\p{L}*|kotoutumispalvelu\p{L}*|keskitet\p{L}*|lähipalvelu\p{L}*|palvelupiste\p{L}*|toimipiste\p{L}*|sosiaalitoim\p{L}*|sivistystoim\p{L}*|integrationskoordinator\p{L}*|koordinator\p{L}*|handledare\p{L}*|enhet\p{L}*|tjänste(?:man|män)\p{L}*|\p{L}*lautakun\p{L}*|\p{L}*virasto\p{L}*|palvelukeskuk?s\p{L}*|\p{L}*avdelning\p{L}*|\p{L}*förvaltning\p{L}*|\p{L}*nämnd\p{L}*|[\p{L}-]*palvelut|[\p{L}-]*palveluiden|[\p{L}-]*palvelujen|[\p{L}-]*palveluja|[\p{L}-]*palveluissa|[\p{L}-]*palveluista|[\p{L}-]*palveluihin|neuvontapiste\p{L}*)$/u;

/** Roles whose employer a programme states once and then leaves implicit. */
export const COREF_ROLE = /^(?:(?:maahanmuutto|maahanmuuttaja|kotoutumis)?koordinaattori|(?:integrations|invandrar)?koordinator)\p{L}*$/u;

/** After a genitive: "X:n toimesta", "X:n järjestämänä" make X the one who acts. */
export const AGENT_AFTER =
	/^(?:toimesta|järjestäm\p{L}*|tuottam\p{L}*|toteuttam\p{L}*|hallinnoim\p{L}*|kautta|johdolla|vastuulla|palveluksessa|ylläpitäm\p{L}*|kanssa)$/u;

/** After a genitive: the organisation only describes the next word ("Auran kunnan asiakkaat"). */
export const DESCRIPTOR_AFTER =
	/^(?:asiak|kotoutuj|kuntalais|asukk|asukas|alue|seud|verkkosivu|osalta|puitteissa|lisäksi|kunti|kunnat|kuntien|jäsenkun|väest|maahanmuuttaj(?!apalvelu)|kotoutumisohjelm|palvelutarpe|tarpe|hyvinvointi(?!toimiala)|tehtävi|nimissä|vastuukun|isäntäkun|invånare|klient|kunder)[\p{L}-]*$/u;

/** Words that never start a proper name, even capitalised at the start of a sentence. */
export const NAME_STOPWORDS = new Set([
	'lisäksi', 'myös', 'sekä', 'esimerkiksi', 'esim', 'kuten', 'mm', 'kunnan', 'kaupungin', 'alueen', 'seudun', 'tällä',
	'nykyisin', 'jatkossa', 'tarvittaessa', 'mikäli', 'jos', 'kun', 'koska', 'ja', 'tai', 'dessutom', 'även', 'också',
	'samt', 'alueella', 'seudulla', 'toimiva', 'toimii', 'paikallinen', 'paikalliset', 'muut', 'muiden', 'eri', 'kaikki',
	'oma', 'oman', 'seudullisesti', 'palvelun', 'palvelua', 'palvelut', 'koulutuksen', 'koulutusta', 'koulutukset',
	'vastuutaho', 'vastuutahona', 'yhteistyötä', 'yhteistyössä', 'tarjoaa', 'järjestää', 'vastaa', 'kotoutumiskoulutuksen',
	'kotoutumiskoulutusta', 'työvoimakoulutuksina', 'opetusta', 'kieli', 'the', 'och', 'eller', 'i', 'på', 'av', 'för'
]);

/** Nominative of a matched head: keep the compound prefix, put the lexicon head back ("Kansanopistossa" → "Kansanopisto"). */
export function headLemma(matched: string, term: Term & { head: RegExp }): string {
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
export function headCase(word: string): 'gen' | 'locative' | 'other' {
	const w = word.toLowerCase().replace(/:.*$/, '');
	if (/(?:lla|llä|lta|ltä|lle|ssa|ssä|sta|stä|seen|iin)$/.test(w)) return 'locative';
	if (/n$/.test(w)) return 'gen';
	return 'other';
}

