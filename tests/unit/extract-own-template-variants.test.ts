/**
 * Every way of writing a heading or label that the text-layer reader accepts (the vocabulary in
 * src/lib/programme/text-layer-vocabulary.ts and the rules in text-layer-headings.ts), each in a
 * line written by hand the way a municipality might print it, Finnish and Swedish; and lines that
 * look alike but must not be taken for one. Documents are built as text items (as pdf.js gives
 * them), so each case shows one rule; whole documents printed by word processors are in
 * tests/integration/word-processor-templates.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readTextLayer, type TextPage } from '../../src/lib/programme/text-layer';
import { HEADER_LABEL_PHRASES, SECTION_NUMBER_WORDS } from '../../src/lib/programme/text-layer-vocabulary';

type Line = string | [text: string, opts: { size?: number; x?: number; gap?: number; y?: number }];

/** Lines flowing down one page from y=790 with a leading of 14 (body text 10 pt). */
function flow(lines: Line[], n = 1): TextPage {
	let y = 790;
	const items = lines.map((l) => {
		const [str, o] = typeof l === 'string' ? [l, {}] : l;
		y = o.y ?? y - 14 - (o.gap ?? 0);
		const size = o.size ?? 10;
		return { str, x: o.x ?? 56, y, width: str.length * size * 0.5, height: size, hasEOL: true };
	});
	return { page: n, width: 595, height: 842, items };
}

/** A body the reader recognises as a programme, in the form's own style. */
const BODY: Line[] = [
	['1. Osaamisen ja kotoutumisen palvelutarpeen arviointi', { size: 12, gap: 8 }],
	'a. Kuvaus palvelusta: Arviointi tehdään ensimmäisellä tapaamisella.',
	'b. Vastuutaho: Kunta.',
	'c. Yhteistyö: Hyvinvointialue.',
	['2. Osaamisen ja kotoutumisen ja monialaisen osaamisen ja kotoutumisen palvelutarpeen arvioinnin pohjalta', { size: 12, gap: 8 }],
	'a. Kuvaus palvelusta: Suunnitelma tehdään heti.',
	'b. Vastuutaho: Kunta.',
	['3. Monikielinen yhteiskuntaorientaatio', { size: 12, gap: 8 }],
	'a. Kuvaus palvelusta: Verkossa.'
];

const ws = (s: string) => s.replace(/\s+/g, ' ').trim();

function read(pages: TextPage[]) {
	const r = readTextLayer(pages);
	if (r.kind !== 'programme') throw new Error(`${r.kind}: ${'reason' in r ? r.reason : ''}`);
	return { ...r, text: Object.fromEntries(r.answers.map((a) => [a.key, a.text])) as Record<string, string> };
}

