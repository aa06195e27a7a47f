/**
 * How the generated text names languages, in Finnish and Swedish, in the inflections
 * municipalities write ("ukrainaksi", "ukrainan kielellä", "ukrainankielisille", "på ukrainska",
 * "arabisktalande"). This is the GENERATOR's phrase bank; it is deliberately written apart from
 * the extractor's lexicon (src/lib/programme/enrich/), so the evaluation measures the extractor
 * against independent wording.
 */
import type { Rng } from '../random';

export interface LanguageForms {
	/** ISO 639-1 where one exists, else ISO 639-3. */
	code: string;
	/** Finnish name in the nominative, as the truth records it. */
	nameFi: string;
	/** Finnish nominative as written in running text ("kurdi (sorani)"). */
	fiNom: string;
	/** Translative: "ukrainaksi". */
	fiTransl: string;
	/** Genitive stem: "ukrainan" (→ "ukrainan kielellä", "ukrainankielinen"). */
	fiGen: string;
	/** Partitive: "ukrainaa" ("puhuvat ukrainaa"). */
	fiPart: string;
	/** Swedish name: "ukrainska". */
	sv: string;
	/** Swedish adjective stem for compounds: "ukrainsk" (→ "ukrainsktalande", "ukrainskspråkiga"). */
	svStem: string;
	/** Relative frequency of being offered for orientation in a programme (0–1). */
	weight: number;
}

