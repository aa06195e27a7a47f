/**
 * Completeness: grades by the rubric (docs/completeness-rubric.md), scores, optional parts not
 * penalised; and is_current across programme versions.
 */
import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, MANDATORY_KEYS } from '../../src/lib/programme/form-tem-2024';
import { computeIsCurrent } from '../../src/lib/programme/enrich/current';
import { completenessRows, gradeAnswer, programmeScore, sectionScores } from '../../src/lib/programme/enrich/completeness';
import { answer } from './enrich-fixtures';

const ctx = { municipalityCount: 1, languageCount: 0 };
const grade = (key: string, text: string | undefined, c = ctx) => gradeAnswer(key, text === undefined ? undefined : answer(key, text), c).grade;

const FULL =
	'Työvoimaviranomainen vastaa työnhakijoiden palvelutarpeen arvioinnista ja kunta muiden kotoutujien arvioinnista.';

describe('grades', () => {
	it('missing and empty', () => {
		expect(grade('s1.a', undefined)).toBe('missing');
		expect(grade('s1.a', '')).toBe('empty');
		expect(grade('s1.a', '  \n\t ')).toBe('empty');
	});

	const placeholders = [
		'-', '–', '—', 'x', 'X', 'ei', 'Ei.', 'ei ole', 'tulossa', 'Tulossa.', 'TBD', 'tba', 'n/a', 'ks. edellinen', 'Ks. edellinen.',
		'sama kuin yllä', 'Sama kuin edellä', 'kuten yllä', '…', '...', '?', 'täydennetään myöhemmin', 'saknas', 'se ovan',
		'samma som ovan', 'ks. kohta 2B', 'Katso liite 1.', '- - -', 'xxx'
	];
	for (const p of placeholders) {
		it(`placeholder: "${p}"`, () => expect(grade('s1.a', p)).toBe('placeholder'));
	}

	it('thin: too little to say how the service is arranged', () => {
		expect(grade('s1.a', 'Kunta.')).toBe('thin');
		expect(grade('s1.a', 'Yhteistyössä TE-palveluiden kanssa.')).toBe('thin');
		expect(grade('s6.b', 'Loimaan kaupunki järjestää palvelut yhteistoimintasopimukseen perustuen.')).toBe('answered');
	});

	it('answered', () => {
		expect(grade('s1.b1', FULL)).toBe('answered');
	});

	it('part-specific rules', () => {
		expect(grade('header.municipalities', 'Auran kunta', { municipalityCount: 1, languageCount: 0 })).toBe('answered');
		expect(grade('header.municipalities', 'Xyzby', { municipalityCount: 0, languageCount: 0 })).toBe('thin');
		expect(grade('header.updated', '18.11.2024')).toBe('answered');
		expect(grade('header.updated', '2024-11-18')).toBe('answered');
		expect(grade('header.updated', 'marraskuussa 2024')).toBe('answered');
		expect(grade('header.updated', 'syksy')).toBe('thin');
		expect(grade('header.contact', 'nelli.suominen@aura.fi')).toBe('answered');
		expect(grade('header.contact', 'Nelli')).toBe('thin');
		// "Ukrainan kielellä." is a full answer to "Millä kielillä…"
		expect(grade('s3.a2', 'Ukrainan kielellä.', { municipalityCount: 1, languageCount: 1 })).toBe('answered');
		expect(grade('s3.a2', 'Tarpeen mukaan.', { municipalityCount: 1, languageCount: 0 })).toBe('thin');
		expect(grade('table.plan.others', 'Kunta')).toBe('answered');
	});
});

