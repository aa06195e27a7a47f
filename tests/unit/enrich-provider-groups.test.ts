/**
 * Provider rules added for synthetic precision (issue 10), on hand-written sentences: the client
 * group of each provider in a sentence naming both groups, units after the employer, partners that
 * are not providers, places that are not the municipality acting, no languages from the header.
 */
import { describe, expect, it } from 'vitest';
import { enrichProgramme } from '../../src/lib/programme/enrich/index';
import { programme, reference } from './enrich-fixtures';

const HEADER = { 'header.municipalities': 'Nokian kaupunki' };
const enrich = (answers: Record<string, string>) => enrichProgramme(programme({ ...HEADER, ...answers }), reference);
const brief = (answers: Record<string, string>, key: string) =>
	enrich(answers)
		.responsibilities.filter((r) => r.key === key)
		.map((r) => `${r.client_group}:${r.provider_kind}:${r.provider}`);

describe('client group per provider', () => {
	it('a label before the provider, for every provider on its line', () => {
		expect(brief({ 's2.b1': 'Työnhakijoille: TE-palvelut\nMuut: Nokian kaupungin kotoutumisohjaaja / Nokian kansalaisopisto' }, 's2.b1')).toEqual([
			'jobseekers:employment_authority:TE-palvelut',
			'others:municipality:Nokian kaupunki',
			'others:education_provider:Nokian kansalaisopisto'
		]);
	});

	it('"osalta" points forward; a parenthesis follows', () => {
		expect(brief({ 's1.b1': 'Arvioinnin tekee kotona olevien osalta kaupungin kotoutumisohjaaja ja työnhakijoiden osalta työllisyysalue.' }, 's1.b1')).toEqual([
			'others:municipality:kaupunki',
			'jobseekers:employment_authority:työllisyysalue'
		]);
		expect(brief({ 's1.b1': 'TE-toimisto (työttömät) sekä Nokian kaupunki (muut asiakkaat).' }, 's1.b1')).toEqual([
			'jobseekers:employment_authority:TE-toimisto',
			'others:municipality:Nokian kaupunki'
		]);
	});

	it('a label before the only provider found; "muiden osalta"', () => {
		expect(brief({ 's2.b1': 'Arbetssökande: TE-byrån\nÖvriga: kommunens invandrarservice i Nokia' }, 's2.b1')).toContain('jobseekers:employment_authority:TE-byrån');
		expect(brief({ 's2.b1': 'Laatimisesta vastaavat työnhakijoiden osalta TE-palvelut ja muiden osalta Nokian kaupunki.' }, 's2.b1')).toEqual([
			'jobseekers:employment_authority:TE-palvelut',
			'others:municipality:Nokian kaupunki'
		]);
	});

	it('a sentence that names one group only leaves every provider in it', () => {
		expect(brief({ 's1.b1': 'Työnhakijoiden arvioinnin tekevät TE-palvelut ja Nokian kaupunki.' }, 's1.b1')).toEqual([
			'jobseekers:employment_authority:TE-palvelut',
			'jobseekers:municipality:Nokian kaupunki'
		]);
	});
});

describe('who is a provider', () => {
	it('a unit or title after the employer counts with it', () => {
		expect(brief({ 's3.b': 'Nokian kaupungin maahanmuuttajatyön yksikkö' }, 's3.b')).toEqual(['both:municipality:Nokian kaupunki']);
		expect(brief({ 's3.b': 'Nokian kaupungin opetus- ja kasvatustoimen ohjaaja' }, 's3.b')).toEqual(['both:municipality:Nokian kaupunki']);
	});

	it('"yhdessä Y:n kanssa" in a description and a hedged "voi tehdä yhteistyötä" make Y a partner', () => {
		expect(brief({ 's6.a': 'Neuvonnasta vastaa Nokian kaupunki yhdessä Pirkanmaan hyvinvointialueen kanssa.' }, 's6.a')).toEqual(['both:municipality:Nokian kaupunki']);
		expect(brief({ 's7.a3': 'Kunta tarjoaa neuvontaa. Kunta voi myös tehdä yhteistyötä ELY-keskuksen kanssa.' }, 's7.a3')).toEqual(['both:municipality:kunta']);
		// the one responsible stays a provider
		expect(brief({ 's7.a3': 'Kunta voi tehdä yhteistyötä vastuussa olevan työvoimaviranomaisen kanssa.' }, 's7.a3')).toContain('both:employment_authority:työvoimaviranomainen');
	});

	it('"yhdessä" in a B part lists joint providers', () => {
		expect(brief({ 's2.b2': 'Kaupunki yhdessä hyvinvointialueen kanssa' }, 's2.b2')).toEqual(['both:municipality:kaupunki', 'both:wellbeing_county:hyvinvointialue']);
	});

	it('"kunnan palvelupisteessä" is a place', () => {
		expect(brief({ 's6.a': 'Kunnan palvelupisteessä neuvontaa antaa TE-toimisto.' }, 's6.a')).toEqual(['both:employment_authority:TE-toimisto']);
	});
});

describe('languages', () => {
	it('none from the header answers; the same words in a part count', () => {
		const e = enrich({ 'header.process': 'Ohjelmasta kerrotaan kaupungin sivuilla suomeksi ja arabiaksi.', 's6.a': 'Neuvontaa annetaan arabiaksi.' });
		expect(e.languages.map((l) => `${l.key}:${l.language_code}`)).toEqual(['s6.a:ar']);
	});

	it('a negation after a list whose full stop is missing negates only its own clause', () => {
		const e = enrich({ 's3.a2': 'somali (noin 10 asiakasta), tigrinja (noin 4 asiakasta) Kurdiksi orientaatiota ei ole järjestetty, koska kysyntää ei ole.' });
		expect(e.languages.map((l) => l.language_code)).toEqual(['so', 'ti']);
	});
});
