/**
 * The main language of a programme's answers, from counts of common function words.
 * Function words are frequent, short and never part of names, so a few sentences suffice;
 * a document with too few of them, or with both languages in similar amounts, is `und`.
 */
import type { Answer } from './types';

export type DocumentLanguage = 'fi' | 'sv' | 'und';

const FINNISH = new Set(
	'ja on ei tai sekä kanssa myös että jotka joka jonka joita ovat oli ole voi voidaan tämä nämä se ne niin kun jos kuin mukaan osalta lisäksi tarvittaessa kautta jälkeen'.split(
		' '
	)
);
const SWEDISH = new Set(
	'och att det som för med av en ett på är inte till eller samt den de har kan om vid från också även dessutom genom efter under vilka denna detta'.split(
		' '
	)
);

/** Minimum function words before a language is named. */
const MIN_HITS = 5;
/** One language must have this many times the other's function words. */
const DOMINANCE = 2;

export function detectTextLanguage(text: string): DocumentLanguage {
	let fi = 0;
	let sv = 0;
	for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
		if (FINNISH.has(word)) fi++;
		else if (SWEDISH.has(word)) sv++;
	}
	if (fi + sv < MIN_HITS) return 'und';
	if (fi >= sv * DOMINANCE) return 'fi';
	if (sv >= fi * DOMINANCE) return 'sv';
	return 'und';
}

/** The language of a programme's filled answers taken together. */
export function detectDocumentLanguage(answers: readonly Pick<Answer, 'text' | 'status'>[]): DocumentLanguage {
	return detectTextLanguage(
		answers
			.filter((a) => a.status === 'filled')
			.map((a) => a.text)
			.join('\n')
	);
}