describe('header labels as municipalities shorten or reword them', () => {
	// [the line as printed, the key it is, the answer]
	const cases: [string, string, string][] = [
		['Kunta: Lieto', 'header.municipalities', 'Lieto'],
		['Kunnat: Aura, Pöytyä ja Oripää', 'header.municipalities', 'Aura, Pöytyä ja Oripää'],
		['Kaupunki: Raahe', 'header.municipalities', 'Raahe'],
		['Kommun: Närpes', 'header.municipalities', 'Närpes'],
		['Kommuner: Korsnäs och Malax', 'header.municipalities', 'Korsnäs och Malax'],
		['Ohjelmaa koordinoi: Hyvinvointipalvelut', 'header.coordinator', 'Hyvinvointipalvelut'],
		['Koordinointi: Sivistystoimi', 'header.coordinator', 'Sivistystoimi'],
		['Koordinoiva taho: Työllisyyspalvelut', 'header.coordinator', 'Työllisyyspalvelut'],
		['Samordnande aktör: Integrationsenheten', 'header.coordinator', 'Integrationsenheten'],
		['Samordning: Bildningssektorn', 'header.coordinator', 'Bildningssektorn'],
		['Yhteyshenkilöt: Aino Niemi ja Jari Kallio', 'header.contact', 'Aino Niemi ja Jari Kallio'],
		['Kotoutumisohjelman yhteyshenkilö: Sanna Virtanen', 'header.contact', 'Sanna Virtanen'],
		['Yhteystiedot: kotoutuminen@kunta.fi', 'header.contact', 'kotoutuminen@kunta.fi'],
		['Lisätietoja: Maija Mäkinen, p. 040 123 4567', 'header.contact', 'Maija Mäkinen, p. 040 123 4567'],
		['Kontaktperson: Maria Nyström', 'header.contact', 'Maria Nyström'],
		['Kontaktuppgifter: integration@stad.fi', 'header.contact', 'integration@stad.fi'],
		['Osallistuneet tahot: Työllisyysalue, hyvinvointialue', 'header.partners', 'Työllisyysalue, hyvinvointialue'],
		['Laatimiseen osallistuneet: Opisto ja seurakunta', 'header.partners', 'Opisto ja seurakunta'],
		['Osallistujat: Kunnan työryhmä', 'header.partners', 'Kunnan työryhmä'],
		['Yhteistyökumppanit: SPR ja MLL', 'header.partners', 'SPR ja MLL'],
		['Yhteistyötahot: Kela ja TE-palvelut', 'header.partners', 'Kela ja TE-palvelut'],
		['Deltagande aktörer: Välfärdsområdet', 'header.partners', 'Välfärdsområdet'],
		['Deltagare: Församlingen', 'header.partners', 'Församlingen'],
		['Samarbetspartner: Medborgarinstitutet', 'header.partners', 'Medborgarinstitutet'],
		['Samarbetsparter: Röda Korset', 'header.partners', 'Röda Korset'],
		['Päivitetty: 14.3.2025', 'header.updated', '14.3.2025'],
		['Päivämäärä: 20.1.2025', 'header.updated', '20.1.2025'],
		['Päiväys: 2.12.2024', 'header.updated', '2.12.2024'],
		['Laadittu: 5.11.2024', 'header.updated', '5.11.2024'],
		['Uppdaterad: 28.2.2025', 'header.updated', '28.2.2025'],
		['Senast uppdaterat: 1.3.2025', 'header.updated', '1.3.2025'],
		['Datum: 12.2.2025', 'header.updated', '12.2.2025'],
		['Utarbetad: 3.1.2025', 'header.updated', '3.1.2025'],
		['Laadinta ja viestintä: Työpajoissa syksyllä 2024.', 'header.process', 'Työpajoissa syksyllä 2024.'],
		['Laadintaprosessi: Työryhmä valmisteli ohjelman.', 'header.process', 'Työryhmä valmisteli ohjelman.'],
		['Seuranta: Kerran vuodessa.', 'header.process', 'Kerran vuodessa.'],
		['Beredning och kommunikation: En arbetsgrupp.', 'header.process', 'En arbetsgrupp.'],
		['Kommunikation: Stadens webbplats.', 'header.process', 'Stadens webbplats.'],
		['Uppföljning: En gång per år.', 'header.process', 'En gång per år.'],
		['Käsittely ja hyväksyminen: Kunnanhallitus 10.3.2025 § 54.', 'header.approval', 'Kunnanhallitus 10.3.2025 § 54.'],
		['Hyväksymisprosessi: Valtuusto.', 'header.approval', 'Valtuusto.'],
		['Hyväksytty: Kunnanhallitus 17.3.2025', 'header.approval', 'Kunnanhallitus 17.3.2025'],
		['Behandling: Bildningsnämnden.', 'header.approval', 'Bildningsnämnden.'],
		['Godkännande: Stadsfullmäktige.', 'header.approval', 'Stadsfullmäktige.'],
		['Godkänt av stadsstyrelsen: 24.2.2025 § 45', 'header.approval', '24.2.2025 § 45'],
		['Godkänd: Stadsfullmäktige 3.3.2025', 'header.approval', 'Stadsfullmäktige 3.3.2025']
	];

	it.each(cases)('"%s" is %s', (line, key, answer) => {
		const r = read([flow(['Kotoutumisohjelma 2025', line, ...BODY])]);
		expect(r.text[key]).toBe(answer);
	});

	it('every phrase of the vocabulary has a case above', () => {
		const lines = cases.map(([l]) => l.toLowerCase());
		for (const [key, p] of Object.entries(HEADER_LABEL_PHRASES)) {
			for (const phrase of [...p.fi, ...p.sv]) expect(lines.some((l) => l.includes(phrase.slice(0, Math.min(phrase.length, 7)))), `${key}: ${phrase}`).toBe(true);
		}
	});

	it('a label in a table row, its answer beside it, its long label wrapping in its cell', () => {
		const r = read([
			flow([
				['Kunta', { x: 60, y: 760 }],
				['Kangasala', { x: 200, y: 760 }],
				['Kotoutumisohjelman', { x: 60, y: 742 }],
				['Monikulttuurisuustyö ja hyvinvointipalvelut', { x: 200, y: 742 }],
				['koordinointi', { x: 60, y: 729 }],
				['Päivitetty', { x: 60, y: 711 }],
				['2.12.2024', { x: 200, y: 711 }],
				['Laadinnan prosessi ja', { x: 60, y: 693 }],
				['Työryhmä kokoontui neljä kertaa. Ohjelma', { x: 200, y: 693 }],
				['viestintä', { x: 60, y: 680 }],
				['julkaistaan verkossa.', { x: 200, y: 680 }],
				['Tiedotus', { x: 60, y: 662 }],
				['Paikallislehti ja verkkosivut.', { x: 200, y: 662 }],
				...BODY
			])
		]);
		expect(r.text['header.municipalities']).toBe('Kangasala');
		expect(r.text['header.coordinator']).toBe('Monikulttuurisuustyö ja hyvinvointipalvelut');
		expect(r.text['header.updated']).toBe('2.12.2024');
		expect(r.text['header.process']).toBe('Työryhmä kokoontui neljä kertaa. Ohjelma julkaistaan verkossa.');
		// A row whose label is none of the form's is kept, unmapped, not added to the row above.
		expect(r.unmapped).toEqual([expect.objectContaining({ fieldName: 'Tiedotus', text: 'Paikallislehti ja verkkosivut.' })]);
	});

	it.each([
		['an answer line without a colon', 'Kunta voi asettaa työryhmän seuraamaan ohjelmaa.'],
		['a label naming two fields equally', 'Laadittu ja hyväksytty: 5.11.2024'],
		['words after the colon that are not a label before it', 'Puhelinnumero: 040 123 4567']
	])('not a label: %s', (_, line) => {
		const r = read([flow(['Kotoutumisohjelma 2025', line, ...BODY])]);
		expect(r.answers.filter((a) => a.key.startsWith('header.'))).toEqual([]);
	});

	it('a label already read does not start the field again inside another answer', () => {
		const r = read([flow(['Kunta: Lieto', 'Laadinta ja viestintä: Työryhmä.', 'Kunta: vastaa viestinnästä.', ...BODY])]);
		expect(r.text['header.municipalities']).toBe('Lieto');
		expect(r.text['header.process']).toBe('Työryhmä. Kunta: vastaa viestinnästä.');
	});
});

