/**
 * Evidence is sacred: every derived row, on any input, carries a span whose snippet equals
 * answer.text.slice(span_start, span_end). Checked over Aura, over Aura's answers shuffled into
 * other parts, and over text with characters outside the BMP, combining marks and odd spacing.
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { createEnricher, type Enrichment } from '../../src/lib/programme/enrich/index';
import type { Programme } from '../../src/lib/programme/types';
import { answer, auraProgramme, programme, reference } from './enrich-fixtures';

const enrich = createEnricher(reference);

function checkEvidence(p: Programme, e: Enrichment) {
	const text = new Map(p.answers.map((a) => [a.key, a.text]));
	for (const r of [...e.responsibilities, ...e.languages, ...e.cooperation]) {
		const t = text.get(r.key);
		expect(t, `row from unknown key ${r.key}`).toBeDefined();
		expect(r.span_start).toBeGreaterThanOrEqual(0);
		expect(r.span_end).toBeLessThanOrEqual(t!.length);
		expect(r.span_start).toBeLessThan(r.span_end);
		expect(t!.slice(r.span_start, r.span_end)).toBe(r.snippet);
		expect(r.programme_id).toBe(p.id);
	}
	for (const m of e.municipalityEvidence) {
		if (m.key === 'metadata.title') continue;
		expect(text.get(m.key)!.slice(m.span_start, m.span_end)).toBe(m.snippet);
	}
	expect(e.warnings.filter((w) => w.code === 'enrichment-span-error')).toEqual([]);
}

describe('evidence invariant', () => {
	it('Aura', () => {
		const p = auraProgramme();
		checkEvidence(p, enrich(p));
	});

	it('Aura\'s answers rotated into other parts (every rule meets every text)', () => {
		const aura = auraProgramme();
		const texts = aura.answers.map((a) => a.text);
		for (const shift of [1, 7, 13, 21]) {
			const p: Programme = {
				...aura,
				id: `rot${shift}`,
				answers: ANSWER_FIELDS.map((f, i) => answer(f.key, texts[(i + shift) % texts.length]))
			};
			const e = enrich(p);
			checkEvidence(p, e);
			expect(e.responsibilities.length + e.cooperation.length).toBeGreaterThan(10);
		}
	});

	it('characters outside the BMP, combining marks, tabs and no-break spaces', () => {
		const p = programme({
			'header.municipalities': 'Auran\u00a0kunta 🙂',
			's3.a2': '🇺🇦 Ukrainan kielellä, 🇸🇾 arabiaksi ja dari\u0301ksi.',
			's3.b': '👉 Loimaan kaupunki vastaa.\tTyövoimaviranomainen vastaa työnhakijoista. 😀 Arffman Finland Oy:n kautta ostopalveluna.',
			's4.b': 'Loimaan Evankelinen Kansanopisto LEKO 📚 ja hyvinvointialueen sosiaaliohjaaja.'
		});
		const e = enrich(p);
		checkEvidence(p, e);
		expect(e.languages.map((l) => l.language_code)).toEqual(['uk', 'ar']);
		expect(e.responsibilities.map((r) => r.provider_kind)).toContain('private_company');
	});

	it('a programme with no answers, or only empty ones', () => {
		for (const p of [programme({}), programme(Object.fromEntries(ANSWER_FIELDS.map((f) => [f.key, '']))) ]) {
			const e = enrich(p);
			checkEvidence(p, e);
			expect(e.responsibilities).toEqual([]);
			expect(e.languages).toEqual([]);
			expect(e.cooperation).toEqual([]);
			expect(e.warnings.map((w) => w.code)).toEqual(['no-municipality']);
		}
	});

	it('the same input gives the same output', () => {
		expect(enrich(auraProgramme())).toEqual(enrich(auraProgramme()));
	});
});
