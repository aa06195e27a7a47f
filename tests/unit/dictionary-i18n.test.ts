import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/lib/dataset/tables';
import { columnText, tableText, translatedColumns, translatedTables } from '../../src/lib/dataset/dictionary-i18n';

const codes = (s: string) => [...new Set([...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]))].sort();

describe('the data dictionary in fi, sv and en', () => {
	const keys = TABLES.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`));

	for (const locale of ['fi', 'sv'] as const) {
		it(`${locale}: every table and column has a text, and none that tables.ts lacks`, () => {
			expect([...translatedColumns(locale)].sort()).toEqual([...keys].sort());
			expect([...translatedTables(locale)].sort()).toEqual(TABLES.map((t) => t.name).sort());
		});

		it(`${locale}: a translation for every English text, and the same data codes in it`, () => {
			for (const t of TABLES) {
				const tt = tableText(locale, t.name);
				expect(tt.description, t.name).not.toBe(t.description);
				expect(tt.grain, t.name).not.toBe(t.grain);
				expect(codes(tt.description), t.name).toEqual(codes(t.description));
				for (const c of t.columns) {
					const text = columnText(locale, t.name, c.name);
					const key = `${t.name}.${c.name}`;
					// An empty English description (a continuation of the row above) stays empty.
					expect(text === '', key).toBe(c.description === '');
					// Values in backticks are data and must survive translation unchanged.
					expect(codes(text), key).toEqual(codes(c.description));
				}
			}
		});
	}

	it('en is tables.ts itself', () => {
		const t = TABLES[0];
		expect(tableText('en', t.name)).toEqual({ description: t.description, grain: t.grain });
		expect(columnText('en', t.name, t.columns[0].name)).toBe(t.columns[0].description);
	});
});

describe('wellbeing services county names in the UI language', async () => {
	const { readFileSync } = await import('node:fs');
	const { parseMunicipalities } = await import('../../src/lib/reference');
	const { filterOptions } = await import('../../src/lib/db/dataset');
	const { WELLBEING_COUNTY_EN } = await import('../../src/lib/reference/wellbeing-en');
	const municipalities = parseMunicipalities(readFileSync('data/reference/municipalities.csv', 'utf8'));

	it('every county code in the reference has an English name', () => {
		const codes = [...new Set(municipalities.map((m) => m.wellbeingCountyCode))].sort();
		expect(codes.filter((c) => !WELLBEING_COUNTY_EN[c])).toEqual([]);
	});

	it('the filter offers Finnish, Swedish and English names', () => {
		const turku = filterOptions(municipalities).wellbeing.find((o) => o.value === '05')!;
		expect(turku.label).toEqual({
			fi: 'Varsinais-Suomen hyvinvointialue',
			sv: 'Egentliga Finlands välfärdsområde',
			en: 'Wellbeing services county of Southwest Finland'
		});
	});
});
