/**
 * Reading programmes from page text: flattened forms, own templates (Finnish, Swedish), and
 * layouts our writer does not make (the seed's list copied into a document, labels beside
 * answers, page furniture), built directly as pdf.js text items.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeExtractDeps } from '../../ingest/pdfjs';
import { extractProgramme, type ExtractDeps } from '../../src/lib/programme/extract';
import { ANSWER_FIELDS, TABLE_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { detectDocumentLanguage, detectTextLanguage } from '../../src/lib/programme/language';
import { readTextLayer, type TextPage } from '../../src/lib/programme/text-layer';
import { ProgrammeReadError, type Programme } from '../../src/lib/programme/types';
import { AURA_FIXTURE, auraValues, renderTestForm, renderTestOwnTemplate, textPdf } from '../helpers/programme-pdfs';

let deps: ExtractDeps;
const ws = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
	deps = await nodeExtractDeps();
});

/** Every value equals the expected one up to whitespace (page text cannot keep trailing spaces or double spaces). */
function expectValues(p: Programme, values: Record<string, string>, keys: readonly string[]) {
	const byKey = new Map(p.answers.map((a) => [a.key, a]));
	for (const key of keys) {
		const a = byKey.get(key);
		expect(a, key).toBeDefined();
		expect(ws(a!.text), key).toBe(ws(values[key] ?? ''));
		expect(a!.status, key).toBe((values[key] ?? '').trim() === '' ? 'empty' : 'filled');
	}
}

const tableValues = (): Record<string, string> => {
	const values = { ...auraValues() };
	TABLE_FIELDS.forEach((f, i) => {
		if (i % 3 !== 2) values[f.key] = i % 2 ? 'Loimaan kaupunki, maahanmuuttokoordinaattori yhteistoimintasopimuksen nojalla' : 'Työllisyysalue (TE-palvelut)';
	});
	return values;
};

describe('a flattened copy of the form', () => {
	let p: Programme;
	beforeAll(async () => {
		p = await extractProgramme(await renderTestForm({ mode: 'flattened' }), deps);
	});

	it('is read as a flattened form with every answer of Aura (up to whitespace), the empty ones empty', () => {
		expect(p.inputKind).toBe('flattened-form');
		expectValues(p, auraValues(), ANSWER_FIELDS.map((f) => f.key));
		expect(p.warnings).toEqual([]);
		expect(p.unmapped).toEqual([]);
	});

	it('keeps line breaks where they can be seen: blank lines from the gaps, short lines', () => {
		const contact = p.answers.find((a) => a.key === 'header.contact')!;
		expect(contact.text).toBe(auraValues()['header.contact']);
		const exact = ANSWER_FIELDS.filter((f) => p.answers.find((a) => a.key === f.key)!.text === auraValues()[f.key]);
		expect(exact.length).toBeGreaterThanOrEqual(15);
	});

	it('reads the responsibility table: empty cells empty, filled cells exactly', async () => {
		expectValues(p, auraValues(), TABLE_FIELDS.map((f) => f.key));
		const values = tableValues();
		const q = await extractProgramme(await renderTestForm({ mode: 'flattened', values }), deps);
		expectValues(q, values, [...ANSWER_FIELDS, ...TABLE_FIELDS].map((f) => f.key));
	});

	it('gives each answer the heading it was under, its page and its box', () => {
		const s1a = p.answers.find((a) => a.key === 's1.a')!;
		expect(s1a.source.fieldName).toBe('A. Kuvaus palvelusta:');
		const s1b2 = p.answers.find((a) => a.key === 's1.b2')!;
		expect(s1b2.source.fieldName).toMatch(/^Mitkä tahot\/yksiköt tekevät monialaisen/);
		const pages = p.answers.filter((a) => !a.key.startsWith('table')).map((a) => a.source.page!);
		expect(pages).toEqual([...pages].sort((a, b) => a - b));
		expect(Math.max(...pages)).toBeLessThanOrEqual(p.pageCount);
		for (const a of p.answers.filter((x) => x.status === 'filled')) expect(a.source.rect, a.key).toHaveLength(4);
	});

	it('finds the same answers as the fillable original', async () => {
		const fillable = await extractProgramme(new Uint8Array(readFileSync(AURA_FIXTURE)), deps);
		expect(p.answers.map((a) => a.key)).toEqual(fillable.answers.map((a) => a.key));
		expect(p.answers.map((a) => ws(a.text))).toEqual(fillable.answers.map((a) => ws(a.text)));
	});

	it('parts the copy leaves out are missing, even though its list of questions at the end names them', async () => {
		const omitted = ANSWER_FIELDS.filter((f) => f.section === '7').map((f) => f.key);
		const q = await extractProgramme(await renderTestForm({ mode: 'flattened', omitKeys: omitted }), deps);
		expect(q.answers.map((a) => a.key).filter((k) => k.startsWith('s7.'))).toEqual([]);
		expect(q.warnings).toEqual([{ code: 'missing-part', message: expect.stringContaining(omitted.join(', ')) }]);
	});

	it('drops the synthetic marker line from the answers, and marks the programme synthetic', async () => {
		const q = await extractProgramme(await renderTestForm({ mode: 'flattened', synthetic: true }), deps);
		expect(q.isSynthetic).toBe(true);
		expectValues(q, auraValues(), ANSWER_FIELDS.map((f) => f.key));
		expect(q.answers.some((a) => /SYNTEETTINEN/.test(a.text))).toBe(false);
	});
});