export const LANGUAGES: readonly LanguageForms[] = [
	{ code: 'uk', nameFi: 'ukraina', fiNom: 'ukraina', fiTransl: 'ukrainaksi', fiGen: 'ukrainan', fiPart: 'ukrainaa', sv: 'ukrainska', svStem: 'ukrainsk', weight: 0.85 },
	{ code: 'ar', nameFi: 'arabia', fiNom: 'arabia', fiTransl: 'arabiaksi', fiGen: 'arabian', fiPart: 'arabiaa', sv: 'arabiska', svStem: 'arabisk', weight: 0.5 },
	{ code: 'ru', nameFi: 'venäjä', fiNom: 'venäjä', fiTransl: 'venäjäksi', fiGen: 'venäjän', fiPart: 'venäjää', sv: 'ryska', svStem: 'rysk', weight: 0.45 },
	{ code: 'en', nameFi: 'englanti', fiNom: 'englanti', fiTransl: 'englanniksi', fiGen: 'englannin', fiPart: 'englantia', sv: 'engelska', svStem: 'engelsk', weight: 0.5 },
	{ code: 'prs', nameFi: 'dari', fiNom: 'dari', fiTransl: 'dariksi', fiGen: 'darin', fiPart: 'daria', sv: 'dari', svStem: 'dari', weight: 0.25 },
	{ code: 'fa', nameFi: 'persia', fiNom: 'persia (farsi)', fiTransl: 'persiaksi', fiGen: 'persian', fiPart: 'persiaa', sv: 'persiska', svStem: 'persisk', weight: 0.15 },
	{ code: 'so', nameFi: 'somali', fiNom: 'somali', fiTransl: 'somaliksi', fiGen: 'somalin', fiPart: 'somalia', sv: 'somaliska', svStem: 'somalisk', weight: 0.22 },
	{ code: 'ckb', nameFi: 'kurdi (sorani)', fiNom: 'kurdi (sorani)', fiTransl: 'soraniksi', fiGen: 'soranin', fiPart: 'soranikurdia', sv: 'kurdiska (sorani)', svStem: 'soranikurdisk', weight: 0.14 },
	{ code: 'ti', nameFi: 'tigrinja', fiNom: 'tigrinja', fiTransl: 'tigrinjaksi', fiGen: 'tigrinjan', fiPart: 'tigrinjaa', sv: 'tigrinja', svStem: 'tigrinja', weight: 0.08 },
	{ code: 'et', nameFi: 'viro', fiNom: 'viro', fiTransl: 'viroksi', fiGen: 'viron', fiPart: 'viroa', sv: 'estniska', svStem: 'estnisk', weight: 0.08 },
	{ code: 'sq', nameFi: 'albania', fiNom: 'albania', fiTransl: 'albaniaksi', fiGen: 'albanian', fiPart: 'albaniaa', sv: 'albanska', svStem: 'albansk', weight: 0.05 },
	{ code: 'vi', nameFi: 'vietnam', fiNom: 'vietnam', fiTransl: 'vietnamiksi', fiGen: 'vietnamin', fiPart: 'vietnamia', sv: 'vietnamesiska', svStem: 'vietnamesisk', weight: 0.07 },
	{ code: 'th', nameFi: 'thai', fiNom: 'thai', fiTransl: 'thaiksi', fiGen: 'thain', fiPart: 'thaita', sv: 'thailändska', svStem: 'thailändsk', weight: 0.06 },
	{ code: 'tr', nameFi: 'turkki', fiNom: 'turkki', fiTransl: 'turkiksi', fiGen: 'turkin', fiPart: 'turkkia', sv: 'turkiska', svStem: 'turkisk', weight: 0.07 },
	{ code: 'ps', nameFi: 'pashto', fiNom: 'pashto', fiTransl: 'pashtoksi', fiGen: 'pashton', fiPart: 'pashtoa', sv: 'pashto', svStem: 'pashto', weight: 0.05 },
	{ code: 'fr', nameFi: 'ranska', fiNom: 'ranska', fiTransl: 'ranskaksi', fiGen: 'ranskan', fiPart: 'ranskaa', sv: 'franska', svStem: 'fransk', weight: 0.07 },
	{ code: 'es', nameFi: 'espanja', fiNom: 'espanja', fiTransl: 'espanjaksi', fiGen: 'espanjan', fiPart: 'espanjaa', sv: 'spanska', svStem: 'spansk', weight: 0.05 },
	{ code: 'zh', nameFi: 'kiina', fiNom: 'kiina', fiTransl: 'kiinaksi', fiGen: 'kiinan', fiPart: 'kiinaa', sv: 'kinesiska', svStem: 'kinesisk', weight: 0.04 },
	{ code: 'my', nameFi: 'burma', fiNom: 'burma', fiTransl: 'burmaksi', fiGen: 'burman', fiPart: 'burmaa', sv: 'burmesiska', svStem: 'burmesisk', weight: 0.04 },
	{ code: 'sw', nameFi: 'swahili', fiNom: 'swahili', fiTransl: 'swahiliksi', fiGen: 'swahilin', fiPart: 'swahilia', sv: 'swahili', svStem: 'swahili', weight: 0.04 },
	{ code: 'am', nameFi: 'amhara', fiNom: 'amhara', fiTransl: 'amharaksi', fiGen: 'amharan', fiPart: 'amharaa', sv: 'amhariska', svStem: 'amharisk', weight: 0.03 },
	{ code: 'fi', nameFi: 'suomi', fiNom: 'suomi', fiTransl: 'suomeksi', fiGen: 'suomen', fiPart: 'suomea', sv: 'finska', svStem: 'finsk', weight: 0.2 },
	{ code: 'sv', nameFi: 'ruotsi', fiNom: 'ruotsi', fiTransl: 'ruotsiksi', fiGen: 'ruotsin', fiPart: 'ruotsia', sv: 'svenska', svStem: 'svensk', weight: 0.12 }
];

export const LANGUAGE_BY_CODE: ReadonlyMap<string, LanguageForms> = new Map(LANGUAGES.map((l) => [l.code, l]));

export function language(code: string): LanguageForms {
	const l = LANGUAGE_BY_CODE.get(code);
	if (!l) throw new Error(`corpus: no phrase forms for language "${code}"`);
	return l;
}

/** The ways one language is named in a Finnish list of offered languages. */
export type FiListStyle = 'transl' | 'nom' | 'part' | 'kielella' | 'kielinen';

