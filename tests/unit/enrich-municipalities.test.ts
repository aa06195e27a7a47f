/**
 * Municipalities: the header "Kunta tai kunnat", names in running prose (Finnish and Swedish, any
 * case), names that are also common words or people's names, and the fallbacks when the header
 * is empty. Unresolved names are warnings, never guesses.
 */
import { describe, expect, it } from 'vitest';
import { createMunicipalityGazetteer } from '../../src/lib/programme/enrich/gazetteer';
import { enrichProgramme } from '../../src/lib/programme/enrich/index';
import { analyse } from '../../src/lib/programme/enrich/text';
import { programme, reference } from './enrich-fixtures';

const g = createMunicipalityGazetteer(reference.municipalities);
const inProse = (text: string) => g.find(analyse(text)).map((m) => `${m.text}:${m.code}`);
const header = (text: string) => g.resolveHeader(text);

describe('header "Kunta tai kunnat"', () => {
	const cases: [string, string[]][] = [
		['Auran kunta', ['019']],
		['Loimaan kaupunki', ['430']],
		['Aura, Oripää ja Pöytyä', ['019', '561', '636']],
		['Auran, Oripään ja Pöytyän kunnat', ['019', '561', '636']],
		['Mustasaari/Korsholm', ['499']],
		['Närpes stad', ['545']],
		['Närpiön kaupunki', ['545']],
		['Pedersören kunta', ['599']],
		['Koski Tl', ['284']],
		['Maarianhamina', ['478']],
		['Mänttä-Vilppulan kaupunki', ['508']],
		['Uudenkaupungin kaupunki', ['895']],
		['auran kunta', ['019']],
		['AURAN KUNTA', ['019']],
		// names that are common words are fine in the header
		['Salon kaupunki', ['734']],
		['Ii', ['139']],
		['Kaarina', ['202']],
		['Lahti', ['398']]
	];
	for (const [text, codes] of cases) {
		it(`${text} → ${codes.join(', ')}`, () => {
			const r = header(text);
			expect(r.codes).toEqual(codes);
			expect(r.unresolved).toEqual([]);
		});
	}

	it('an unknown name is reported, never guessed', () => {
		const r = header('Lohjan kaupunki, Karkkilan kaupunki ja Xyzby');
		expect(r.codes).toEqual(['224', '444']);
		expect(r.unresolved).toEqual(['Xyzby']);
	});

	it('a misspelt name is unresolved, not matched to the nearest municipality', () => {
		const r = header('Loimaan kaupunki ja Oripään kuntaa ja Pöytyyä');
		expect(r.codes).toEqual(['430', '561']);
		expect(r.unresolved).toEqual(['Pöytyyä']);
	});

	it('a merged municipality resolves to its successor with a note', () => {
		const r = header('Pertunmaa');
		expect(r.codes).toEqual(['507']);
		expect(r.merged).toEqual([{ name: 'Pertunmaa', code: '507' }]);
	});
});

describe('names in prose', () => {
	it('Finnish cases', () => {
		expect(inProse('Palvelu järjestetään Pöytyällä ja Loimaalla.')).toEqual(['Pöytyällä:636', 'Loimaalla:430']);
		expect(inProse('Pöytyän kunta vastaa, Vantaalla toimitaan toisin.')).toEqual(['Pöytyän:636', 'Vantaalla:092']);
		expect(inProse('Seinäjoella ja Hämeenlinnan kaupungissa sekä Rovaniemellä.')).toEqual([
			'Seinäjoella:743',
			'Hämeenlinnan:109',
			'Rovaniemellä:698'
		]);
		expect(inProse('Turun työllisyysalueella ja Raaseporin kaupungissa.')).toEqual(['Turun:853', 'Raaseporin:710']);
	});

	it('Swedish names and prepositions', () => {
		expect(inProse('Hon bor i Närpes och jobbar i Vasa.')).toEqual(['Närpes:545', 'Vasa:905']);
		expect(inProse('Korsholms kommun och Jakobstads stad samarbetar.')).toEqual(['Korsholms:499', 'Jakobstads:598']);
		const [m] = g.find(analyse('Tjänsten ordnas i Närpes.'));
		expect(m.phraseCase).toBe('ine'); // a place
	});

	it('a genitive in a list shares the noun of the last item', () => {
		const ms = g.find(analyse('Sopimukseen kuuluvat Oripään ja Pöytyän kunnat.'));
		expect(ms.map((m) => m.code)).toEqual(['561', '636']);
		expect(ms.map((m) => m.noun?.lemma)).toEqual(['kunta', 'kunta']);
	});

	it('"Auranmaan" and "Aurajoen" are not Aura', () => {
		expect(inProse('Auranmaan opisto järjestää kursseja Aurajoen rannalla.')).toEqual([]);
	});
});