describe('a municipality’s own template following the list', () => {
	it('Finnish: every answer and table cell, as own-template', async () => {
		const values = tableValues();
		const p = await extractProgramme(await renderTestOwnTemplate({ values, includeTable: true }), deps);
		expect(p.inputKind).toBe('own-template');
		expectValues(p, values, [...ANSWER_FIELDS, ...TABLE_FIELDS].map((f) => f.key));
		expect(p.warnings).toEqual([]);
		expect(p.answers.find((a) => a.key === 's3.a2')!.source.fieldName).toMatch(/^Millä kielillä/);
	});

	it('Swedish headings: every answer and table cell', async () => {
		const values = tableValues();
		const p = await extractProgramme(await renderTestOwnTemplate({ values, includeTable: true, language: 'sv', organisation: 'Närpes stad' }), deps);
		expect(p.inputKind).toBe('own-template');
		expectValues(p, values, [...ANSWER_FIELDS, ...TABLE_FIELDS].map((f) => f.key));
		expect(p.answers.find((a) => a.key === 's1.c')!.source.fieldName).toMatch(/^c\. Samarbete:/);
	});

	it('a header label right after an empty answer is still a label; an answer that begins like a label is not', async () => {
		const values = {
			...auraValues(),
			'header.contact': '',
			'header.process': '',
			'header.partners': 'Kotoutumisohjelma on laadittu yhteistyössä Loimaan kaupungin kanssa.\nKunta tai kunnat ovat mukana.'
		};
		for (const bytes of [await renderTestOwnTemplate({ values }), await renderTestForm({ mode: 'flattened', values })]) {
			const p = await extractProgramme(bytes, deps);
			expectValues(p, values, ANSWER_FIELDS.map((f) => f.key));
		}
	});

	it('Swedish answers made of the question’s own words stay answers', async () => {
		const values = { ...auraValues(), 's4.a3': 'Slutprovet ordnas i slutet av utbildningen enligt Utbildningsstyrelsens grunder.' };
		const p = await extractProgramme(await renderTestOwnTemplate({ values, language: 'sv', organisation: 'Malax kommun' }), deps);
		expectValues(p, values, ['s4.a3', 's4.b']);
	});

	it('an empty sub-answer stays empty and does not swallow the next question', async () => {
		const values = { ...auraValues(), 's3.a1': '', 's1.b1': '' };
		const p = await extractProgramme(await renderTestOwnTemplate({ values }), deps);
		expectValues(p, values, ANSWER_FIELDS.map((f) => f.key));
	});
});

