/**
 * Regions' (maakunta) names in English, by region code, as Statistics Finland's classification
 * of regions gives them in English (the same names the Finnish government's English pages use:
 * "Southwest Finland" for Varsinais-Suomi, "Lapland" for Lappi…). Finnish and Swedish names come
 * from data/reference/municipalities.csv.
 */
export const REGION_EN: Readonly<Record<string, string>> = {
	'01': 'Uusimaa',
	'02': 'Southwest Finland',
	'04': 'Satakunta',
	'05': 'Kanta-Häme',
	'06': 'Pirkanmaa',
	'07': 'Päijät-Häme',
	'08': 'Kymenlaakso',
	'09': 'South Karelia',
	'10': 'South Savo',
	'11': 'North Savo',
	'12': 'North Karelia',
	'13': 'Central Finland',
	'14': 'South Ostrobothnia',
	'15': 'Ostrobothnia',
	'16': 'Central Ostrobothnia',
	'17': 'North Ostrobothnia',
	'18': 'Kainuu',
	'19': 'Lapland',
	'21': 'Åland'
};

/** A region's name in the UI language: English from the table above, Swedish where the reference has it, else Finnish. */
export function regionName(locale: 'fi' | 'sv' | 'en', m: { regionCode: string; regionFi: string; regionSv: string }): string {
	if (locale === 'en') return REGION_EN[m.regionCode] ?? m.regionFi;
	if (locale === 'sv') return m.regionSv || m.regionFi;
	return m.regionFi;
}
