/**
 * Every fact's confidence (src/lib/programme/enrich/confidence.ts): the rule itself, and that on
 * real enrichment it orders facts sensibly — a form-field fact above a prose guess, a named body
 * above an unnamed one, negated or hedged sentences and OCR text lower.
 */
import { describe, expect, it } from 'vitest';
import { answerOcr, factConfidence, municipalityConfidence, ocrWeight, REVIEW_THRESHOLD, sentenceCues } from '../../src/lib/programme/enrich/confidence';
import { enrichProgramme, type Enrichment } from '../../src/lib/programme/enrich/index';
import type { Programme } from '../../src/lib/programme/types';
import { auraProgramme, programme, reference } from './enrich-fixtures';

const HEADER = { 'header.municipalities': 'Auran kunta' };

/** The same programme with every answer flagged as read by OCR at the given word confidence. */
function asScan(p: Programme, confidence: number): Programme {
	return {
		...p,
		inputKind: 'scan',
		answers: p.answers.map((a) => ({ ...a, ocr: true as const, source: { ...a.source, page: 1 } })),
		ocr: { pages: [{ page: 1, confidence, language: 'fi', words: 100, seconds: 1 }], meanConfidence: confidence, skipped: [] }
	};
}

const provider = (e: Enrichment, key: string, name: string) => {
	const r = e.responsibilities.find((x) => x.key === key && x.provider === name);
	if (!r) throw new Error(`no ${name} in ${key}: ${e.responsibilities.map((x) => `${x.key}:${x.provider}`).join(', ')}`);
	return r.confidence;
};

describe('the rule', () => {
	it('a form field above prose above a cue; exact above inflected above generic above coreference', () => {
		const c = (source: 'field' | 'prose' | 'cue', match: 'exact' | 'inflected' | 'contextual' | 'generic' | 'coreference' = 'exact') => factConfidence({ source, match });
		expect(c('field')).toBe(0.95);
		expect(c('field')).toBeGreaterThan(c('prose'));
		expect(c('prose')).toBeGreaterThan(c('cue'));
		expect(c('prose', 'exact')).toBeGreaterThan(c('prose', 'inflected'));
		expect(c('prose', 'inflected')).toBeGreaterThan(c('prose', 'generic'));
		expect(c('prose', 'generic')).toBeGreaterThan(c('prose', 'contextual'));
		expect(c('prose', 'contextual')).toBeGreaterThan(c('prose', 'coreference'));
	});

	it('negation, hedging, ambiguity and OCR each lower it; it stays within 0–1 with 2 decimals', () => {
		const base = factConfidence({ source: 'prose', match: 'exact' });
		for (const extra of [{ negated: true }, { hedged: true }, { ambiguous: true }, { ocr: 0.99 }, { ocr: 0.5 }]) {
			expect(factConfidence({ source: 'prose', match: 'exact', ...extra }), JSON.stringify(extra)).toBeLessThan(base);
		}
		expect(factConfidence({ source: 'prose', match: 'exact', ocr: 0.5 })).toBeLessThan(factConfidence({ source: 'prose', match: 'exact', ocr: 0.95 }));
		expect(ocrWeight(null)).toBe(1);
		const worst = factConfidence({ source: 'cue', match: 'coreference', negated: true, hedged: true, ambiguous: true, ocr: 0 });
		expect(worst).toBeGreaterThan(0);
		expect(Number.isInteger(worst * 100)).toBe(true);
	});

	it('finds negation and hedges in Finnish and Swedish, not in ordinary sentences', () => {
		expect(sentenceCues('Kunta ei järjestä koulutusta itse.').negated).toBe(true);
		expect(sentenceCues('Kommunen ordnar inte utbildningen.').negated).toBe(true);
		expect(sentenceCues('Tarvittaessa arvion tekee hyvinvointialue.').hedged).toBe(true);
		expect(sentenceCues('Tolkning ordnas vid behov.').hedged).toBe(true);
		expect(sentenceCues('Kunta järjestää koulutuksen yhdessä opiston kanssa.')).toEqual({ negated: false, hedged: false });
		// Swedish "en" is an article, not Finnish negation
		expect(sentenceCues('Kommunen har en koordinator.').negated).toBe(false);
	});

	it('the municipality: a mapping 1, the header above the title above the answers; the weakest code counts', () => {
		const ev = (code: string, source: string) => ({ code, key: 'k', source });
		expect(municipalityConfidence(['019'], [ev('019', 'mapping')], () => null)).toBe(1);
		const header = municipalityConfidence(['019'], [ev('019', 'header')], () => null)!;
		const title = municipalityConfidence(['019'], [ev('019', 'title')], () => null)!;
		const document = municipalityConfidence(['019'], [ev('019', 'document')], () => null)!;
		expect(header).toBeGreaterThan(title);
		expect(title).toBeGreaterThan(document);
		expect(document).toBeLessThan(REVIEW_THRESHOLD);
		expect(municipalityConfidence(['019', '430'], [ev('019', 'header'), ev('430', 'document')], () => null)).toBe(document);
		expect(municipalityConfidence([], [], () => null)).toBeNull();
		expect(municipalityConfidence(['019'], [ev('019', 'header')], () => 0.8)!).toBeLessThan(header);
	});
});

