/**
 * Providers (responsibilities): the kind lexicon, which parts are read, places and descriptions
 * that are not providers, client groups, the responsibility table, and evidence.
 */
import { describe, expect, it } from 'vitest';
import { enrichProgramme, type ResponsibilityRow } from '../../src/lib/programme/enrich/index';
import { programme, reference } from './enrich-fixtures';

const HEADER = { 'header.municipalities': 'Auran kunta' };

function rows(answers: Record<string, string>): ResponsibilityRow[] {
	const p = programme({ ...HEADER, ...answers });
	const e = enrichProgramme(p, reference);
	// evidence invariant on every test input
	for (const r of e.responsibilities) {
		expect(p.answers.find((a) => a.key === r.key)!.text.slice(r.span_start, r.span_end)).toBe(r.snippet);
	}
	return e.responsibilities;
}
const brief = (rs: ResponsibilityRow[]) => rs.map((r) => `${r.provider_kind}:${r.provider}`);

describe('provider kinds', () => {
	const cases: [string, string][] = [
		['Työvoimaviranomainen vastaa arvioinnista.', 'employment_authority:työvoimaviranomainen'],
		['TE-palvelut vastaa arvioinnista.', 'employment_authority:TE-palvelut'],
		['Arvioinnin tekee TE-toimisto.', 'employment_authority:TE-toimisto'],
		['Arvioinnin tekevät työllisyyspalvelut.', 'employment_authority:työllisyyspalvelut'],
		['Työllisyysalue vastaa arvioinnista.', 'employment_authority:työllisyysalue'],
		['Arvioinnin tekee Etelä-Hämeen työllisyysalue.', 'employment_authority:Etelä-Hämeen työllisyysalue'],
		['Arvioinnin tekee hyvinvointialueen sosiaaliohjaaja.', 'wellbeing_county:hyvinvointialue'],
		['Arvioinnin tekee Pirkanmaan hyvinvointialue.', 'wellbeing_county:Pirkanmaan hyvinvointialue'],
		['Arvioinnin tekee Varha.', 'wellbeing_county:Varha'],
		['Arvioinnin tekee sosiaaliohjaaja.', 'wellbeing_county:sosiaaliohjaaja'],
		['Koulutuksen hankkii ELY-keskus.', 'ely_keha:ELY-keskus'],
		['Koulutuksen hankkii KEHA-keskus.', 'ely_keha:KEHA-keskus'],
		['Koulutuksen järjestää Auranmaan opisto.', 'education_provider:Auranmaan opisto'],
		['Koulutuksen järjestää kansalaisopisto.', 'education_provider:kansalaisopisto'],
		['Koulutuksen järjestää Omnia.', 'education_provider:Omnia'],
		['Koulutuksen järjestää ammatillinen oppilaitos.', 'education_provider:oppilaitos'],
		['Toimintaa järjestää SPR.', 'ngo_parish:SPR'],
		['Toimintaa järjestää Liedon seurakunta.', 'ngo_parish:Liedon seurakunta'],
		['Toimintaa järjestävät järjestöt.', 'ngo_parish:järjestö'],
		['Toimintaa järjestää kyläyhdistys.', 'ngo_parish:kyläyhdistys'],
		['Koulutuksen järjestää Arffman Finland Oy.', 'private_company:Arffman Finland Oy'],
		['Koulutuksen järjestää Folkhälsan Utbildning Ab.', 'private_company:Folkhälsan Utbildning Ab'],
		['Orientaation tuottaa palveluntuottaja.', 'other:palveluntuottaja'],
		['Kela vastaa etuuksista.', 'other:Kela'],
		['Arvioinnin tekee kunta.', 'municipality:kunta'],
		['Arvioinnin tekee kunnan sosiaalitoimi.', 'municipality:kunta'],
		['Arvioinnin tekee Auran kunta.', 'municipality:Auran kunta'],
		['Arvioinnin tekee Loimaan kaupunki.', 'host_municipality:Loimaan kaupunki'],
		['Arbetskraftsmyndigheten ansvarar för bedömningen.', 'employment_authority:arbetskraftsmyndigheten'],
		['Välfärdsområdet ansvarar för bedömningen.', 'wellbeing_county:välfärdsområde'],
		['Bedömningen görs av Österbottens välfärdsområde.', 'wellbeing_county:Österbottens välfärdsområde'],
		['Utbildningen ordnas av Närpes medborgarinstitut.', 'education_provider:Närpes medborgarinstitut'],
		['Integrationskoordinatorn ansvarar för bedömningen.', 'municipality:integrationskoordinator'],
		['Bedömningen görs av kommunens integrationskoordinator.', 'municipality:kommunen']
	];
	for (const [text, want] of cases) {
		it(`${want} ← ${text}`, () => {
			expect(brief(rows({ 's1.b1': text }))).toEqual([want]);
		});
	}

	it('a municipality codes: own, host, employment-area host', () => {
		const rs = rows({
			's3.b':
				'Loimaan kaupunki vastaa orientaatiosta. Auran kunnan edustaja osallistuu. Työllisyysalueen vastuukunta Turku järjestää orientaatiota koko alueelle.'
		});
		// "Työllisyysalueen vastuukunta": the area only says whose host Turku is.
		expect(rs.map((r) => `${r.provider_kind}:${r.provider_municipality_code}:${r.snippet}`)).toEqual([
			'host_municipality:430:Loimaan kaupunki',
			'municipality:019:Auran kunnan edustaja',
			'employment_authority:853:Turku'
		]);
	});
});