/* Documents built as text items: layouts and wording our writer does not produce. */

type Line = [x: number, y: number, text: string, size?: number];

function page(n: number, lines: Line[]): TextPage {
	return {
		page: n,
		width: 595,
		height: 842,
		items: lines.map(([x, y, str, size = 10]) => ({ str, x, y, width: str.length * size * 0.5, height: size, hasEOL: true }))
	};
}

/** Lines flowing down a page from y=780 with a leading of 13; `gap` adds blank space before a line. */
function flow(n: number, lines: (string | [string, { gap?: number; x?: number; size?: number }])[], footer?: string): TextPage {
	let y = 780;
	const out: Line[] = [];
	for (const l of lines) {
		const [text, opts] = typeof l === 'string' ? [l, {}] : l;
		y -= 13 + (opts.gap ?? 0);
		out.push([opts.x ?? 56, y, text, opts.size ?? 10]);
	}
	if (footer) out.push([56, 30, footer, 8]);
	return page(n, out);
}

describe('the seed’s list copied into a document', () => {
	// Written the way the seed's list prints: all questions of a part together, one answer below.
	const pages = [
		flow(
			1,
			[
				['Pöytyän kunta', { size: 14 }],
				['Kotoutumisohjelma 2025', { gap: 10 }],
				['Kunta tai kunnat: Pöytyän kunta', { gap: 10 }],
				'Kotoutumisohjelma on laadittu tai päivitetty (päivämäärä: 3.2.2025',
				['1. Osaamisen ja kotoutumisen palvelutarpeen arviointi ja monialaisen osaamisen ja kotoutumisen', { gap: 12 }],
				'palvelutarpeen arviointi (KotoL 14 ja 15 §)',
				['a. Kuvaus palvelusta: Miten palvelut järjestetään kunnassa?', { gap: 6 }],
				'Arviointi tehdään Pöytyän kunnan sosiaalitoimistossa ensimmäisellä tapaamisella.',
				['b. Vastuutaho: Kunnan maahanmuuttokoordinaattori ja työvoimaviranomainen.', { gap: 6 }],
				['c. Yhteistyö: Miten palvelun järjestämiseksi tehdään yhteistyötä?', { gap: 6 }],
				'Yhteistyötä tehdään hyvinvointialueen kanssa.',
				['2. Osaamisen ja kotoutumisen ja monialaisen osaamisen ja kotoutumisen palvelutarpeen arvioinnin pohjalta', { gap: 12 }],
				'laadittava kotoutumissuunnitelma tai monialainen kotoutumissuunnitelma (KotoL 16 ja 17 §)',
				['a. Kuvaus palvelusta:', { gap: 6 }],
				'Suunnitelma laaditaan kolmen kuukauden kuluessa.',
				['b. Vastuutaho: Mitkä tahot/yksiköt vastaavat kotoutumissuunnitelmien laatimisesta?', { gap: 6 }],
				'Mitkä tahot/yksiköt vastaavat monialaisten kotoutumissuunnitelmien laatimisesta kunnassa ja hyvinvointialueella?',
				'Kunta ja työvoimaviranomainen.',
				['c. Yhteistyö: Yhteistyötä tehdään Auranmaan opiston kanssa.', { gap: 6 }]
			],
			'Pöytyän kunta – sivu 1'
		),
		flow(
			2,
			[
				'3. Monikielinen yhteiskuntaorientaatio (KotoL 25 §)',
				['a. Kuvaus palvelusta: Miten kunta toteuttaa monikielisen yhteiskuntaorientaation?', { gap: 6 }],
				'Mitä yhteiskuntaorientaation kohderyhmiä kunnassa on?',
				'Millä kielillä kunnassa on tarve järjestää yhteiskuntaorientaatio?',
				'Missä asiakaspalveluprosessin vaiheessa monikielistä yhteiskuntaorientaatiota tarjotaan asiakkaille?',
				'Orientaatio järjestetään ukrainaksi ja arabiaksi heti alkuvaiheessa.',
				'Kohderyhmänä ovat kaikki uudet kuntalaiset.',
				['b. Vastuutaho: Mitkä tahot/ yksiköt vastaavat yhteiskuntaorientaation järjestämisestä?', { gap: 6 }],
				'Turun työllisyysalue.',
				['c. Yhteistyö: Miten palvelun järjestämiseksi tehdään yhteistyötä?', { gap: 6 }],
				'Toteuttaako kunta monikielisen yhteiskuntaorientaation osittain tai kokonaan itsenäisesti, vai osittain tai kokonaan yhteistyössä',
				'jonkun muun tahon kanssa? Nimeä yhteistyötahot.',
				'Yhteistyössä Loimaan kaupungin kanssa.'
			],
			'Pöytyän kunta – sivu 2'
		),
		flow(
			3,
			[
				'4. Kotoutumiskoulutus (KotoL 26 ja 27 §)',
				['a. Kuvaus palvelusta: Miten kunnassanne järjestetään kotoutumiskoulutus työnhakijana oleville kotoutujille?', { gap: 6 }],
				'Miten kunnassanne järjestetään kotoutumiskoulutus muille kuin työnhakijana oleville kotoutujille?',
				'Kielitaidon päättötestaus (KotoL 26 §) Tämä päättötestaus liittyy ainoastaan niihin kotoutumiskoulutuksiin, joissa noudatetaan',
				'Opetushallituksen opetussuunnitelman perusteita. Päättötestaus järjestetään osana kotoutumislain mukaista kotoutumiskoulutusta.',
				'Miten päättötestauksen järjestäminen toteutetaan?',
				'Koulutus hankitaan ELY-keskuksen kautta.',
				['b. Vastuutaho: Työllisyysalue.', { gap: 6 }],
				['c. Yhteistyö: Opistot.', { gap: 6 }],
				['5. Muu koulutus ja palvelut, jotka edistävät suomen ja ruotsin kielen osaamista, luku- ja kirjoitustaitoa,', { gap: 12 }],
				'yhteiskunta- ja työelämävalmiuksia sekä työllistymistä ja yrittäjyyttä',
				['a. Kuvaus palvelusta: Luku- ja kirjoitustaidon koulutusta ei tarvita tällä hetkellä.', { gap: 6 }],
				['b. Vastuutaho: Kunta.', { gap: 6 }],
				['c. Yhteistyö: -', { gap: 6 }],
				['6. Kotoutumisohjelman aikainen ohjaus ja neuvonta (KotoL 13 §:n 1 mom. 5 kohta)', { gap: 12 }],
				'Kunnan vastuulla on tarjota maahanmuuttajalle kotoutumisohjelman aikaista ohjausta ja neuvontaa kotoutumissuunnitelman',
				'toteuttamisessa.',
				['a. Kuvaus palvelusta: Neuvonta kunnantalolla.', { gap: 6 }],
				['b. Vastuutaho: Kunta.', { gap: 6 }],
				['c. Yhteistyö: Seurakunta.', { gap: 6 }]
			],
			'Pöytyän kunta – sivu 3'
		)
	];
	let r: ReturnType<typeof readTextLayer>;
	beforeAll(() => {
		r = readTextLayer(pages);
	});
	const answer = (key: string) => (r.kind === 'programme' ? r.answers.find((a) => a.key === key) : undefined);

	it('is an own template, with header values read from the label’s line', () => {
		expect(r.kind).toBe('programme');
		if (r.kind !== 'programme') return;
		expect(r.inputKind).toBe('own-template');
		expect(answer('header.municipalities')?.text).toBe('Pöytyän kunta');
		expect(answer('header.updated')?.text).toBe('3.2.2025');
	});

	it('drops the questions and keeps the answers, whether below the heading or on its line', () => {
		expect(answer('s1.a')?.text).toBe('Arviointi tehdään Pöytyän kunnan sosiaalitoimistossa ensimmäisellä tapaamisella.');
		expect(answer('s1.b1')?.text).toBe('Kunnan maahanmuuttokoordinaattori ja työvoimaviranomainen.');
		expect(answer('s1.c')?.text).toBe('Yhteistyötä tehdään hyvinvointialueen kanssa.');
		expect(answer('s2.a')?.text).toBe('Suunnitelma laaditaan kolmen kuukauden kuluessa.');
		expect(answer('s2.c')?.text).toBe('Yhteistyötä tehdään Auranmaan opiston kanssa.');
		expect(answer('s3.c')?.text).toBe('Yhteistyössä Loimaan kaupungin kanssa.');
		expect(answer('s5.c')?.text).toBe('-');
		expect(answer('s6.a')?.text).toBe('Neuvonta kunnantalolla.');
	});

	it('questions printed together: the whole answer under the first key, the others missing with a warning', () => {
		expect(answer('s3.a1')?.text).toBe('Orientaatio järjestetään ukrainaksi ja arabiaksi heti alkuvaiheessa. Kohderyhmänä ovat kaikki uudet kuntalaiset.');
		expect(answer('s3.a2')).toBeUndefined();
		expect(answer('s3.a3')).toBeUndefined();
		expect(answer('s2.b1')?.text).toBe('Kunta ja työvoimaviranomainen.');
		expect(answer('s2.b2')).toBeUndefined();
		// The seed's list words 4a's test question in another order; it is still question, not answer.
		expect(answer('s4.a1')?.text).toBe('Koulutus hankitaan ELY-keskuksen kautta.');
		if (r.kind !== 'programme') return;
		const sub = r.warnings.filter((w) => w.code === 'missing-subquestion').map((w) => w.message);
		expect(sub).toEqual([
			// 1b is answered on its label's line, without its second question: no question of its own.
			expect.stringMatching(/^s1\.b2 has no question of its own.*kept under s1\.b1/),
			expect.stringMatching(/s2\.b.*printed together.*s2\.b1.*s2\.b2/),
			expect.stringMatching(/s3\.a.*printed together.*s3\.a1.*s3\.a2, s3\.a3/),
			expect.stringMatching(/s4\.a.*printed together.*s4\.a1.*s4\.a2, s4\.a3/),
			expect.stringMatching(/^s5\.a2 has no question of its own/)
		]);
	});

	it('a section the document lacks is reported missing; footers are not answers', () => {
		if (r.kind !== 'programme') return;
		expect(r.answers.some((a) => a.key.startsWith('s7.'))).toBe(false);
		const missing = r.warnings.find((w) => w.code === 'missing-part')!;
		expect(missing.message).toContain('s7.a1, s7.a2, s7.a3, s7.b, s7.c');
		expect(r.answers.some((a) => /sivu/.test(a.text))).toBe(false);
		expect(answer('s2.c')!.source.page).toBe(1);
		expect(answer('s3.a1')!.source.page).toBe(2);
	});
});

