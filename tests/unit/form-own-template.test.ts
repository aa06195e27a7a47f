/**
 * A municipality's own document that follows the form's list of questions, in Finnish and in
 * Swedish: the text layer must read heading, answer, heading, answer… in form order, with the
 * seed's Finnish headings and our Swedish ones, and sub-questions each followed by their answer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formList, renderOwnTemplate, SYNTHETIC_KEYWORD, SYNTHETIC_LINE } from '../../tools/pdf-writer';
import { ANSWER_FIELDS, TABLE_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { PART_LABELS_SV, SECTIONS_SV, TABLE_ROW_LABELS_SV } from '../../src/lib/programme/form-tem-2024-sv';
import { parseSeedProgramme } from '../../scripts/seed';

const ROOT = join(__dirname, '..', '..');
const require = createRequire(import.meta.url);
const STANDARD_FONTS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
const fonts = {
	regular: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans.ttf'))),
	bold: new Uint8Array(readFileSync(join(ROOT, 'data/fonts/DejaVuSans-Bold.ttf')))
};
const seedText = readFileSync(join(ROOT, 'data/seeds/000_810836d28a172589.txt'), 'utf8');
const aura: Record<string, string> = Object.fromEntries(parseSeedProgramme(seedText).map((v) => [v.key, v.value]));

async function readBack(bytes: Uint8Array) {
	const task = pdfjs.getDocument({ data: bytes.slice(), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false });
	try {
		const doc = await task.promise;
		const pages: string[] = [];
		const body: string[] = [];
		for (let i = 1; i <= doc.numPages; i++) {
			const content = await (await doc.getPage(i)).getTextContent();
			const items = content.items.filter((it) => 'str' in it) as unknown as { str: string; transform: number[] }[];
			pages.push(items.map((it) => it.str).join(' '));
			body.push(items.filter((it) => it.transform[5] > 45 && it.transform[5] < 800).map((it) => it.str).join(' '));
		}
		const fields = (await doc.getFieldObjects()) ?? {};
		const info = (await doc.getMetadata()).info as Record<string, unknown>;
		return { pages, body: body.join(' '), fields, info };
	} finally {
		await task.destroy();
	}
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function firstMissingInOrder(haystack: string, needles: string[]): string | undefined {
	const h = squash(haystack);
	let at = 0;
	for (const n of needles) {
		const s = squash(n);
		if (s === '') continue;
		const i = h.indexOf(s, at);
		if (i < 0) return n;
		at = i + s.length;
	}
	return undefined;
}

/** heading, answer, heading, answer… as the list gives them */
function expectedSequence(language: 'fi' | 'sv', values: Record<string, string>): string[] {
	const seq: string[] = [];
	for (const s of formList(language).sections) {
		seq.push(s.heading);
		for (const p of s.parts) {
			p.items.forEach((item, i) => {
				const q = item.help ? `${item.question} ${item.help}` : item.question;
				seq.push(i === 0 ? `${p.label} ${q}` : q, values[item.key] ?? '');
			});
		}
	}
	return seq;
}

const tableValues: Record<string, string> = {
	'table.assessment.jobseekers': 'Turun työllisyysalue',
	'table.assessment.others': 'Loimaan kaupunki (54 §:n sopimus)',
	'table.orientation.others': 'Лоймаа / Loimaa'
};

