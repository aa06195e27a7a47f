/**
 * Wellbeing services counties' names in English, by county code, as the Ministry of Justice's
 * English pages give the names laid down in section 7 of Act 616/2021 ("The wellbeing services
 * county of …"; vaalit.fi/en/wellbeing-services-counties-and-county-councils). Finnish and Swedish
 * names come from data/reference/municipalities.csv. 90 and 91 are not counties.
 */
import { placeName } from './index';

export const WELLBEING_COUNTY_EN: Readonly<Record<string, string>> = {
	'01': 'Wellbeing services county of East Uusimaa',
	'02': 'Wellbeing services county of Central Uusimaa',
	'03': 'Wellbeing services county of West Uusimaa',
	'04': 'Wellbeing services county of Vantaa and Kerava',
	'05': 'Wellbeing services county of Southwest Finland',
	'06': 'Wellbeing services county of Satakunta',
	'07': 'Wellbeing services county of Kanta-Häme',
	'08': 'Wellbeing services county of Pirkanmaa',
	'09': 'Wellbeing services county of Päijät-Häme',
	'10': 'Wellbeing services county of Kymenlaakso',
	'11': 'Wellbeing services county of South Karelia',
	'12': 'Wellbeing services county of South Savo',
	'13': 'Wellbeing services county of North Savo',
	'14': 'Wellbeing services county of North Karelia',
	'15': 'Wellbeing services county of Central Finland',
	'16': 'Wellbeing services county of South Ostrobothnia',
	'17': 'Wellbeing services county of Ostrobothnia',
	'18': 'Wellbeing services county of Central Ostrobothnia',
	'19': 'Wellbeing services county of North Ostrobothnia',
	'20': 'Wellbeing services county of Kainuu',
	'21': 'Wellbeing services county of Lapland',
	'90': 'City of Helsinki',
	'91': 'Åland'
};

/** A county's name in the UI language: English from the table above, Swedish where the reference has it, else Finnish. */
export function wellbeingCountyName(locale: 'fi' | 'sv' | 'en', m: { wellbeingCountyCode: string; wellbeingCountyFi: string; wellbeingCountySv: string }): string {
	return placeName(locale, WELLBEING_COUNTY_EN[m.wellbeingCountyCode], m.wellbeingCountySv, m.wellbeingCountyFi);
}