describe('page furniture', () => {
	it('a running footer is dropped, a heading that happens to open several pages is not', () => {
		const part = (n: number, letter: string, name: string, answer: string): TextPage =>
			page(n, [
				[56, 775, `${letter}. ${name}`],
				[56, 760, answer],
				[56, 28, `Kunta X – kotoutumisohjelma ${n} (3)`, 8]
			]);
		const r = readTextLayer([
			page(1, [
				[56, 775, '1. Osaamisen ja kotoutumisen palvelutarpeen arviointi', 12],
				[56, 740, 'a. Kuvaus palvelusta: Heti.'],
				[56, 720, 'b. Vastuutaho: Kunta.'],
				[56, 700, '2. Osaamisen ja kotoutumisen ja monialaisen osaamisen', 12],
				[56, 680, 'a. Kuvaus palvelusta: Pian.'],
				[56, 660, 'b. Vastuutaho: Kunta.'],
				[56, 640, '3. Monikielinen yhteiskuntaorientaatio', 12],
				[56, 620, 'a. Kuvaus palvelusta: Verkossa.'],
				[56, 600, 'b. Vastuutaho: Kunta.'],
				[56, 28, 'Kunta X – kotoutumisohjelma 1 (3)', 8]
			]),
			part(2, 'c', 'Yhteistyö:', 'Hyvinvointialueen kanssa.'),
			part(3, 'c', 'Yhteistyö:', 'Opistojen kanssa.')
		]);
		if (r.kind !== 'programme') throw new Error(r.kind);
		const text = Object.fromEntries(r.answers.map((a) => [a.key, a.text]));
		expect(text['s3.b']).toBe('Kunta.');
		expect(text['s3.c']).toBe('Hyvinvointialueen kanssa.');
		expect(r.warnings.find((w) => w.code === 'repeated-part')?.message).toMatch(/s3\.c is answered twice/);
		expect(Object.values(text).some((t) => /kotoutumisohjelma \d/.test(t))).toBe(false);
	});
});