describe('section headings: numbered or not, the form’s title or a shorter one', () => {
	// Parts in another style than the form's, so each case shows the heading.
	const parts = (answer: string): Line[] => [`Kuvaus: ${answer}`, 'Vastuutaho: Kunnan maahanmuuttajapalvelut ja työllisyysalue yhdessä.'];
	const doc = (h1: string, h2: string, h3: string, size = 10) =>
		read([flow([[h1, { size, gap: 8 }], ...parts('Yksi.'), [h2, { size, gap: 8 }], ...parts('Kaksi.'), [h3, { size, gap: 8 }], ...parts('Kolme.')])]);

	it.each([
		['1.', '1. Palvelutarpeen arviointi', '2. Kotoutumissuunnitelma', '3. Yhteiskuntaorientaatio'],
		['1)', '1) Palvelutarpeen arviointi', '2) Kotoutumissuunnitelma', '3) Yhteiskuntaorientaatio'],
		['1:', '1: Palvelutarpeen arviointi', '2: Kotoutumissuunnitelma', '3: Yhteiskuntaorientaatio'],
		['1 (Word numbering)', '1 Palvelutarpeen arviointi', '2 Kotoutumissuunnitelma', '3 Yhteiskuntaorientaatio'],
		...SECTION_NUMBER_WORDS.map((w): [string, string, string, string] => {
			const W = w[0].toUpperCase() + w.slice(1);
			return [W, `${W} 1 Palvelutarpeen arviointi`, `${W} 2. Kotoutumissuunnitelma`, `${W} 3 Yhteiskuntaorientaatio`];
		})
	])('numbered "%s"', (_, h1, h2, h3) => {
		expect(doc(h1, h2, h3).text).toMatchObject({ 's1.a': 'Yksi.', 's2.a': 'Kaksi.', 's3.a1': 'Kolme.' });
	});

	it.each([
		['Finnish, shortened', ['1. Osaamisen arviointi', '2. Monialainen kotoutumissuunnitelma', '3. Monikielinen yhteiskuntaorientaatio']],
		['Finnish, reworded', ['4. Kotoutumiskoulutus', '5. Muut kielen ja työelämävalmiuksien palvelut', '6. Ohjaus ja neuvonta kotoutumisohjelman aikana']],
		['Finnish, section 7', ['5. Muu koulutus ja palvelut', '6. Ohjaus ja neuvonta', '7. Muut palvelut']],
		['Swedish', ['1. Bedömning av kompetens och integrationsbehov', '2. Integrationsplan', '3. Samhällsorientering']],
		['Swedish, 4–6', ['4) Integrationsutbildning', '5) Annan utbildning och andra tjänster', '6) Handledning och rådgivning']],
		['Swedish, section 7', ['5. Annan utbildning', '6. Handledning', '7. Andra tjänster för integration']]
	])('titles: %s', (_, [h1, h2, h3]) => {
		const ids = [h1, h2, h3].map((h) => /\d/.exec(h)![0]);
		const r = doc(h1, h2, h3);
		expect(r.answers.filter((a) => /^s\d\.a1?$/.test(a.key)).map((a) => a.key[1])).toEqual(ids);
	});

	it('unnumbered titles, set larger than the text', () => {
		const r = doc('Osaamisen ja kotoutumisen palvelutarpeen arviointi', 'Kotoutumissuunnitelma', 'Monikielinen yhteiskuntaorientaatio', 13);
		expect(r.text).toMatchObject({ 's1.a': 'Yksi.', 's2.a': 'Kaksi.', 's3.a1': 'Kolme.' });
	});

	it('unnumbered titles in the text’s size, followed by a part heading', () => {
		const r = read([
			flow([
				'Palvelutarpeen arviointi',
				'A) Kuvaus',
				'Yksi.',
				'Monialainen kotoutumissuunnitelma',
				'A) Kuvaus',
				'Kaksi.',
				'Monikielinen yhteiskuntaorientaatio',
				'A) Kuvaus',
				'Kolme.'
			])
		]);
		expect(r.text).toMatchObject({ 's1.a': 'Yksi.', 's2.a': 'Kaksi.', 's3.a1': 'Kolme.' });
	});

	it('a title that wraps in its heading type goes on, whatever its words', () => {
		const r = read([
			flow([
				['1. Bedömning av kompetens och integrationsbehov (14 och 15 § i', { size: 14 }],
				['integrationslagen)', { size: 14 }],
				'a) Beskrivning av tjänsten:',
				'Bedömningen görs vid ett personligt möte på integrationsenheten, med tolk vid behov.',
				['2. Integrationsplan', { size: 14, gap: 8 }],
				'a) Beskrivning av tjänsten:',
				'Planen görs upp direkt efter bedömningen och följs upp var sjätte månad.',
				['3. Samhällsorientering', { size: 14, gap: 8 }],
				'a) Beskrivning av tjänsten:',
				'Samhällsorienteringen ordnas på svenska, ukrainska och engelska i grupp på kvällstid.'
			])
		]);
		expect(r.unmapped).toEqual([]);
		expect(r.answers[0].source.fieldName).toBe('a) Beskrivning av tjänsten:');
		expect(r.text).toMatchObject({ 's1.a': 'Bedömningen görs vid ett personligt möte på integrationsenheten, med tolk vid behov.', 's2.a': 'Planen görs upp direkt efter bedömningen och följs upp var sjätte månad.', 's3.a1': 'Samhällsorienteringen ordnas på svenska, ukrainska och engelska i grupp på kvällstid.' });
	});

	it.each([
		['a numbered list in an answer', '2. Kotoutumissuunnitelma päivitetään vuosittain'],
		['a sentence that ends in a full stop', 'Kotoutumissuunnitelma.'],
		['an earlier section’s title after a later one', 'Palvelutarpeen arviointi'],
		['half of its words from the title only (a limit: "Övriga tjänster" is not read as section 7)', '7. Övriga tjänster']
	])('not a section heading: %s', (_, line) => {
		const r = read([
			flow([
				['1. Palvelutarpeen arviointi', { size: 13 }],
				'Kuvaus: Arviointi tehdään kahden kuukauden sisällä kuntaan muutosta.',
				['2. Kotoutumissuunnitelma', { size: 13 }],
				'Kuvaus: Suunnitelma laaditaan arvioinnin jälkeen kahdella tapaamisella.',
				['3. Yhteiskuntaorientaatio', { size: 13 }],
				'Kuvaus: Orientaatio ostetaan naapurikaupungilta ryhmämuotoisena.',
				[line, { size: 13 }]
			])
		]);
		// The line stays in the answer it follows; no section after 3 is opened.
		expect(r.answers.map((a) => a.key)).toEqual(['s1.a', 's2.a', 's3.a1']);
		expect(ws(r.text['s3.a1'])).toBe(`Orientaatio ostetaan naapurikaupungilta ryhmämuotoisena. ${line}`);
	});

	it('the document’s own title is not a section heading', () => {
		const r = read([flow([['Kotoutumisohjelma', { size: 18 }], ['Kunnan kotoutumisohjelmaa eli kotoutumisen', { size: 15 }], ...BODY])]);
		expect(r.text['s1.a']).toBe('Arviointi tehdään ensimmäisellä tapaamisella.');
	});
});