describe('places and descriptions are not providers', () => {
	it('locative cases and area words', () => {
		expect(rows({ 's1.b1': 'Auran kunnassa palvelu järjestetään Loimaan seudulla ja Pöytyällä.' })).toEqual([]);
		expect(rows({ 's1.b1': 'Työllisyysalueella toimii useita kouluttajia.' })).toEqual([]);
	});
	it('an organisation named to describe the clients', () => {
		expect(rows({ 's1.b1': 'Auran kunnan asiakkaat ohjataan eteenpäin.' })).toEqual([]);
		expect(rows({ 's1.b1': 'Palvelu on tarjolla koko työllisyysalueen kotoutuja-asiakkaille.' })).toEqual([]);
	});
	it('a bare genitive is not an actor', () => {
		expect(rows({ 's5.a1': 'Koulutusta voidaan toteuttaa Turun lailla omaehtoisina opintoina.' })).toEqual([]);
	});
});

describe('which parts are read', () => {
	it('B parts: every provider named', () => {
		expect(brief(rows({ 's6.b': 'Loimaan kaupunki ja hyvinvointialue.' }))).toEqual([
			'host_municipality:Loimaan kaupunki',
			'wellbeing_county:hyvinvointialue'
		]);
	});
	it('A parts: only in a sentence that says who does what', () => {
		expect(rows({ 's6.a': 'Hyvinvointialueen kanssa on hyvät suhteet.' })).toEqual([]);
		expect(brief(rows({ 's6.a': 'Ohjauksesta vastaa hyvinvointialue.' }))).toEqual(['wellbeing_county:hyvinvointialue']);
		expect(brief(rows({ 's2.a': 'Suunnitelma laaditaan Loimaan kaupungin maahanmuuttokoordinaattorin toimesta.' }))).toEqual([
			'host_municipality:Loimaan kaupunki'
		]);
	});
	it('"tekee yhteistyötä" is cooperation, not responsibility', () => {
		expect(rows({ 's6.a': 'Kunta tekee yhteistyötä hyvinvointialueen kanssa.' })).toEqual([]);
	});
	it('C parts: none', () => {
		expect(rows({ 's6.c': 'Työvoimaviranomainen vastaa ohjauksesta yhteistyössä hyvinvointialueen kanssa.' })).toEqual([]);
	});
	it('the coordinator is the provider of follow-up', () => {
		const rs = rows({ 'header.coordinator': 'Ohjelmaa koordinoi kunnan sivistystoimi.' });
		expect(rs.map((r) => `${r.service}:${r.provider_kind}:${r.snippet}`)).toEqual(['follow_up:municipality:kunnan sivistystoimi']);
	});
	it('services by key', () => {
		const rs = rows({
			's1.b1': 'Kunta.',
			's1.b2': 'Hyvinvointialue.',
			's2.b1': 'Kunta.',
			's2.b2': 'Hyvinvointialue.',
			's3.b': 'Kunta.',
			's4.b': 'Kunta.',
			's5.b': 'Kunta.',
			's6.b': 'Kunta.',
			's7.b': 'Kunta.'
		});
		expect(rs.map((r) => `${r.key}:${r.service}`)).toEqual([
			's1.b1:assessment',
			's1.b2:multi_assessment',
			's2.b1:plan',
			's2.b2:multi_plan',
			's3.b:orientation',
			's4.b:training',
			's5.b:other_training',
			's6.b:guidance',
			's7.b:other_services'
		]);
	});
	it('an implicit staff title stands for the employer named elsewhere', () => {
		const rs = rows({
			's1.b1': 'Loimaan kaupungin maahanmuuttokoordinaattori tekee arvioinnin.',
			's6.b': 'Maahanmuuttokoordinaattori vastaa ohjauksesta.'
		});
		const r = rs.find((x) => x.key === 's6.b')!;
		expect([r.provider, r.provider_kind, r.provider_municipality_code]).toEqual(['maahanmuuttokoordinaattori', 'host_municipality', '430']);
	});
	it('an implicit staff title with no employer named is the municipality itself', () => {
		const r = rows({ 's6.b': 'Maahanmuuttokoordinaattori vastaa ohjauksesta.' })[0];
		expect([r.provider_kind, r.provider_municipality_code]).toEqual(['municipality', '019']);
	});
});