describe('labels beside their answers (two columns)', () => {
	it('reads each answer to the right of its heading, the question lines at the left are not answer', () => {
		const r = readTextLayer([
			page(1, [
				[56, 760, '1. Osaamisen ja kotoutumisen palvelutarpeen arviointi', 12],
				[56, 730, 'A. Kuvaus palvelusta:'],
				[250, 730, 'Arviointi tehdään ensimmäisellä'],
				[56, 717, 'Miten palvelut järjestetään'],
				[250, 717, 'tapaamisella kunnan toimistossa.'],
				[56, 704, 'kunnassa?'],
				[56, 660, 'B. Vastuutaho:'],
				[250, 660, 'Sosiaaliohjaaja.'],
				[56, 647, 'Mitkä tahot/ yksiköt tekevät osaamisen'],
				[56, 634, 'ja kotoutumisen palvelutarpeen'],
				[56, 621, 'arvioinnin ja miten?'],
				[56, 590, 'Mitkä tahot/yksiköt tekevät'],
				[250, 590, 'Hyvinvointialue ja kunta yhdessä.'],
				[56, 577, 'monialaisen osaamisen ja'],
				[56, 564, 'kotoutumisen palvelutarpeen'],
				[56, 551, 'arvioinnin kunnassa ja'],
				[56, 538, 'hyvinvointialueella ja miten?'],
				[56, 500, 'C. Yhteistyö:'],
				[250, 500, 'Työllisyysalueen kanssa.'],
				[56, 460, '2. Osaamisen ja kotoutumisen ja monialaisen osaamisen ja kotoutumisen', 12],
				[56, 430, 'A. Kuvaus palvelusta:'],
				[250, 430, 'Suunnitelma tehdään heti.'],
				[56, 400, 'B. Vastuutaho:'],
				[250, 400, 'Koordinaattori.'],
				[56, 370, 'C. Yhteistyö:'],
				[250, 370, 'Kunnat.'],
				[56, 340, '3. Monikielinen yhteiskuntaorientaatio (KotoL 25 §)', 12],
				[56, 310, 'A. Kuvaus palvelusta:'],
				[250, 310, 'Verkossa.']
			])
		]);
		expect(r.kind).toBe('programme');
		if (r.kind !== 'programme') return;
		expect(r.inputKind).toBe('flattened-form');
		const text = Object.fromEntries(r.answers.map((a) => [a.key, a.text]));
		expect(text).toMatchObject({
			's1.a': 'Arviointi tehdään ensimmäisellä tapaamisella kunnan toimistossa.',
			's1.b1': 'Sosiaaliohjaaja.',
			's1.b2': 'Hyvinvointialue ja kunta yhdessä.',
			's1.c': 'Työllisyysalueen kanssa.',
			's2.a': 'Suunnitelma tehdään heti.',
			's3.a1': 'Verkossa.'
		});
	});
});

