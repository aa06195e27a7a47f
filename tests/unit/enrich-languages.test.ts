/**
 * Languages: the lexicon (ISO 639 codes), Finnish and Swedish inflections, lists, the context of
 * each mention, and the distractors that are not offers.
 */
import { describe, expect, it } from 'vitest';
import { findLanguages, LANGUAGE_BY_CODE, LANGUAGE_LEXICON } from '../../src/lib/programme/enrich/languages';

const codes = (text: string, key = 's3.a1', section = '3') => findLanguages(text, key, section).mentions.map((m) => m.code);
const snippets = (text: string, key = 's3.a1', section = '3') => findLanguages(text, key, section).mentions.map((m) => `${m.code}:${m.snippet}`);
const dropped = (text: string, key = 's3.a1', section = '3') => findLanguages(text, key, section).dropped.map((d) => `${d.code}:${d.reason}`);

describe('lexicon', () => {
	it('covers the 40+ foreign languages most spoken in Finland, Finnish, Swedish, Sámi and sign languages', () => {
		const required = [
			'ru', 'et', 'ar', 'en', 'so', 'uk', 'fa', 'prs', 'ku', 'ckb', 'kmr', 'zh', 'sq', 'vi', 'th', 'tr', 'es', 'de', 'pl', 'ne',
			'tl', 'bn', 'ur', 'hi', 'ti', 'am', 'sw', 'ln', 'fr', 'pt', 'ro', 'hu', 'it', 'my', 'ps', 'ta', 'no', 'lt', 'lv', 'bg',
			'sr', 'hr', 'bs', 'el', 'ja', 'ko', 'uz', 'rw', 'om',
			'fi', 'sv', 'se', 'smn', 'sms', 'fse', 'fss'
		];
		for (const c of required) expect(LANGUAGE_BY_CODE.has(c), c).toBe(true);
		expect(LANGUAGE_LEXICON.length).toBeGreaterThanOrEqual(80);
		// codes are ISO 639-1 (2 letters) or 639-2/3 (3 letters), and unique
		expect(new Set(LANGUAGE_LEXICON.map((l) => l.code)).size).toBe(LANGUAGE_LEXICON.length);
		for (const l of LANGUAGE_LEXICON) expect(l.code).toMatch(/^[a-z]{2,3}$/);
	});

	// Finnish translative ("in X"), written out by hand: gradation and stems included.
	const translative: [string, string][] = [
		['ukrainaksi', 'uk'], ['venäjäksi', 'ru'], ['viroksi', 'et'], ['arabiaksi', 'ar'], ['englanniksi', 'en'],
		['somaliksi', 'so'], ['persiaksi', 'fa'], ['farsiksi', 'fa'], ['dariksi', 'prs'], ['kurdiksi', 'ku'],
		['soraniksi', 'ckb'], ['kiinaksi', 'zh'], ['albaniaksi', 'sq'], ['vietnamiksi', 'vi'], ['thaiksi', 'th'],
		['turkiksi', 'tr'], ['espanjaksi', 'es'], ['saksaksi', 'de'], ['puolaksi', 'pl'], ['nepaliksi', 'ne'],
		['tagalogiksi', 'tl'], ['bengaliksi', 'bn'], ['urduksi', 'ur'], ['hindiksi', 'hi'], ['tigrinjaksi', 'ti'],
		['amharaksi', 'am'], ['swahiliksi', 'sw'], ['lingalaksi', 'ln'], ['ranskaksi', 'fr'], ['portugaliksi', 'pt'],
		['romaniaksi', 'ro'], ['unkariksi', 'hu'], ['italiaksi', 'it'], ['burmaksi', 'my'], ['paštoksi', 'ps'],
		['tamiliksi', 'ta'], ['ruotsiksi', 'sv'], ['norjaksi', 'no'], ['liettuaksi', 'lt'], ['latviaksi', 'lv'],
		['bulgariaksi', 'bg'], ['serbiaksi', 'sr'], ['kroatiaksi', 'hr'], ['bosniaksi', 'bs'], ['kreikaksi', 'el'],
		['japaniksi', 'ja'], ['koreaksi', 'ko'], ['uzbekiksi', 'uz'], ['kinyarwandaksi', 'rw'], ['oromoksi', 'om'],
		['suomeksi', 'fi'], ['pohjoissaameksi', 'se'], ['inarinsaameksi', 'smn'], ['koltansaameksi', 'sms'],
		['romaniksi', 'rom']
	];
	for (const [word, code] of translative) {
		it(`${word} → ${code}`, () => {
			expect(codes(`Orientaatiota tarjotaan ${word}.`)).toEqual([code]);
		});
	}

	const swedish: [string, string][] = [
		['ryska', 'ru'], ['estniska', 'et'], ['arabiska', 'ar'], ['engelska', 'en'], ['somaliska', 'so'], ['ukrainska', 'uk'],
		['persiska', 'fa'], ['dari', 'prs'], ['kurdiska', 'ku'], ['sorani', 'ckb'], ['kinesiska', 'zh'], ['vietnamesiska', 'vi'],
		['turkiska', 'tr'], ['tigrinja', 'ti'], ['franska', 'fr'], ['finska', 'fi'], ['nordsamiska', 'se']
	];
	for (const [word, code] of swedish) {
		it(`på ${word} → ${code}`, () => {
			expect(codes(`Orienteringen ordnas på ${word}.`)).toEqual([code]);
		});
	}
});