/**
 * A Finnish list of languages in one consistent style, each item returned separately so the
 * caller can record where each language was named:
 * - transl:   "ukrainaksi, arabiaksi ja dariksi"
 * - nom:      "ukraina, arabia ja dari"
 * - kielella: "ukrainan, arabian ja darin kielellä" (only the last carries "kielellä")
 * - part:     "ukrainaa, arabiaa ja daria"
 * - kielinen: "ukrainan-, arabian- ja darinkielisille" (hyphenated coordination; `suffix` is the
 *             ending of the last word: "kielisille", "kielisiä", "kielinen", "kielistä"…)
 */
export function fiListItems(
	codes: readonly string[],
	style: FiListStyle,
	suffix = 'kielisille'
): { items: string[]; joiners: string[]; tail: string } {
	const ls = codes.map(language);
	const n = ls.length;
	const items = ls.map((l, i) => {
		switch (style) {
			case 'transl':
				return l.fiTransl;
			case 'nom':
				return l.fiNom;
			case 'part':
				return l.fiPart;
			case 'kielella':
				return l.fiGen;
			case 'kielinen':
				// "kurdi (sorani)" cannot take a hyphenated compound; it is written out.
				if (l.code === 'ckb') return i === n - 1 ? `soraninkurdin${suffix}` : 'soraninkurdin-';
				return i === n - 1 ? `${l.fiGen}${suffix}` : `${l.fiGen}-`;
		}
	});
	const joiners = items.map((_, i) => (i === n - 1 ? '' : i === n - 2 ? ' ja ' : ', '));
	const tail = style === 'kielella' ? (n > 1 ? ' kielillä' : ' kielellä') : '';
	return { items, joiners, tail };
}

/** Swedish list styles: "på ukrainska, arabiska och dari" / "ukrainsk- och arabisktalande". */
export type SvListStyle = 'pa' | 'nom' | 'talande' | 'spraakiga';

export function svListItems(codes: readonly string[], style: SvListStyle): { items: string[]; joiners: string[]; head: string } {
	const ls = codes.map(language);
	const n = ls.length;
	const items = ls.map((l, i) => {
		switch (style) {
			case 'pa':
			case 'nom':
				return l.sv;
			case 'talande':
				return i === n - 1 ? `${l.svStem}talande` : `${l.svStem}-`;
			case 'spraakiga':
				return i === n - 1 ? `${l.svStem}språkiga` : `${l.svStem}-`;
		}
	});
	const joiners = items.map((_, i) => (i === n - 1 ? '' : i === n - 2 ? ' och ' : ', '));
	return { items, joiners, head: style === 'pa' ? 'på ' : '' };
}

/**
 * Picks the languages a programme offers orientation in: Ukrainian is near-universal since
 * temporary protection, larger places offer more, bilingual places often add Swedish.
 */
export function pickOrientationLanguages(rng: Rng, opts: { population: number; bilingual: boolean }): string[] {
	const p0 = opts.population;
	const size = p0 >= 100_000 ? 2.4 : p0 >= 50_000 ? 1.7 : p0 >= 20_000 ? 1.2 : p0 >= 8_000 ? 0.75 : 0.45;
	const chosen: string[] = [];
	for (const l of LANGUAGES) {
		let p = l.code === 'uk' ? l.weight : Math.min(0.95, l.weight * size);
		if (l.code === 'sv') p = opts.bilingual ? 0.6 : 0.02;
		if (l.code === 'fi') p = 0.15;
		if (rng.chance(p)) chosen.push(l.code);
	}
	if (chosen.length === 0) chosen.push(rng.chance(0.8) ? 'uk' : 'en');
	return chosen;
}

/** Cyrillic course titles (exercise the embedded font); each names the course, not a language. */
export const CYRILLIC_COURSE_TITLES = {
	uk: ['«Життя у Фінляндії»', '«Перші кроки у Фінляндії»', '«Фінляндія для початківців»'],
	ru: ['«Жизнь в Финляндии»', '«Первые шаги в Финляндии»']
} as const;