describe('text that is not a programme', () => {
	it('a report with numbered chapters is not taken for a programme', async () => {
		const r = readTextLayer([
			flow(1, ['Vuosikertomus 2024', '1. Johdanto', 'Kunnan talous oli tasapainossa.', '2. Toiminta', 'Yhteistyö: hyvä.', '3. Talous', 'Tulos oli positiivinen.'])
		]);
		expect(r).toEqual({ kind: 'not-programme', reason: expect.stringMatching(/0 of the form's 7 section headings/) });
	});

	it('text before the first part heading of a section is kept unmapped, not lost', () => {
		const r = readTextLayer([
			flow(1, [
				'1. Osaamisen ja kotoutumisen palvelutarpeen arviointi',
				'Kunnassamme arviointi tehdään aina yhdessä hyvinvointialueen kanssa.',
				'a. Kuvaus palvelusta: Ensimmäisellä käynnillä.',
				'b. Vastuutaho: Kunta.',
				'c. Yhteistyö: Hyvinvointialue.',
				'2. Osaamisen ja kotoutumisen ja monialaisen osaamisen ja kotoutumisen palvelutarpeen arvioinnin pohjalta',
				'a. Kuvaus palvelusta: Kolmessa kuukaudessa.',
				'3. Monikielinen yhteiskuntaorientaatio',
				'a. Kuvaus palvelusta: Verkossa.'
			])
		]);
		if (r.kind !== 'programme') throw new Error(r.kind);
		expect(r.unmapped).toEqual([expect.objectContaining({ text: 'Kunnassamme arviointi tehdään aina yhdessä hyvinvointialueen kanssa.', fieldName: expect.stringMatching(/^1\. Osaamisen/) })]);
		expect(r.warnings.map((w) => w.code)).toContain('unmapped-text');
	});

	it('a PDF whose text is not a programme is refused with the reason', async () => {
		const memo = ['Kokousmuistio 12.3.2025', '1. Kokouksen avaus', '2. Kotoutumisohjelma: valmistelu jatkuu', '3. Yhteistyö: sovittiin tapaaminen', '4. Muut asiat'];
		const e = await extractProgramme(await textPdf(memo), deps).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ProgrammeReadError);
		expect((e as ProgrammeReadError).code).toBe('no-form-fields');
		expect((e as ProgrammeReadError).reason).toMatch(/does not follow the form's list.*section headings/);
	});
});

describe('document language', () => {
	it('Finnish for Aura, Swedish for Swedish prose, undetermined for too little or mixed text', async () => {
		const aura = await extractProgramme(new Uint8Array(readFileSync(AURA_FIXTURE)), deps);
		expect(detectDocumentLanguage(aura.answers)).toBe('fi');
		expect(detectTextLanguage('Kommunen ordnar tjänsterna i samarbete med välfärdsområdet och arbetskraftsmyndigheten, och det är också möjligt att delta på svenska.')).toBe('sv');
		expect(detectTextLanguage('Ukrainan kielellä.')).toBe('und');
		expect(
			detectTextLanguage('Palvelu on tarjolla ja se toimii myös hyvin, kun asiakas sitä tarvitsee ja jos hän haluaa. Tjänsten är tillgänglig och det fungerar bra för alla.')
		).toBe('und');
		expect(detectDocumentLanguage([{ text: 'och att det som för med av', status: 'empty' }])).toBe('und');
	});
});