describe('client groups', () => {
	const group = (key: string, text: string) => rows({ [key]: text }).map((r) => r.client_group);
	it('as the text says', () => {
		expect(group('s1.b1', 'Työvoimaviranomainen vastaa työnhakijaksi rekisteröityneiden arvioinnista.')).toEqual(['jobseekers']);
		expect(group('s1.b1', 'Kunta vastaa työvoiman ulkopuolella olevien arvioinnista.')).toEqual(['others']);
		expect(group('s1.b1', 'Kunta vastaa muille kuin työnhakijana oleville.')).toEqual(['others']);
		expect(group('s1.b1', 'Kunta palvelee työnhakija-asiakkaita ja työvoiman ulkopuolella olevia.')).toEqual(['both']);
		expect(group('s1.b1', 'Kunta vastaa arvioinnista.')).toEqual(['both']);
		expect(group('s1.b1', 'Arbetskraftsmyndigheten ansvarar för arbetssökande.')).toEqual(['jobseekers']);
		expect(group('s1.b1', 'Kommunen ansvarar för personer utanför arbetskraften.')).toEqual(['others']);
	});
	it('labour-market training is for job-seekers', () => {
		expect(group('s4.b', 'Työvoimakoulutuksena järjestettävästä koulutuksesta vastaa Arffman Finland Oy.')).toEqual(['jobseekers']);
	});
	it('a sentence that refers back takes the previous sentence\'s group', () => {
		expect(
			group('s6.a', 'TE-palvelupiste palvelee työnhakijaksi rekisteröityneitä. Tällöin asiantuntijana voi toimia työvoimaviranomainen.')
		).toEqual(['jobseekers', 'jobseekers']);
	});
	it('4A parts default to the group their question asks about', () => {
		expect(group('s4.a1', 'Koulutuksen järjestää ELY-keskus.')).toEqual(['jobseekers']);
		expect(group('s4.a2', 'Koulutuksen järjestää kansalaisopisto.')).toEqual(['others']);
	});
});

describe('responsibility table', () => {
	it('cells give providers for their row and column', () => {
		const rs = rows({
			'table.plan.jobseekers': 'Työvoimaviranomainen',
			'table.plan.others': 'Loimaan kaupunki',
			'table.follow_up.others': 'Hyvinvointilautakunta',
			'table.orientation.others': '-'
		});
		expect(rs.map((r) => `${r.service}:${r.client_group}:${r.provider_kind}:${r.provider}:${r.from_table}`)).toEqual([
			'plan:jobseekers:employment_authority:työvoimaviranomainen:true',
			'plan:others:host_municipality:Loimaan kaupunki:true',
			'follow_up:others:other:Hyvinvointilautakunta:true'
		]);
	});
});

describe('a Swedish programme', () => {
	it('providers, client groups and the coordinator', () => {
		const p = programme({
			'header.municipalities': 'Närpes stad',
			'header.coordinator': 'Integrationsprogrammet koordineras av stadens bildningsavdelning.',
			's1.b1':
				'Arbetskraftsmyndigheten ansvarar för kartläggningen av arbetssökande. Kommunens integrationskoordinator gör bedömningen för personer utanför arbetskraften.',
			's3.b': 'Närpes stad ansvarar för orienteringen. Orienteringen köps av Folkhälsan Utbildning Ab.'
		});
		const rs = enrichProgramme(p, reference).responsibilities;
		expect(rs.map((r) => `${r.key}:${r.service}:${r.client_group}:${r.provider_kind}:${r.provider_municipality_code}:${r.snippet}`)).toEqual([
			'header.coordinator:follow_up:both:municipality:545:stadens bildningsavdelning',
			's1.b1:assessment:jobseekers:employment_authority:null:Arbetskraftsmyndigheten',
			's1.b1:assessment:others:municipality:545:Kommunens integrationskoordinator',
			's3.b:orientation:both:municipality:545:Närpes stad',
			's3.b:orientation:both:private_company:null:Folkhälsan Utbildning Ab'
		]);
	});
});

describe('named associations and compound names', () => {
	it('registered associations (ry), parish unions, and activities of a generic actor', () => {
		const rs = rows({
			's7.b':
				'Toimintaa järjestävät Vantaan seurakuntayhtymä, Suomen Punainen Risti ja Monika-Naiset liitto ry. Lisäksi Kotona Suomessa ry:n vertaistuki ja järjestötoiminta.'
		});
		expect(brief(rs)).toEqual([
			'ngo_parish:Vantaan seurakuntayhtymä',
			'ngo_parish:SPR',
			'ngo_parish:Monika-Naiset liitto ry',
			'ngo_parish:Kotona Suomessa ry',
			'ngo_parish:järjestö'
		]);
	});
});