describe('inflections and constructions', () => {
	it('genitive + kieli', () => {
		expect(snippets('Ukrainan kielellä.', 's3.a2')).toEqual(['uk:Ukrainan kielellä']);
		expect(snippets('Orientaatio järjestetään somalin kielellä.')).toEqual(['so:somalin kielellä']);
	});
	it('-kielinen compounds', () => {
		expect(codes('Ryhmä on ukrainankielinen.')).toEqual(['uk']);
		expect(codes('Tarjoamme orientaatiota venäjänkielisille.')).toEqual(['ru']);
		expect(codes('Englanninkieliset materiaalit ovat saatavilla.')).toEqual(['en']);
	});
	it('elliptic coordination: "arabian- ja darinkielisille"', () => {
		expect(snippets('Orientaatio on suunnattu arabian- ja darinkielisille asiakkaille.')).toEqual([
			'ar:arabian- ja darinkielisille',
			'prs:darinkielisille'
		]);
		expect(codes('Ryhmät ovat arabian-, somalin- ja tigrinjankielisille.')).toEqual(['ar', 'so', 'ti']);
	});
	it('coordinated genitives sharing "kielillä"', () => {
		expect(codes('Orientaatio järjestetään ukrainan, venäjän ja arabian kielillä.')).toEqual(['uk', 'ru', 'ar']);
	});
	it('"kurdi (sorani)" is Sorani', () => {
		expect(snippets('Orientaatiota tarjotaan kurdi (sorani) -kielellä.')).toEqual(['ckb:kurdi (sorani)']);
	});
	it('partitive with "puhuva"', () => {
		expect(codes('Arabiaa puhuville järjestetään oma ryhmä.')).toEqual(['ar']);
	});
	it('Swedish: "på ukrainska", "arabisktalande", "ryskspråkiga", "på arabiska och dari"', () => {
		expect(snippets('Orienteringen ordnas på ukrainska.')).toEqual(['uk:på ukrainska']);
		expect(codes('Vi ordnar en grupp för arabisktalande.')).toEqual(['ar']);
		expect(codes('Gruppen är för ryskspråkiga deltagare.')).toEqual(['ru']);
		expect(codes('Orienteringen ordnas på arabiska och dari.')).toEqual(['ar', 'prs']);
	});
	it('sign languages and Sámi', () => {
		expect(codes('Palvelua on saatavilla suomalaisella viittomakielellä.')).toEqual(['fse']);
		expect(codes('Palvelua on saatavilla suomenruotsalaisella viittomakielellä.')).toEqual(['fss']);
		expect(codes('Tulkkaus viittomakielelle järjestetään.')).toEqual(['sgn']);
		expect(codes('Tjänsten finns på finlandssvenskt teckenspråk.')).toEqual(['fss']);
		expect(codes('Ohjausta annetaan pohjoissaameksi ja inarinsaameksi.', 's6.a', '6')).toEqual(['se', 'smn']);
	});
	it('plain lists: in s3.a2, and in a sentence about languages', () => {
		expect(codes('venäjä, arabia, dari', 's3.a2')).toEqual(['ru', 'ar', 'prs']);
		expect(codes('Ukraina, venäjä ja somali.', 's3.a2')).toEqual(['uk', 'ru', 'so']);
		expect(codes('Orientaation kielet: arabia, dari, somali ja ukraina.')).toEqual(['ar', 'prs', 'so', 'uk']);
	});
});

describe('context of each mention', () => {
	it('from the section, or from the words of the sentence', () => {
		const ctx = (text: string, key: string, section: string) => findLanguages(text, key, section).mentions.map((m) => m.context);
		expect(ctx('Ukrainan kielellä.', 's3.a2', '3')).toEqual(['orientation']);
		expect(ctx('Ryhmä opiskelee venäjäksi.', 's4.a1', '4')).toEqual(['training']);
		expect(ctx('Neuvontaa saa arabiaksi.', 's6.a', '6')).toEqual(['guidance']);
		expect(ctx('Ohjausta annetaan arabiaksi.', 's7.a1', '7')).toEqual(['guidance']);
		expect(ctx('Yhteiskuntaorientaatio järjestetään somaliksi.', 's1.a', '1')).toEqual(['orientation']);
		expect(ctx('Tiedote on käännetty englanniksi.', 's1.a', '1')).toEqual(['other']);
	});
});

