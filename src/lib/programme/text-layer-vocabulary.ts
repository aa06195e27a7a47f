/**
 * How municipalities' own documents word the form's headings and labels, in Finnish and Swedish,
 * beside the form's own wording (form-tem-2024.ts, form-tem-2024-sv.ts). Declared here once; the
 * text-layer reader matches them word by word (labels.ts `wordsMatch`: inflection and prefixes
 * allowed), so "Yhteyshenkilöt" matches "yhteyshenkilö" and "Koordinointi" matches "koordinoi".
 * Every entry has a test (tests/unit/extract-own-template-variants.test.ts).
 */

/** Words before a section number: "Kohta 1", "Osa 2", "Punkt 3", "Avsnitt 4". */
export const SECTION_NUMBER_WORDS = ['kohta', 'osa', 'osio', 'luku', 'punkt', 'avsnitt', 'del'] as const;

/**
 * Part headings, without their letter: the form's names and their usual shortenings.
 * A name counts as a heading when it has a letter ("a.", "B)", "1A:"), ends in a colon
 * ("Vastuutaho: Kunta."), or stands alone on its line ("Kuvaus palvelusta").
 */
export const PART_NAMES: readonly [letter: 'a' | 'b' | 'c', name: RegExp][] = [
	['a', /^(?:kuvaus(?:\s+palvelu(?:sta|ista|ihin|iden|jen))?|palvelu(?:n|iden)\s+kuvaus|beskrivning(?:\s+av\s+tjänste(?:n|rna))?|tjänstebeskrivning)/iu],
	['b', /^(?:vastuutaho(?:t)?|ansvarig(?:a)?(?:\s+(?:aktör(?:er(?:na)?)?|instans(?:er)?))?)/iu],
	['c', /^(?:yhteistyö(?:tahot)?|samarbete(?:t)?)/iu]
];

/**
 * Header labels as municipalities shorten or reword them ("Yhteyshenkilö:", "Päivitetty:",
 * "Kontaktperson:"), by canonical key. A label matches a key when every word of one of these
 * phrases is in it and they make up at least half of its words (words in GENERIC_LABEL_WORDS
 * not counted): "Kotoutumisohjelman yhteyshenkilö" is the contact, "Laatimiseen osallistuneet"
 * the partners. The form's full labels are matched separately, from the form's own wording.
 */
export const HEADER_LABEL_PHRASES: Readonly<Record<string, { fi: readonly string[]; sv: readonly string[] }>> = {
	'header.municipalities': { fi: ['kunta', 'kunnat', 'kaupunki'], sv: ['kommun', 'kommuner'] },
	'header.coordinator': { fi: ['koordinoi', 'koordinointi'], sv: ['samordna', 'samordning'] },
	'header.contact': { fi: ['yhteyshenkilö', 'yhteystiedot', 'lisätiedot'], sv: ['kontaktperson', 'kontaktuppgifter'] },
	'header.partners': {
		fi: ['osallistuneet', 'osallistujat', 'yhteistyökumppanit', 'yhteistyötahot'],
		sv: ['deltagande', 'deltagare', 'samarbetspartner', 'samarbetsparter']
	},
	'header.updated': { fi: ['päivitetty', 'päivämäärä', 'päiväys', 'laadittu'], sv: ['uppdaterad', 'uppdaterat', 'datum', 'utarbetad'] },
	'header.process': { fi: ['laadinta', 'laadintaprosessi', 'viestintä', 'seuranta'], sv: ['beredning', 'kommunikation', 'uppföljning'] },
	'header.approval': { fi: ['käsittely', 'hyväksyminen', 'hyväksymisprosessi', 'hyväksytty'], sv: ['behandling', 'godkännande', 'godkänd'] }
};

/**
 * Words a label may carry besides its key words without changing what it is: the document's own
 * name and joining words ("Kotoutumisohjelman yhteyshenkilö", "Kommun eller kommuner").
 */
export const GENERIC_LABEL_WORDS = new Set([
	'kotoutumisohjelma', 'kotoutumisohjelman', 'kotoutumisohjelmaa', 'ohjelma', 'ohjelman', 'ohjelmaa', 'asiakirja', 'asiakirjan',
	'kunnan', 'kaupungin', 'ja', 'tai', 'sekä', 'eli',
	'integrationsprogram', 'integrationsprogrammet', 'integrationsprogrammets', 'programmet', 'programmets', 'dokumentet', 'dokumentets',
	'kommunens', 'stadens', 'och', 'eller', 'samt', 'för', 'av', 'i'
]);

/** Joining words left out when a heading's words are compared with a section title. */
export const HEADING_STOPWORDS = new Set([
	'ja', 'tai', 'sekä', 'eli', 'sen', 'on', 'ovat', 'jotka', 'joka',
	'och', 'eller', 'samt', 'av', 'i', 'på', 'för', 'som', 'till', 'med', 'om', 'under', 'den', 'det', 'de'
]);

/** Titles of the responsibility table (Finnish, Swedish). */
export const TABLE_TITLES = new Set(['vastuutaulukko', 'ansvarstabell']);