describe('part headings', () => {
	/** Three sections; `{n}` in a heading is the section's number ("{n}A:" → "1A:"). */
	const doc = (a: string, b: string, c: string) => {
		const h = (s: string, n: number) => s.replace('{n}', String(n));
		return read([
			flow([
				['1. Palvelutarpeen arviointi', { size: 13 }],
				h(a, 1),
				'Arvio.',
				h(b, 1),
				'Kunta.',
				h(c, 1),
				'Alue.',
				['2. Kotoutumissuunnitelma', { size: 13 }],
				h(a, 2),
				'Suunnitelma.',
				['3. Yhteiskuntaorientaatio', { size: 13 }],
				h(a, 3),
				'Orientaatio.'
			])
		]);
	};

	it.each([
		['a. / b. / c.', 'a. Kuvaus palvelusta', 'b. Vastuutaho', 'c. Yhteistyö'],
		['A) / B) / C)', 'A) Kuvaus', 'B) Vastuutaho', 'C) Yhteistyö'],
		['a) with colons', 'a) Kuvaus palvelusta:', 'b) Vastuutahot:', 'c) Yhteistyötahot:'],
		['1A: codes', '{n}A: Kuvaus palvelusta:', '{n}B: Vastuutaho:', '{n}C: Yhteistyö:'],
		['3 b) codes with spaces', '{n} a) Kuvaus', '{n} b) Vastuutaho', '{n} c) Yhteistyö'],
		['no letters, alone on their lines', 'Kuvaus palvelusta', 'Vastuutaho', 'Yhteistyö'],
		['no letters, with colons', 'Palvelun kuvaus:', 'Vastuutahot:', 'Yhteistyötahot:'],
		['Finnish plural and other cases', 'Kuvaus palveluista', 'Vastuutahot', 'Yhteistyö'],
		['Finnish genitive plural', 'Palveluiden kuvaus', 'Vastuutaho', 'Yhteistyö'],
		['Finnish, other plural', 'Kuvaus palvelujen', 'Vastuutaho', 'Yhteistyö'],
		['Finnish, plural genitive', 'Kuvaus palveluiden', 'Vastuutaho', 'Yhteistyö'],
		['Finnish, illative', 'Kuvaus palveluihin:', 'Vastuutaho', 'Yhteistyö'],
		['Swedish, the form’s', 'a. Beskrivning av tjänsten:', 'b. Ansvarig aktör:', 'c. Samarbete:'],
		['Swedish, plural', 'A. Beskrivning av tjänsterna', 'B. Ansvariga aktörer', 'C. Samarbetet'],
		['Swedish, "instans"', 'a) Beskrivning', 'b) Ansvarig instans', 'c) Samarbete'],
		['Swedish, plural "instanser"', 'Tjänstebeskrivning:', 'Ansvariga instanser:', 'Samarbete:'],
		['Swedish, definite plural', 'Beskrivning:', 'Ansvariga aktörerna:', 'Samarbete:'],
		['Swedish, bare "Ansvarig"', 'Beskrivning:', 'Ansvarig:', 'Samarbete:'],
		['Swedish, bare "Ansvariga"', 'Beskrivning:', 'Ansvariga:', 'Samarbete:']
	])('%s', (_, a, b, c) => {
		const r = doc(a, b, c);
		expect(r.text).toMatchObject({ 's1.a': 'Arvio.', 's1.b1': 'Kunta.', 's1.c': 'Alue.', 's2.a': 'Suunnitelma.', 's3.a1': 'Orientaatio.' });
	});

	it('run-in labels: the answer on the label’s line', () => {
		const r = read([
			flow([
				['1. Palvelutarpeen arviointi', { size: 13 }],
				'Kuvaus: Arvio.',
				'Vastuutaho: Kunta.',
				'Yhteistyö: Alue.',
				['2. Kotoutumissuunnitelma', { size: 13 }],
				'Beskrivning: Suunnitelma.',
				'Ansvarig aktör: Kunta.',
				['3. Yhteiskuntaorientaatio', { size: 13 }],
				'Beskrivning av tjänsten: Orientaatio.',
				'Samarbete: Opisto.'
			])
		]);
		expect(r.text).toMatchObject({ 's1.a': 'Arvio.', 's1.b1': 'Kunta.', 's1.c': 'Alue.', 's2.a': 'Suunnitelma.', 's2.b1': 'Kunta.', 's3.a1': 'Orientaatio.', 's3.c': 'Opisto.' });
	});

	it.each([
		['an answer that begins with the name', 'Yhteistyö hyvinvointialueen kanssa on tiivistä.'],
		['an inflected word', 'Yhteistyötä tehdään paljon.'],
		['a sentence ending in a full stop', 'Vastuutaho.']
	])('not a part heading: %s', (_, line) => {
		const r = read([
			flow([
				['1. Palvelutarpeen arviointi', { size: 13 }],
				'Kuvaus:',
				'Arvio.',
				line,
				'Vastuutaho: Kunta.',
				['2. Kotoutumissuunnitelma', { size: 13 }],
				'Kuvaus: S.',
				['3. Yhteiskuntaorientaatio', { size: 13 }],
				'Kuvaus: O.'
			])
		]);
		expect(ws(r.text['s1.a'])).toBe(`Arvio. ${line}`);
		expect(r.text['s1.b1']).toBe('Kunta.');
	});
});

