import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterOptions } from '../../src/lib/db/dataset';
import { parseMunicipalities } from '../../src/lib/reference/index';
import { REGION_EN, regionName } from '../../src/lib/reference/region-en';
import { WELLBEING_COUNTY_EN } from '../../src/lib/reference/wellbeing-en';

const municipalities = parseMunicipalities(readFileSync('data/reference/municipalities.csv', 'utf8'));

describe('names in the UI language', () => {
	it('every region and wellbeing services county has its official English name', () => {
		for (const m of municipalities) {
			expect(REGION_EN[m.regionCode], m.regionCode).toBeTruthy();
			expect(WELLBEING_COUNTY_EN[m.wellbeingCountyCode], m.wellbeingCountyCode).toBeTruthy();
		}
		const aura = municipalities.find((m) => m.code === '019')!;
		expect(regionName('en', aura)).toBe('Southwest Finland');
		expect(regionName('sv', aura)).toBe('Egentliga Finland');
		expect(regionName('fi', aura)).toBe('Varsinais-Suomi');
	});

	it('the filter options carry them: English pages show no Finnish region or county name where an English one exists', () => {
		const options = filterOptions(municipalities);
		const region = options.region.find((o) => o.value === '02')!;
		expect(region.label).toEqual({ fi: 'Varsinais-Suomi', sv: 'Egentliga Finland', en: 'Southwest Finland' });
		for (const o of options.region) expect(o.label.en, o.value).toBe(REGION_EN[o.value]);
		for (const o of options.wellbeing) expect(o.label.en, o.value).toBe(WELLBEING_COUNTY_EN[o.value]);
		expect(options.wellbeing.find((o) => o.value === '05')!.label.en).toBe('Wellbeing services county of Southwest Finland');
	});
});