describe('on enriched programmes', () => {
	const p = programme({
		...HEADER,
		's1.a': 'Osaamisen arvioinnin tekee Loimaan kaupungin maahanmuuttokoordinaattori. Tarvittaessa arvioinnin tekee Turun kaupunki.',
		's1.b1': 'Loimaan kaupunki',
		's1.b2': 'Kunta',
		's3.a2': 'Orientaatiota tarjotaan ukrainaksi. Arabia ja dari tulkin kautta.',
		's3.c': 'Yhteistyötä tehdään Pöytyän kunnan kanssa.'
	});
	const e = enrichProgramme(p, reference);

	it('every fact row has a confidence in 0–1', () => {
		const rows = [...e.responsibilities, ...e.languages, ...e.cooperation, ...e.completeness];
		expect(rows.length).toBeGreaterThan(20);
		for (const r of rows) {
			expect(r.confidence).toBeGreaterThan(0);
			expect(r.confidence).toBeLessThanOrEqual(1);
		}
		expect(e.municipalityConfidence).toBe(0.95);
	});

	it('a body named in the B part (the form asks who) above the same body in an A part sentence', () => {
		expect(provider(e, 's1.b1', 'Loimaan kaupunki')).toBeGreaterThan(provider(e, 's1.a', 'Loimaan kaupunki'));
	});

	it('a named body above the unnamed "kunta"; a hedged sentence below a plain one', () => {
		expect(provider(e, 's1.b1', 'Loimaan kaupunki')).toBeGreaterThan(provider(e, 's1.b2', 'kunta'));
		expect(provider(e, 's1.a', 'Loimaan kaupunki')).toBeGreaterThan(provider(e, 's1.a', 'Turun kaupunki'));
	});

	it('a language in the s3.a2 list: the translative (only ever the language) above a bare name', () => {
		const lang = (code: string) => e.languages.find((l) => l.language_code === code)!.confidence;
		expect(lang('uk')).toBe(0.95);
		expect(lang('uk')).toBeGreaterThanOrEqual(lang('ar'));
	});

	it('OCR lowers every fact, the more the worse the reading', () => {
		const good = enrichProgramme(asScan(p, 0.95), reference);
		const poor = enrichProgramme(asScan(p, 0.6), reference);
		const pairs = <T extends { key: string; span_start: number; confidence: number }>(a: T[], b: T[]) =>
			a.map((r) => [r.confidence, b.find((x) => x.key === r.key && x.span_start === r.span_start)!.confidence] as const);
		for (const [text, ocr] of pairs(e.responsibilities, good.responsibilities)) expect(ocr).toBeLessThan(text);
		for (const [hi, lo] of pairs(good.responsibilities, poor.responsibilities)) expect(lo).toBeLessThan(hi);
		for (const [text, ocr] of pairs(e.languages, good.languages)) expect(ocr).toBeLessThan(text);
		expect(good.municipalityConfidence!).toBeLessThan(e.municipalityConfidence!);
		expect(Math.max(...poor.completeness.map((r) => r.confidence))).toBeLessThan(Math.min(...e.completeness.map((r) => r.confidence)));
	});

	it('answerOcr: the page\'s confidence, null for text-layer answers', () => {
		const scan = asScan(p, 0.7);
		expect(answerOcr(scan.answers[0], scan)).toBe(0.7);
		expect(answerOcr(p.answers[0], p)).toBeNull();
	});

	it('completeness: a fillable form\'s field above a part found by its heading above a part not found', () => {
		const own = enrichProgramme({ ...p, inputKind: 'own-template' }, reference);
		const grade = (x: Enrichment, key: string) => x.completeness.find((r) => r.key === key)!.confidence;
		expect(grade(e, 's1.a')).toBeGreaterThan(grade(own, 's1.a'));
		expect(grade(own, 's1.a')).toBeGreaterThan(grade(own, 's2.a'));
	});

	it('Aura (a text layer, facts from its own fields and plain sentences): nothing below the review threshold', () => {
		const aura = enrichProgramme(auraProgramme(), reference);
		const low = [...aura.responsibilities, ...aura.languages, ...aura.cooperation].filter((r) => r.confidence < REVIEW_THRESHOLD);
		expect(aura.municipalityConfidence).toBe(0.95);
		expect(low.map((r) => `${r.key} ${r.confidence} «${r.snippet}»`)).toEqual([]);
		// The unnamed ("järjestöjen", "Kunta") sit below the named in the same part.
		const s4 = aura.responsibilities.filter((r) => r.key === 's4.a2');
		expect(Math.min(...s4.filter((r) => r.provider === 'kunta').map((r) => r.confidence))).toBeLessThan(Math.max(...s4.map((r) => r.confidence)));
	});
});