describe('the responsibility table’s title', () => {
	it.each(['Vastuutaulukko', '8. Vastuutaulukko', '8 Vastuutaulukko', 'Ansvarstabell'])('"%s" starts the table', (title) => {
		const r = read([
			flow([
				...BODY,
				[title, { size: 12, gap: 8 }],
				['Palvelu', { x: 56, y: 500 }],
				['Työnhakijoiden palvelut tuottava taho', { x: 220, y: 500 }],
				['Muiden kotoutuja-asiakkaiden palvelut tuottava taho', { x: 400, y: 500 }],
				['Osaamisen ja kotoutumisen palvelutarpeen arviointi', { x: 56, y: 480 }],
				['Työllisyysalue', { x: 220, y: 480 }],
				['Kunta', { x: 400, y: 480 }]
			])
		]);
		expect(r.text['table.assessment.jobseekers']).toBe('Työllisyysalue');
		expect(r.text['table.assessment.others']).toBe('Kunta');
	});
});

describe('two-column pages', () => {
	/** Wrapped prose in two columns of 230 pt; each column's lines as [text, width]. */
	const page = (left: string[], right: string[]): TextPage => {
		const col = (lines: string[], x: number) => lines.map((str, i) => ({ str, x, y: 760 - 13 * i, width: Math.min(230, str.length * 5), height: 10, hasEOL: true }));
		return { page: 1, width: 595, height: 842, items: [...col(left, 56), ...col(right, 310)] };
	};

	it('reads the left column down, then the right', () => {
		const r = read([
			page(
				[
					'1. Palvelutarpeen arviointi',
					'Kuvaus palvelusta',
					'Arviointi tehdään kahden kuukauden sisällä kuntaan',
					'muutosta, ja siinä käytetään tarvittaessa tulkkia',
					'asiakkaan omalla äidinkielellä tai muulla kielellä.',
					'Vastuutaho',
					'Kunnan maahanmuuttajapalvelut ja työllisyysalue',
					'yhdessä hyvinvointialueen sosiaalityön kanssa.',
					'2. Kotoutumissuunnitelma',
					'Kuvaus palvelusta'
				],
				[
					'Suunnitelma laaditaan arvioinnin jälkeen kahdella',
					'tapaamisella, ja siihen kirjataan opinnot ja työhön',
					'tutustuminen sekä lasten varhaiskasvatus ajoissa.',
					'3. Yhteiskuntaorientaatio',
					'Kuvaus palvelusta',
					'Orientaatio ostetaan naapurikaupungilta, ja sitä',
					'järjestetään arabiaksi, dariksi ja ukrainaksi koko',
					'vuoden ajan pienissä ryhmissä kirjaston tiloissa.',
					'Vastuutaho',
					'Kunnan maahanmuuttajapalvelut yhdessä opiston kanssa.'
				]
			)
		]);
		expect(r.text['s1.a']).toBe('Arviointi tehdään kahden kuukauden sisällä kuntaan muutosta, ja siinä käytetään tarvittaessa tulkkia asiakkaan omalla äidinkielellä tai muulla kielellä.');
		expect(r.text['s2.a']).toBe('Suunnitelma laaditaan arvioinnin jälkeen kahdella tapaamisella, ja siihen kirjataan opinnot ja työhön tutustuminen sekä lasten varhaiskasvatus ajoissa.');
		expect(r.text['s3.b']).toBe('Kunnan maahanmuuttajapalvelut yhdessä opiston kanssa.');
	});
});
