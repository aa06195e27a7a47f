import { describe, expect, it } from 'vitest';
import { gradeAnswer, REASON_KEYS, type GradeContext } from '../../src/lib/programme/enrich/completeness';
import { translator } from '../../src/lib/i18n';
import { reasonText } from '../../src/lib/components/gaps/reason';
import type { Answer } from '../../src/lib/programme/types';

const ans = (key: string, text: string): Answer => ({ key, text }) as unknown as Answer;
const ctx: GradeContext = { municipalityCount: 0, languageCount: 0 };

/** One case per reason the rubric can give. */
const CASES: [string, string | undefined, GradeContext][] = [
	['s1.a', undefined, ctx],
	['s1.a', '   ', ctx],
	['s1.a', 'tulossa', ctx],
	['s1.a', 'ks. kohta 2B', ctx],
	['header.municipalities', 'Aura', { ...ctx, municipalityCount: 1 }],
	['header.municipalities', 'Aura ja Pöytyä', { ...ctx, municipalityCount: 2 }],
	['header.municipalities', 'jokin', ctx],
	['header.updated', '18.11.2024', ctx],
	['header.updated', 'syksyllä', ctx],
	['header.contact', 'Maija Meikäläinen', ctx],
	['header.contact', 'Maija', ctx],
	['s3.a2', 'suomi, arabia', { ...ctx, languageCount: 2 }],
	['s3.a2', 'tarpeen mukaan eri kielillä', ctx],
	['s3.a2', 'kyllä', ctx],
	['table.1', 'Työllisyyspalvelut', ctx],
	['table.1', 'ok', ctx],
	['s1.b', 'TE-palvelut', { ...ctx, namedBodies: new Map([['s1.b', ['TE-palvelut']]]) }],
	['s1.c', 'Kela ja seurakunta', { ...ctx, namedBodies: new Map([['s1.c', ['Kela', 'seurakunta']]]) }],
	['s1.a', 'Kunta järjestää', ctx],
	['s1.a', 'Kunta järjestää palvelun yhdessä työllisyyspalvelujen kanssa kaikille.', ctx]
];

describe('rubric reasons as message keys', () => {
	const results = CASES.map(([key, text, c]) => gradeAnswer(key, text === undefined ? undefined : ans(key, text), c));

	it('the cases cover every reason key', () => {
		expect(new Set(results.map((r) => r.reasonKey))).toEqual(new Set(REASON_KEYS));
	});

	it('every reason key has a message in fi, sv and en', () => {
		for (const locale of ['fi', 'sv', 'en'] as const) {
			const t = translator(locale);
			for (const k of REASON_KEYS) expect(t.has(`gaps.reason.${k}`), `${locale}: gaps.reason.${k}`).toBe(true);
		}
	});

	it('the English message with the parameters says what the stored English reason says', () => {
		const en = translator('en');
		for (const r of results) {
			expect(reasonText(en, { reason: r.reason, reason_key: r.reasonKey, reason_params: JSON.stringify(r.reasonParams) })).toBe(r.reason);
		}
	});

	it('fi and sv render every placeholder (no braces left, no English reason)', () => {
		for (const locale of ['fi', 'sv'] as const) {
			const t = translator(locale);
			for (const r of results) {
				const s = reasonText(t, { reason: r.reason, reason_key: r.reasonKey, reason_params: JSON.stringify(r.reasonParams) });
				expect(s, `${locale} ${r.reasonKey}`).not.toMatch(/[{}]/);
				expect(s, `${locale} ${r.reasonKey}`).not.toBe(r.reason);
			}
		}
		expect(reasonText(translator('fi'), { reason: 'x', reason_key: 'too-short', reason_params: '{"n":3}' })).toBe(
			'Vain 3 sanaa: liian vähän kertomaan, miten palvelu järjestetään.'
		);
	});

	it('falls back to the English text for rows without a key or with bad parameters', () => {
		const fi = translator('fi');
		expect(reasonText(fi, { reason: 'Old text.', reason_key: null, reason_params: null })).toBe('Old text.');
		expect(reasonText(fi, { reason: 'Old text.', reason_key: 'no-such', reason_params: '{}' })).toBe('Old text.');
		expect(reasonText(fi, { reason: 'x', reason_key: 'empty', reason_params: 'not json' })).toBe('Kohta on tyhjä.');
	});
});