describe('names that are also common words or names need context', () => {
	const negatives = [
		'Kaarina Virtanen toimii koordinaattorina.',
		'Yhteyshenkilö on Matti Salo.',
		'Lumityöt tehdään auralla.',
		'Kotka lensi järven yli.',
		'Kemi och fysik undervisas i skolan.',
		'Lahti on syvä ja kaunis.',
		'Salla Mäkinen vastaa ohjauksesta.',
		'Matti Salon mukaan asia on selvä.',
		'Ii',
		'Virrat ovat voimakkaita keväällä.'
	];
	for (const text of negatives) {
		it(`no municipality in: ${text}`, () => {
			expect(inProse(text)).toEqual([]);
		});
	}

	const positives: [string, string[]][] = [
		['Toimipiste on Salossa.', ['Salossa:734']],
		['Salon kaupunki järjestää orientaation.', ['Salon:734']],
		['Kemin kaupunki ja Tornion kaupunki.', ['Kemin:240', 'Tornion:851']],
		['Palvelu on yhteinen Kaarina, Lieto ja Raisio -alueella.', ['Kaarina:202', 'Lieto:423', 'Raisio:680']],
		['Asiakkaita on myös Iissä.', ['Iissä:139']],
		['Työllisyysalueen vastuukunta Lahti järjestää palvelun.', ['Lahti:398']],
		['Hon flyttade till Kemi i fjol.', ['Kemi:240']]
	];
	for (const [text, want] of positives) {
		it(`${want.join(', ')} in: ${text}`, () => {
			expect(inProse(text)).toEqual(want);
		});
	}
});

describe('enrichProgramme: municipality codes and warnings', () => {
	it('from the header', () => {
		const e = enrichProgramme(programme({ 'header.municipalities': 'Auran kunta' }), reference);
		expect(e.municipalityCodes).toEqual(['019']);
		expect(e.warnings).toEqual([]);
		expect(e.municipalityEvidence).toEqual([
			{ code: '019', key: 'header.municipalities', span_start: 0, span_end: 11, snippet: 'Auran kunta', source: 'header' }
		]);
	});

	it('unresolved header names → unresolved-municipality', () => {
		const e = enrichProgramme(programme({ 'header.municipalities': 'Aura ja Xyzby' }), reference);
		expect(e.municipalityCodes).toEqual(['019']);
		expect(e.warnings.map((w) => w.code)).toEqual(['unresolved-municipality']);
		expect(e.warnings[0].message).toContain('Xyzby');
	});

	it('empty header: the PDF title, with a warning', () => {
		const e = enrichProgramme(programme({ 'header.municipalities': '' }, { title: 'Salon kaupungin kotoutumisohjelma 2025' }), reference);
		expect(e.municipalityCodes).toEqual(['734']);
		expect(e.warnings.map((w) => w.code)).toEqual(['municipality-from-other-evidence']);
	});

	it('empty header: the contact e-mail domain, with a warning', () => {
		const e = enrichProgramme(
			programme({ 'header.municipalities': '', 'header.contact': 'Nelli Suominen\n\nnelli.suominen@aura.fi' }),
			reference
		);
		expect(e.municipalityCodes).toEqual(['019']);
		expect(e.warnings[0].message).toContain('e-mail');
		const ev = e.municipalityEvidence[0];
		expect(ev.snippet).toBe('aura.fi');
	});

	it('nothing to go on → no-municipality, no codes', () => {
		const e = enrichProgramme(programme({ 'header.municipalities': '-', 'header.contact': 'Koordinaattori' }), reference);
		expect(e.municipalityCodes).toEqual([]);
		expect(e.warnings.map((w) => w.code)).toEqual(['no-municipality']);
	});

	it('a municipality named in the answers does not become the programme\'s own', () => {
		const e = enrichProgramme(
			programme({ 'header.municipalities': 'Auran kunta', 's3.b': 'Loimaan kaupunki vastaa orientaatiosta.' }),
			reference
		);
		expect(e.municipalityCodes).toEqual(['019']);
	});
});