describe('rows and scores', () => {
	it('one row per part of the form, in form order, mandatory flags from the form', () => {
		const rows = completenessRows('p', [answer('s1.a', FULL)], ctx);
		expect(rows.map((r) => r.key)).toEqual(ALL_FIELDS.map((f) => f.key));
		expect(rows.map((r) => r.ordinal)).toEqual(ALL_FIELDS.map((_, i) => i));
		expect(rows.filter((r) => r.mandatory).map((r) => r.key)).toEqual([...MANDATORY_KEYS]);
		const s1a = rows.find((r) => r.key === 's1.a')!;
		expect([s1a.grade, s1a.score, s1a.chars]).toEqual(['answered', 1, FULL.length]);
	});

	it('optional parts (approval, section 7, table) never lower the score', () => {
		const all = MANDATORY_KEYS.map((k) =>
			answer(k, k === 'header.updated' ? '18.11.2024' : k === 'header.municipalities' ? 'Auran kunta' : FULL)
		);
		const complete = completenessRows('p', all, ctx);
		expect(programmeScore(complete)).toBe(1);
		const withJunk = completenessRows('p', [...all, answer('header.approval', '-'), answer('s7.a1', 'x')], ctx);
		expect(programmeScore(withJunk)).toBe(1);
		expect(withJunk.find((r) => r.key === 's7.a1')!.grade).toBe('placeholder');
	});

	it('section scores average the mandatory parts; the programme score averages the sections', () => {
		const rows = completenessRows(
			'p',
			[answer('s1.a', FULL), answer('s1.b1', 'Kunta.'), answer('s1.b2', '-'), answer('s1.c', '')],
			ctx
		);
		const s1 = sectionScores(rows).find((s) => s.section === '1')!;
		expect(s1.score).toBe(0.375); // (1 + 0.5 + 0 + 0) / 4
		expect(s1.gaps).toEqual(['s1.b1', 's1.b2', 's1.c']);
		const s7 = sectionScores(rows).find((s) => s.section === '7')!;
		expect(s7.score).toBeNull();
		// header and sections 2–6 are missing: (0.375 + 0 × 6) / 7
		expect(programmeScore(rows)).toBe(Math.round((0.375 / 7) * 1000) / 1000);
	});
});

describe('is_current', () => {
	it('a later programme covering the same municipalities supersedes an older one', () => {
		const m = computeIsCurrent([
			{ id: 'old', municipalityCodes: ['019'], updated: '2024-11-18', isSynthetic: false },
			{ id: 'new', municipalityCodes: ['019'], updated: '2025-06-01', isSynthetic: false },
			{ id: 'other', municipalityCodes: ['430'], updated: '2024-01-01', isSynthetic: false }
		]);
		expect(Object.fromEntries(m)).toEqual({ old: false, new: true, other: true });
	});
	it('a joint programme supersedes the older programmes of its members; not the other way round', () => {
		const m = computeIsCurrent([
			{ id: 'aura', municipalityCodes: ['019'], updated: '2024-11-18', isSynthetic: false },
			{ id: 'joint', municipalityCodes: ['019', '561', '636'], updated: '2025-02-01', isSynthetic: false },
			{ id: 'poytya-later', municipalityCodes: ['636'], updated: '2025-05-01', isSynthetic: false }
		]);
		expect(Object.fromEntries(m)).toEqual({ aura: false, joint: true, 'poytya-later': true });
	});
	it('same date: both current; undated stays current; synthetic never supersedes real', () => {
		const m = computeIsCurrent([
			{ id: 'a', municipalityCodes: ['019'], updated: '2025-01-01', isSynthetic: false },
			{ id: 'b', municipalityCodes: ['019'], updated: '2025-01-01', isSynthetic: false },
			{ id: 'undated', municipalityCodes: ['019'], updated: null, isSynthetic: false },
			{ id: 'synthetic', municipalityCodes: ['019'], updated: '2026-01-01', isSynthetic: true },
			{ id: 'nowhere', municipalityCodes: [], updated: null, isSynthetic: false }
		]);
		expect(Object.fromEntries(m)).toEqual({ a: true, b: true, undated: true, synthetic: true, nowhere: true });
	});
});

describe('short answers that name who', () => {
	it('a B part naming the responsible body is answered however short; a C part naming a partner too', () => {
		const bodies = new Map([
			['s6.b', ['työvoimaviranomainen']],
			['s6.c', ['hyvinvointialue']],
			['s6.a', ['kunta']]
		]);
		const c = { municipalityCount: 1, languageCount: 0, namedBodies: bodies };
		expect(gradeAnswer('s6.b', answer('s6.b', 'Työvoimaviranomainen.'), c).grade).toBe('answered');
		expect(gradeAnswer('s6.c', answer('s6.c', 'Hyvinvointialue.'), c).grade).toBe('answered');
		// an A part must still describe the service
		expect(gradeAnswer('s6.a', answer('s6.a', 'Kunta.'), c).grade).toBe('thin');
	});
});