describe('distractors: named but not offered', () => {
	it('population language statistics', () => {
		expect(codes('Kunnan suurimmat kieliryhmät ovat venäjä, viro ja arabia.')).toEqual([]);
		expect(codes('Kunnassa on paljon vieraskielisiä asukkaita, esimerkiksi venäjänkielisiä.')).toEqual([]);
		expect(dropped('Kunnassa on paljon vieraskielisiä asukkaita, esimerkiksi venäjänkielisiä.')).toEqual(['ru:population']);
		expect(codes('Kieliryhmät 2024: arabia 7, englanti 29, viro 41', 's3.a2')).toEqual([]);
		expect(codes('Asiakkaiden yleisimmät äidinkielet ovat arabia ja dari.')).toEqual([]);
		expect(codes('De största språkgrupperna är ryska och arabiska.')).toEqual([]);
	});
	it('languages of a workshop or consultation', () => {
		expect(codes('Kotoutumisohjelman valmistelussa järjestettiin työpajoja suomeksi ja englanniksi.', 'header.process', 'header')).toEqual([]);
		expect(codes('Asukaskysely oli saatavilla arabiaksi ja somaliksi.', 'header.process', 'header')).toEqual([]);
		// the language the document is written in
		expect(codes('Ohjelma on laadittu suomeksi ja ruotsiksi sekä englanniksi.', 'header.process', 'header')).toEqual([]);
	});
	it('"palvelut suomeksi ja ruotsiksi": the official languages', () => {
		expect(codes('Kunnan palvelut ovat saatavilla suomeksi ja ruotsiksi.', 's7.a1', '7')).toEqual([]);
		expect(dropped('Kunnan palvelut ovat saatavilla suomeksi ja ruotsiksi.', 's7.a1', '7')).toEqual([
			'fi:official-languages',
			'sv:official-languages'
		]);
		expect(codes('Kuvataan suomen- ja ruotsinkieliset palvelut.')).toEqual([]);
		expect(codes('Tjänsterna ges på finska och svenska.')).toEqual([]);
		// with another language in the list they are offers
		expect(codes('Ohjausta annetaan suomeksi, ruotsiksi ja englanniksi.', 's6.a', '6')).toEqual(['fi', 'sv', 'en']);
	});
	it('a language being taught is not the language of the service', () => {
		expect(codes('Auranmaan opisto tarjoaa suomen kielen alkeiden opintojaksoa.', 's4.a2', '4')).toEqual([]);
		expect(codes('Suomen kielen opetus järjestetään iltaisin.', 's5.a2', '5')).toEqual([]);
		expect(codes('Asiakkaat opiskelevat ruotsin kieltä.', 's5.a2', '5')).toEqual([]);
		expect(codes('Kurser i svenska som andraspråk ordnas.', 's5.a2', '5')).toEqual([]);
	});
	it('a negated offer', () => {
		expect(codes('Venäjänkieliselle orientaatiolle ei ole tarvetta.')).toEqual([]);
		expect(codes('Orientaatiota ei järjestetä venäjäksi.')).toEqual([]);
		// a negation in a subordinate clause does not cancel the offer
		expect(codes('Orientaatio järjestetään arabiaksi, jos ryhmä ei muuten täyty.')).toEqual(['ar']);
	});
	it('a sentence that names a language (or a country) without offering it', () => {
		expect(codes('Ukrainasta tulleet asiakkaat ovat kunnan suurin ryhmä.')).toEqual([]);
		expect(codes('Ukrainan sota on lisännyt tulijoita.')).toEqual([]);
		expect(codes('Turkki on yhteistyömaa.')).toEqual([]);
		expect(codes('Asiakkaat tulevat mm. Ukrainasta, Venäjältä ja Syyriasta.')).toEqual([]);
		expect(codes('Suomi on monikielinen maa.')).toEqual([]);
	});
});

describe('evidence', () => {
	it('every mention is a span of the text', () => {
		const texts = [
			'Ukrainan kielellä. ',
			'Orientaatio on suunnattu arabian- ja darinkielisille asiakkaille sekä kurdi (sorani) -kielisille.',
			'Orienteringen ordnas på arabiska och dari samt för arabisktalande.',
			'Palvelua on saatavilla suomalaisella viittomakielellä.'
		];
		for (const t of texts) {
			for (const m of findLanguages(t, 's3.a2', '3').mentions) expect(t.slice(m.start, m.end)).toBe(m.snippet);
		}
	});
});
