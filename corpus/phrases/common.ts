/**
 * Phrases shared by both languages: placeholders, thin answers, people and contact details.
 * Contact details must not reach anyone real: e-mail addresses use the reserved `.example`
 * top-level domain (RFC 2606) and telephone numbers start +358 00, which is no Finnish area or
 * mobile code. Names are common first and last names combined at random.
 */
import type { Rng } from '../random';

/** Answers that say nothing: graded `placeholder`. */
export const PLACEHOLDERS_FI = ['-', '–', 'ei', 'Ei.', 'x', 'tulossa', 'Tulossa', 'TBD', 'ks. edellinen', 'Ks. kohta 1.', 'Täydennetään myöhemmin.', '…', '?', 'ei ole'];
export const PLACEHOLDERS_SV = ['-', '–', 'nej', 'x', 'kommer', 'TBD', 'se ovan', 'Kompletteras senare.', '…'];

/** Answers too short to say who does what: graded `thin`. They name no actor and no language. */
export const THIN_FI = [
	'Tarpeen mukaan.',
	'Järjestetään yhteistyössä.',
	'Hoidetaan tapauskohtaisesti.',
	'Sovitaan erikseen.',
	'Yhteistyössä eri toimijoiden kanssa.',
	'Asiakkaan tarpeen mukaisesti.',
	'Käytäntö muotoutuu vuoden aikana.',
	'Ohjataan oikeaan palveluun.',
	'Toimitaan lain edellyttämällä tavalla.',
	'Palvelu järjestetään tarvittaessa.'
];
export const THIN_SV = [
	'Enligt behov.',
	'Ordnas i samarbete.',
	'Från fall till fall.',
	'Vi återkommer till detta.',
	'Sköts tillsammans med andra aktörer.',
	'Ordnas vid behov.'
];

const FIRST_NAMES = ['Anna', 'Mikko', 'Laura', 'Jussi', 'Sanna', 'Heikki', 'Riikka', 'Tuomas', 'Elina', 'Pekka', 'Maria', 'Ville', 'Kaisa', 'Antti', 'Johanna', 'Olli', 'Hanna', 'Markus', 'Tiina', 'Janne'];
const LAST_NAMES = ['Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Kallio', 'Turunen', 'Lindholm', 'Sjöberg', 'Nyström', 'Backman'];
const FIRST_NAMES_SV = ['Anna', 'Johan', 'Sara', 'Mikael', 'Linda', 'Fredrik', 'Emma', 'Patrik', 'Camilla', 'Henrik'];
const LAST_NAMES_SV = ['Lindholm', 'Sjöberg', 'Nyström', 'Backman', 'Holmström', 'Granqvist', 'Ek', 'Westerlund', 'Forsman', 'Björkqvist'];

export interface Person {
	first: string;
	last: string;
	phone: string;
	email: string;
}

/** ASCII e-mail part: "Hämäläinen" → "hamalainen". */
export function emailPart(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

/** A fictitious contact person of the municipality named `place`. */
export function person(rng: Rng, sv: boolean, place: string): Person {
	const first = rng.pick(sv ? FIRST_NAMES_SV : FIRST_NAMES);
	const last = rng.pick(sv ? LAST_NAMES_SV : LAST_NAMES);
	const phone = `+358 00 ${rng.int(100, 999)} ${String(rng.int(0, 9999)).padStart(4, '0')}`;
	const email = `${emailPart(first)}.${emailPart(last)}@${emailPart(place)}.example`;
	return { first, last, phone, email };
}
