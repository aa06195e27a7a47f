/**
 * Finnish case forms of place names: the forms administrative prose uses, written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { isBack, placeNameForms, swedishNameForms, weakGrade } from '../../src/lib/programme/enrich/finnish';
import { createMunicipalityGazetteer } from '../../src/lib/programme/enrich/gazetteer';
import { analyse } from '../../src/lib/programme/enrich/text';
import { reference } from './enrich-fixtures';

const forms = (name: string) => placeNameForms(name).map((f) => f.form);

describe('placeNameForms', () => {
	// nominative → forms that must be among the generated ones (genitive, locative cases)
	const expected: [string, string[]][] = [
		['Turku', ['Turun', 'Turussa', 'Turusta', 'Turkuun', 'Turulle']],
		['Loimaa', ['Loimaan', 'Loimaalla', 'Loimaalle', 'Loimaalta', 'Loimaassa', 'Loimaahan']],
		['Pöytyä', ['Pöytyän', 'Pöytyällä', 'Pöytyälle', 'Pöytyältä', 'Pöytyään']],
		['Oripää', ['Oripään', 'Oripäässä', 'Oripäähän']],
		['Aura', ['Auran', 'Aurassa', 'Auraan', 'Auralle']],
		['Lahti', ['Lahden', 'Lahdessa', 'Lahdella', 'Lahteen']],
		['Pori', ['Porin', 'Porissa', 'Poriin']],
		['Hämeenlinna', ['Hämeenlinnan', 'Hämeenlinnassa', 'Hämeenlinnaan']],
		['Kemi', ['Kemin', 'Kemissä', 'Kemiin']],
		['Espoo', ['Espoon', 'Espoossa', 'Espooseen', 'Espoolle']],
		['Vantaa', ['Vantaan', 'Vantaalla', 'Vantaalle', 'Vantaalta']],
		['Kangasala', ['Kangasalan', 'Kangasalla', 'Kangasalle', 'Kangasalalla']],
		['Raasepori', ['Raaseporin', 'Raaseporissa']],
		['Helsinki', ['Helsingin', 'Helsingissä', 'Helsinkiin']],
		['Seinäjoki', ['Seinäjoen', 'Seinäjoella', 'Seinäjoelle', 'Seinäjokeen']],
		['Riihimäki', ['Riihimäen', 'Riihimäellä']],
		['Rovaniemi', ['Rovaniemen', 'Rovaniemellä', 'Rovaniemelle', 'Rovaniemeen']],
		['Kangasniemi', ['Kangasniemen', 'Kangasniemellä']],
		['Kontiolahti', ['Kontiolahden', 'Kontiolahdella']],
		['Iisalmi', ['Iisalmen', 'Iisalmessa']],
		['Haapavesi', ['Haapaveden', 'Haapavedellä', 'Haapaveteen']],
		['Rautalampi', ['Rautalammen', 'Rautalammella', 'Rautalammin', 'Rautalammilla']],
		['Toholampi', ['Toholammin', 'Toholammilla', 'Toholammen']],
		['Outokumpu', ['Outokummun', 'Outokummussa']],
		['Leppävirta', ['Leppävirran', 'Leppävirralla']],
		['Lappeenranta', ['Lappeenrannan', 'Lappeenrannassa']],
		['Vesanto', ['Vesannon', 'Vesannolla']],
		['Järvenpää', ['Järvenpään', 'Järvenpäässä']],
		['Lieto', ['Liedon', 'Liedossa']],
		['Hanko', ['Hangon', 'Hangossa']],
		['Juuka', ['Juuan', 'Juuassa']],
		['Loppi', ['Lopen', 'Lopella']],
		['Vihti', ['Vihdin', 'Vihdissä']],
		['Iitti', ['Iitin', 'Iitissä']],
		['Ii', ['Iin', 'Iissä', 'Ii:ssä', 'Iihin']],
		['Tampere', ['Tampereen', 'Tampereella', 'Tampereelle']],
		['Raahe', ['Raahen', 'Raahessa']],
		['Kitee', ['Kiteen', 'Kiteellä']],
		['Ikaalinen', ['Ikaalisten', 'Ikaalisissa']],
		['Kaustinen', ['Kaustisen', 'Kaustisella']],
		['Alavus', ['Alavuden', 'Alavudella']],
		['Kannus', ['Kannuksen', 'Kannuksessa']],
		['Nurmes', ['Nurmeksen', 'Nurmeksessa']],
		['Mänttä-Vilppula', ['Mänttä-Vilppulan', 'Mänttä-Vilppulassa']],
		['Uusikaupunki', ['Uudenkaupungin', 'Uudessakaupungissa']],
		['Virrat', ['Virtain', 'Virroilla']],
		['Pihtipudas', ['Pihtiputaan', 'Pihtiputaalla']],
		['Punkalaidun', ['Punkalaitumen', 'Punkalaitumella']],
		['Isokyrö', ['Isonkyrön', 'Isossakyrössä', 'Isokyrössä']],
		['Hammarland', ['Hammarlandin', 'Hammarlandissa']]
	];
	for (const [nom, wanted] of expected) {
		it(`${nom} → ${wanted.join(', ')}`, () => {
			const got = forms(nom);
			expect(got).toContain(nom);
			for (const w of wanted) expect(got, `${nom} lacks ${w}`).toContain(w);
		});
	}

	it('tags the case of each form', () => {
		const f = placeNameForms('Pöytyä');
		expect(f.find((x) => x.form === 'Pöytyän')?.case).toBe('gen');
		expect(f.find((x) => x.form === 'Pöytyällä')?.case).toBe('ade');
		expect(f.find((x) => x.form === 'Pöytyä')?.case).toBe('nom');
	});

	it('Swedish names take a genitive -s unless they end in s', () => {
		expect(swedishNameForms('Korsholm').map((f) => f.form)).toEqual(['Korsholm', 'Korsholms']);
		expect(swedishNameForms('Närpes').map((f) => f.form)).toEqual(['Närpes']);
	});
});

describe('gradation and harmony', () => {
	it('weakGrade', () => {
		expect(weakGrade('Turku')).toBe('Turu');
		expect(weakGrade('Lieto')).toBe('Liedo');
		expect(weakGrade('Hanko')).toBe('Hango');
		expect(weakGrade('Lahte')).toBe('Lahde');
		expect(weakGrade('englanti')).toBe('englanni');
		expect(weakGrade('kreikka')).toBe('kreika');
		// no gradation: Kotka (tk), Imatra (tr), Lapua (no consonant before the last vowel)
		expect(weakGrade('Kotka')).toBe('Kotka');
		expect(weakGrade('Imatra')).toBe('Imatra');
		expect(weakGrade('Lapua')).toBe('Lapua');
	});
	it('vowel harmony follows the last back/front vowel', () => {
		expect(isBack('Seinäjoki')).toBe(true);
		expect(isBack('Kemijärvi')).toBe(false);
		expect(isBack('Helsinki')).toBe(false);
		expect(isBack('Tampere')).toBe(true);
	});
});

describe('every municipality resolves from its genitive + "kunta" and its nominative in a list', () => {
	const g = createMunicipalityGazetteer(reference.municipalities);
	it('all 308, no form shared by two municipalities', () => {
		const failures: string[] = [];
		for (const m of reference.municipalities) {
			// The classification writes Pedersöre as "Pedersören kunta"; prose writes "Pedersöre".
			const name = m.code === '599' ? 'Pedersöre' : m.nameFi;
			const gen = placeNameForms(name.split(' ')[0]).find((f) => f.case === 'gen')!.form;
			const phrase = name.includes(' ') ? `${gen} ${name.split(' ').slice(1).join(' ')}` : `${gen} kunta`;
			const got = g.find(analyse(`Palvelun tuottaa ${phrase}.`)).map((x) => x.code);
			if (got.join() !== m.code) failures.push(`${phrase} → ${got.join() || 'nothing'} (want ${m.code})`);
			const header = g.resolveHeader(name).codes;
			if (header.join() !== m.code) failures.push(`header "${name}" → ${header.join() || 'nothing'} (want ${m.code})`);
		}
		expect(failures, failures.join('\n')).toEqual([]);
	});
});
