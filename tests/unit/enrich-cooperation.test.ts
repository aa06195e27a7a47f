/**
 * Cooperation arrangements: Kuntalaki 54 § agreements (host and members, Finnish and Swedish),
 * joint programmes, employment areas, procurement, purchased services, wellbeing counties,
 * education providers, NGOs and parishes — each partner once, with evidence.
 */
import { describe, expect, it } from 'vitest';
import { enrichProgramme, type CooperationRow } from '../../src/lib/programme/enrich/index';
import { programme, reference } from './enrich-fixtures';

function coop(answers: Record<string, string>): CooperationRow[] {
	const p = programme(answers);
	const rows = enrichProgramme(p, reference).cooperation;
	for (const r of rows) expect(p.answers.find((a) => a.key === r.key)!.text.slice(r.span_start, r.span_end)).toBe(r.snippet);
	return rows;
}
const of = (rows: CooperationRow[], type: string) =>
	rows.filter((r) => r.arrangement_type === type).map((r) => `${r.role}:${r.partner_municipality_code ?? r.partner_area_code ?? r.partner}`);

describe('Kuntalaki 54 § agreements', () => {
	it('Aura: "yhteistoimintasopimuksella … Loimaan kaupungin kanssa", members listed', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			'header.partners':
				'Kotoutumisohjelma järjestetään Kuntalain (410/2015) 54 §:n mukaisella yhteistoimintasopimuksella seudullisessa yhteistyössä Loimaan kaupungin kanssa. Yhteistoimintasopimukseen kuuluvat Auran kunnan lisäksi Oripään ja Pöytyän kunnat.'
		});
		expect(of(rows, 'kuntalaki_54')).toEqual(['host:430', 'member:019', 'member:561', 'member:636']);
	});

	it('"isäntäkuntana toimii X" beats "X:n kanssa"', () => {
		const rows = coop({
			'header.municipalities': 'Mustasaari',
			'header.partners':
				'Mustasaaren kunta, Vöyrin kunta ja Maalahden kunta ovat sopineet palveluista yhteistoimintasopimuksella Laihian kunnan kanssa. Sopimuksessa isäntäkuntana toimii Vaasan kaupunki.'
		});
		expect(of(rows, 'kuntalaki_54')).toEqual(['host:905', 'member:499', 'member:946', 'member:475']);
	});

	it('"keskitetty Loimaalle" makes Loimaa the host', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			'header.process': 'Kunnan tehtävät on yhteistyösopimuksella keskitetty Loimaalle.'
		});
		expect(of(rows, 'kuntalaki_54')).toEqual(['host:430']);
	});

	it('Swedish: samarbetsavtal and värdkommun', () => {
		const rows = coop({
			'header.municipalities': 'Närpes stad',
			's3.b': 'Vasa stad fungerar som värdkommun enligt samarbetsavtalet (kommunallagen 54 §). Avtalskommuner är Närpes och Korsholm.'
		});
		expect(of(rows, 'kuntalaki_54')).toEqual(['host:905', 'member:545', 'member:499']);
	});

	it('an agreement with no municipality named: one row with an empty partner', () => {
		const rows = coop({ 'header.municipalities': 'Auran kunta', 's6.b': 'Palvelu järjestetään yhteistoimintasopimuksen perusteella.' });
		expect(rows.filter((r) => r.arrangement_type === 'kuntalaki_54').map((r) => [r.partner, r.snippet])).toEqual([
			['', 'yhteistoimintasopimuksen']
		]);
	});

	it('a cooperation agreement with an NGO is not a 54 § agreement', () => {
		const rows = coop({ 'header.municipalities': 'Auran kunta', 's7.c': 'Kunnalla on yhteistyösopimus SPR:n kanssa.' });
		expect(of(rows, 'kuntalaki_54')).toEqual([]);
		expect(of(rows, 'ngo_parish')).toEqual(['partner:SPR']);
	});

	it('the employment area\'s host is not a member of the 54 § agreement', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			's3.c':
				'Yhteistoimintasopimuksen puitteissa Loimaan kaupunki päättää, toteutetaanko orientaatio työllisyysalueen kanssa Turun järjestämänä.'
		});
		expect(of(rows, 'kuntalaki_54')).toEqual(['host:430']);
	});
});