describe('renderOwnTemplate, Finnish', () => {
	let read: Awaited<ReturnType<typeof readBack>>;
	beforeAll(async () => {
		read = await readBack(
			await renderOwnTemplate({ fonts, values: { ...aura, ...tableValues }, language: 'fi', organisation: 'Auran kunta', includeTable: true })
		);
	});

	it('uses the headings of the seed list', () => {
		// The seed's own words, as printed on the form's list page.
		for (const heading of [
			'1. Osaamisen ja kotoutumisen palvelutarpeen arviointi ja monialaisen osaamisen ja kotoutumisen palvelutarpeen arviointi (KotoL 14 ja 15 §)',
			'a. Kuvaus palvelusta: Miten palvelut järjestetään kunnassa?',
			'b. Vastuutaho: Mitkä tahot/yksiköt tekevät osaamisen ja kotoutumisen palvelutarpeen arvioinnin ja miten?',
			'c. Yhteistyö: Miten palvelun järjestämiseksi tehdään yhteistyötä?',
			'3. Monikielinen yhteiskuntaorientaatio (KotoL 25 §)',
			'a. Kuvaus palveluista: Mitä muita kunnan järjestämisvastuulla olevia palveluita on tarjolla tai suunnitteilla kotoutuja-asiakkaan kotoutumisen tueksi?'
		]) {
			expect(squash(seedText)).toContain(squash(heading).replace(/ \(KotoL 14 ja 15 §\)$/, ''));
			expect(squash(read.body)).toContain(squash(heading));
		}
	});

	it('reads heading, answer, heading, answer… in form order, each sub-question with its own answer', () => {
		expect(firstMissingInOrder(read.body, expectedSequence('fi', aura))).toBeUndefined();
		// 3a's three questions each directly followed by their answers.
		const body = squash(read.body);
		const q2 = 'Millä kielillä kunnassa on tarve järjestää yhteiskuntaorientaatio?';
		const q3 = 'Missä asiakaspalveluprosessin vaiheessa monikielistä yhteiskuntaorientaatiota tarjotaan asiakkaille?';
		expect(body).toContain(`${q2} ${squash(aura['s3.a2'])} ${q3} ${squash(aura['s3.a3'])} b. Vastuutaho:`);
	});

	it('starts with the letterhead and the header answers', () => {
		const body = squash(read.body);
		expect(body.startsWith('Auran kunta Kunnan kotoutumisohjelmaa eli kotoutumisen alkuvaiheen palveluita kuvaava asiakirja')).toBe(true);
		expect(body).toContain('Kunta tai kunnat: Auran kunta');
		expect(body).toContain('Kotoutumisohjelma on laadittu tai päivitetty (päivämäärä): 18.11.2024');
	});

	it('prints the responsibility table when asked', () => {
		const body = squash(read.body);
		expect(body).toContain('Vastuutaulukko');
		expect(body).toContain('Osaamisen ja kotoutumisen palvelutarpeen arviointi Turun työllisyysalue Loimaan kaupunki (54 §:n sopimus)');
		expect(body).toContain('Лоймаа / Loimaa');
	});

	it('has no form fields, page numbers on every page and is not synthetic', () => {
		expect(Object.keys(read.fields)).toHaveLength(0);
		read.pages.forEach((p, i) => expect(p).toContain(`${i + 1} (${read.pages.length})`));
		expect(read.pages.join(' ')).not.toContain(SYNTHETIC_LINE);
		expect(String(read.info.Keywords ?? '')).not.toContain(SYNTHETIC_KEYWORD);
		expect(read.info.Title).toBe('Auran kunta – kotoutumisohjelma');
	});
});

describe('renderOwnTemplate, Swedish', () => {
	const values: Record<string, string> = {
		'header.municipalities': 'Närpes stad',
		'header.updated': '2.12.2024',
		's1.a': 'Bedömningen görs vid det första mötet.\n\nVid behov fortsätter den senare.',
		's1.b1': 'Närpes stad ansvarar för bedömningen för andra än arbetssökande.',
		's1.b2': 'Välfärdsområdet i Österbotten och staden tillsammans.',
		's3.a1': 'Orienteringen ordnas i grupp.',
		's3.a2': 'På arabiska, dari och ukrainska (українською мовою).',
		's3.a3': 'I början av integrationsplanen.',
		's7.c': 'Samarbete med församlingen och föreningar.'
	};
	let read: Awaited<ReturnType<typeof readBack>>;
	let bytes: Uint8Array;
	beforeAll(async () => {
		bytes = await renderOwnTemplate({ fonts, values, language: 'sv', organisation: 'Närpes stad', includeTable: true, synthetic: true });
		read = await readBack(bytes);
	});

	it('uses the Swedish headings and part labels', () => {
		const body = squash(read.body);
		expect(body).toContain(`1. ${SECTIONS_SV['1'].title} (${SECTIONS_SV['1'].law})`);
		for (const label of Object.values(PART_LABELS_SV)) expect(body).toContain(label);
		expect(body).not.toContain('Kuvaus palvelusta');
		expect(body).toContain('Kommun eller kommuner: Närpes stad');
		expect(body).toContain(TABLE_ROW_LABELS_SV.orientation);
	});

	it('reads heading, answer… in form order', () => {
		expect(firstMissingInOrder(read.body, expectedSequence('sv', values))).toBeUndefined();
		expect(read.body).toContain('українською мовою');
	});

	it('is marked synthetic in metadata and on every page', () => {
		expect(String(read.info.Keywords)).toContain(SYNTHETIC_KEYWORD);
		for (const p of read.pages) expect(p).toContain(SYNTHETIC_LINE);
	});

	it('is deterministic', async () => {
		const again = await renderOwnTemplate({ fonts, values, language: 'sv', organisation: 'Närpes stad', includeTable: true, synthetic: true });
		expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
	});

	it('has a Swedish question for every field and a Swedish list', () => {
		const list = formList('sv');
		const keys = list.sections.flatMap((s) => s.parts.flatMap((p) => p.items.map((i) => i.key)));
		expect(keys).toEqual(ANSWER_FIELDS.filter((f) => f.section !== 'header').map((f) => f.key));
		expect(TABLE_FIELDS.every((f) => TABLE_ROW_LABELS_SV[f.part.split('.')[0]])).toBe(true);
	});

	it('rejects bad input with a reason', async () => {
		await expect(renderOwnTemplate({ fonts, values: { nope: 'x' }, language: 'sv', organisation: 'X' })).rejects.toThrow(/unknown key "nope"/);
		await expect(renderOwnTemplate({ fonts, values: {}, language: 'en' as 'fi', organisation: 'X' })).rejects.toThrow(/language/);
		await expect(renderOwnTemplate({ fonts, values: {}, language: 'fi', organisation: ' ' })).rejects.toThrow(/organisation/);
	});
});
