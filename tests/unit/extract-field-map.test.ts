import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, ANSWER_FIELDS } from '../../src/lib/programme/form-tem-2024';
import { QUESTIONS_SV } from '../../src/lib/programme/form-tem-2024-sv';
import { mapFieldNames, structuralCode } from '../../src/lib/programme/field-map';
import { looseLabel, normaliseLabel } from '../../src/lib/programme/labels';

const names = ALL_FIELDS.map((f) => f.fieldName);
const keys = ALL_FIELDS.map((f) => f.key);

function keysOf(fieldNames: readonly string[]) {
	return mapFieldNames(fieldNames).assignments.map((a) => a.key);
}

describe('label normalisation', () => {
	it('collapses whitespace runs, newlines and tabs, and strips trailing colons', () => {
		expect(normaliseLabel('1A: \n\t Kuvaus palvelusta:\n')).toBe('1A: Kuvaus palvelusta');
		expect(normaliseLabel('Kunta tai kunnat: ')).toBe('Kunta tai kunnat');
		expect(normaliseLabel('  3A\r\nkuvaus 2 :: ')).toBe('3A kuvaus 2');
	});

	it('loose labels join hyphenated words and ignore case and punctuation', () => {
		expect(looseLabel('yhteistyö-\nkumppanit:')).toBe(looseLabel('Yhteistyökumppanit'));
		expect(looseLabel('käsittely- ja hyväksymis- prosessi')).toBe('käsittely ja hyväksymisprosessi');
	});

	it('no two fields of the form share a loose label (so case-insensitive matching is safe)', () => {
		const loose = names.map(looseLabel);
		expect(new Set(loose).size).toBe(loose.length);
	});

	it('reads structural codes', () => {
		expect(structuralCode(looseLabel('1A: \n\t Kuvaus palvelusta:\n'))).toBe('1a');
		expect(structuralCode(looseLabel('4A'))).toBe('4a');
		expect(structuralCode(looseLabel('2 B vastuutaho'))).toBe('2b');
		expect(structuralCode(looseLabel('Kunta tai kunnat'))).toBeNull();
		expect(structuralCode(looseLabel('10A Palkkatulot'))).toBeNull();
	});
});

describe('mapping the form’s own field names', () => {
	it('maps every field of the form to its key exactly', () => {
		const m = mapFieldNames(names);
		expect(m.assignments.map((a) => a.key)).toEqual(keys);
		expect(m.assignments.every((a) => a.method === 'exact')).toBe(true);
		expect(m.looksLikeForm).toBe(true);
	});

	it('does not depend on the order of the fields in the document', () => {
		const reversed = [...names].reverse();
		expect(keysOf(reversed)).toEqual([...keys].reverse());
	});
});

describe('label variants map to the same keys', () => {
	const variants: [string, (name: string) => string][] = [
		['extra spaces', (n) => `  ${n.replace(/ /g, '   ')} `],
		['missing colons', (n) => n.replace(/:/g, '')],
		['different line breaks', (n) => n.replace(/\s+/g, ' ').replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\r\n' : ' '))],
		['no line breaks or tabs', (n) => n.replace(/[\n\t]+/g, ' ')],
		['lower case', (n) => n.toLowerCase()],
		['upper case', (n) => n.toUpperCase()],
		['colon after the code', (n) => n.replace(/^(\d[ABC])\s*/, '$1: ')],
		['all of these at once', (n) => `${n.replace(/:/g, '').replace(/\s+/g, '\n').toLowerCase()}  `]
	];
	for (const [what, change] of variants) {
		it(what, () => {
			const m = mapFieldNames(names.map(change));
			expect(m.assignments.map((a) => a.key)).toEqual(keys);
			expect(m.looksLikeForm).toBe(true);
		});
	}

	it('names cut at another length, or not cut at all, still find their key', () => {
		const changed = ANSWER_FIELDS.map((f) => {
			if (f.key === 's1.b2') return '1B Mitkä tahot/yksiköt tekevät monialaisen osaamisen ja kotoutumisen palvelutarpeen arvioinnin';
			if (f.key === 's2.b2') return '2B Mitkä tahot/yksiköt vastaavat monialaisten kotoutumissuunnitelmien laatimisesta kunnassa ja hyvinvointialueella?';
			return f.fieldName;
		});
		expect(keysOf(changed)).toEqual(ANSWER_FIELDS.map((f) => f.key));
	});

	it('the bare "4A" finds s4.a2 among the 4A fields, also when its neighbours are reworded', () => {
		const reworded = ANSWER_FIELDS.map((f) => {
			if (f.key === 's4.a1') return '4A Kuvaus palvelusta: työnhakijat';
			if (f.key === 's4.a3') return '4A päättötestaus';
			return f.fieldName;
		});
		const m = mapFieldNames(reworded);
		expect(m.assignments.map((a) => a.key)).toEqual(ANSWER_FIELDS.map((f) => f.key));
	});

	it('a field whose wording matches nothing takes the free key of its code, and says so', () => {
		const doc = names.map((n) => (n === '4A' ? '4A lisäkenttä' : n));
		const m = mapFieldNames(doc);
		const a = m.assignments.find((x) => x.name === '4A lisäkenttä')!;
		expect(a.key).toBe('s4.a2');
		expect(a.method).toBe('position');
	});

	it('two fields that differ only in spacing keep document order', () => {
		// A printing where s4.a2's field repeats s4.a1's label with an extra space.
		const doc = ['4A Kuvaus palvelusta\n', '4A  Kuvaus palvelusta ', '4A Kielitaidon päättötestaus ', ...names.filter((n) => !n.startsWith('4A'))];
		const m = mapFieldNames(doc);
		expect(m.assignments.slice(0, 3).map((a) => a.key)).toEqual(['s4.a1', 's4.a2', 's4.a3']);
	});

	it('Swedish field names map by code, wording and order', () => {
		const swedish = ANSWER_FIELDS.map((f) => {
			const q = QUESTIONS_SV[f.key].question;
			const code = /^s(\d)\.([abc])/.exec(f.key);
			return code ? `${code[1]}${code[2].toUpperCase()} ${q}` : q;
		});
		const m = mapFieldNames(swedish);
		expect(m.assignments.map((a) => a.key)).toEqual(ANSWER_FIELDS.map((f) => f.key));
	});
});

describe('fields that are not the form', () => {
	it('a tax form maps to nothing and is recognised as foreign', () => {
		const tax = ['Nimi', 'Henkilötunnus', 'Verovuosi', '1A Palkkatulot', '1B Eläketulot', '2A Vähennykset', 'Allekirjoitus ja päiväys'];
		const m = mapFieldNames(tax);
		expect(m.looksLikeForm).toBe(false);
		expect(m.confident).toBe(0);
		expect(m.assignments.every((a) => a.key === null)).toBe(true);
	});

	it('extra fields beside the form are kept unmapped, the rest still map', () => {
		const m = mapFieldNames([...names, 'Lisätietoja', 'Liite 1', '8A Muuta']);
		expect(m.looksLikeForm).toBe(true);
		expect(m.assignments.slice(0, names.length).map((a) => a.key)).toEqual(keys);
		expect(m.assignments.slice(names.length).map((a) => a.key)).toEqual([null, null, null]);
	});

	it('a name that fits two parts equally is left unmapped rather than guessed', () => {
		const m = mapFieldNames([...names.filter((n) => !/^[1-7]C/.test(n)), 'Yhteistyö']);
		const last = m.assignments.at(-1)!;
		expect(last.key).toBeNull();
		expect(last.note).toMatch(/equally well/);
	});
});