describe('other arrangements', () => {
	it('joint programme: several municipalities in the header', () => {
		const rows = coop({ 'header.municipalities': 'Aura, Oripää ja Pöytyä' });
		expect(of(rows, 'joint_programme')).toEqual(['member:019', 'member:561', 'member:636']);
	});

	it('joint programme: said in words', () => {
		const rows = coop({
			'header.municipalities': 'Sastamalan kaupunki',
			'header.process': 'Kotoutumisohjelma on Sastamalan ja Punkalaitumen yhteinen kotoutumisohjelma.'
		});
		expect(of(rows, 'joint_programme')).toEqual(['member:790', 'member:619']);
	});

	it('employment area: named, linked to its code; its host when named', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			's3.a1': 'Turun työllisyysalueella suunnitellaan yhteisiä hankintoja.',
			's3.c': 'Työllisyysalueen puitteissa vastuukunta Turku suunnittelee orientaatiota.'
		});
		expect(of(rows, 'employment_area')).toEqual(['partner:41', 'host:853']);
		expect(rows.find((r) => r.arrangement_type === 'employment_area' && r.role === 'partner')?.partner).toBe('Turun työllisyysalue');
	});

	it('employment area: unnamed, resolved to the programme\'s own area', () => {
		const rows = coop({ 'header.municipalities': 'Pöytyän kunta', 's4.c': 'Yhteistyötä tehdään työllisyysalueen kanssa.' });
		expect(of(rows, 'employment_area')).toEqual(['partner:41']);
	});

	it('joint or central procurement with the partners named', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			's4.a1': 'Kotoutumiskoulutukset on kilpailutettu ELY-keskuksen toimesta.',
			's4.a3': 'Päättötestaus toteutetaan keskitetysti hankituissa koulutuksissa.'
		});
		expect(of(rows, 'joint_procurement')).toEqual(['partner:ELY-keskus']);
	});

	it('procurement with no partner named: one row with an empty partner', () => {
		const rows = coop({ 'header.municipalities': 'Auran kunta', 's4.a3': 'Päättötestaus toteutetaan keskitetysti hankituissa koulutuksissa.' });
		expect(rows.filter((r) => r.arrangement_type === 'joint_procurement').map((r) => [r.partner, r.snippet])).toEqual([
			['', 'keskitetysti hankituissa']
		]);
	});

	it('purchased services: "ostopalveluna" and every company named', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			's3.b': 'Orientaatio järjestetään palveluntuottajan kautta ostopalveluna.',
			's4.b': 'Koulutuksesta vastaavat Arffman Finland Oy ja Spring House Oy.'
		});
		expect(of(rows, 'purchased_service')).toEqual(['partner:palveluntuottaja', 'partner:Arffman Finland Oy', 'partner:Spring House Oy']);
	});

	it('wellbeing county: unnamed → the programme\'s county; named → its code; one row per county', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			's1.b2': 'Arvioinnin tekee hyvinvointialueen sosiaaliohjaaja.',
			's2.c': 'Yhteistyötä tehdään hyvinvointialueen kanssa.'
		});
		expect(of(rows, 'wellbeing_county')).toEqual(['partner:05']);
		const named = coop({ 'header.municipalities': 'Tampereen kaupunki', 's1.c': 'Yhteistyö Pirkanmaan hyvinvointialueen kanssa on tiivistä.' });
		expect(of(named, 'wellbeing_county')).toEqual(['partner:08']); // Pirkanmaa's county code in the reference
	});

	it('education providers, NGOs and parishes, each once', () => {
		const rows = coop({
			'header.municipalities': 'Auran kunta',
			's4.a2': 'Auranmaan opisto ja seurakunta järjestävät kursseja. Järjestöt ja seurakunta auttavat.',
			's5.a2': 'Auranmaan opisto tarjoaa kurssin.'
		});
		expect(of(rows, 'education_provider')).toEqual(['partner:Auranmaan opisto']);
		expect(of(rows, 'ngo_parish')).toEqual(['partner:seurakunta', 'partner:järjestö']);
	});
});
