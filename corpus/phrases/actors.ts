/**
 * Named local actors for the generated documents: the municipality and its units, hosts,
 * employment areas, wellbeing services counties, ELY centres, opistot, parishes, associations
 * and companies. Company and association names are invented; place-based names (kansalaisopisto,
 * seurakunta) follow the usual pattern and may coincide with real bodies, which is why every
 * document is marked synthetic.
 */
import type { EmploymentArea, Municipality } from '../../src/lib/reference/index';
import type { Actor } from '../facts';
import { genitiveFi, genitiveSv, isTown, orgNameFi, orgNameSv, orgWordFi } from '../names';
import type { Rng } from '../random';

const REGION_GEN_FI: Record<string, string> = {
	'01': 'Uudenmaan',
	'02': 'Varsinais-Suomen',
	'04': 'Satakunnan',
	'05': 'Kanta-Hämeen',
	'06': 'Pirkanmaan',
	'07': 'Päijät-Hämeen',
	'08': 'Kymenlaakson',
	'09': 'Etelä-Karjalan',
	'10': 'Etelä-Savon',
	'11': 'Pohjois-Savon',
	'12': 'Pohjois-Karjalan',
	'13': 'Keski-Suomen',
	'14': 'Etelä-Pohjanmaan',
	'15': 'Pohjanmaan',
	'16': 'Keski-Pohjanmaan',
	'17': 'Pohjois-Pohjanmaan',
	'18': 'Kainuun',
	'19': 'Lapin'
};

/** ELY centre by region (15 centres; some cover two regions). */
const ELY_GEN_FI: Record<string, string> = {
	'01': 'Uudenmaan',
	'02': 'Varsinais-Suomen',
	'04': 'Satakunnan',
	'05': 'Hämeen',
	'06': 'Pirkanmaan',
	'07': 'Hämeen',
	'08': 'Kaakkois-Suomen',
	'09': 'Kaakkois-Suomen',
	'10': 'Etelä-Savon',
	'11': 'Pohjois-Savon',
	'12': 'Pohjois-Karjalan',
	'13': 'Keski-Suomen',
	'14': 'Etelä-Pohjanmaan',
	'15': 'Pohjanmaan',
	'16': 'Pohjois-Pohjanmaan',
	'17': 'Pohjois-Pohjanmaan',
	'18': 'Kainuun',
	'19': 'Lapin'
};

/** Short names wellbeing services counties use of themselves (by county code). */
const COUNTY_BRANDS: Record<string, string> = {
	'02': 'Keusote',
	'04': 'Vakehyva',
	'05': 'Varha',
	'07': 'Oma Häme',
	'08': 'Pirha',
	'11': 'Eksote',
	'12': 'Eloisa',
	'14': 'Siun sote',
	'15': 'Hyvaks',
	'18': 'Soite',
	'19': 'Pohde',
	'21': 'Lapha'
};

/**
 * Own names for employment areas whose long name is not in the reference data. All singular
 * ("…työllisyysalue"): the text uses them as subjects of singular verbs.
 */
const AREA_NAMES_FI: Record<string, string> = {
	'01': 'Espoon työllisyysalue',
	'08': 'Helsingin työllisyysalue',
	'09': 'Jyväskylän seudun työllisyysalue',
	'13': 'Keski-Savon työllisyysalue',
	'15': 'Kirkkonummen, Vihdin ja Siuntion työllisyysalue',
	'16': 'Kouvolan työllisyysalue',
	'18': 'Kymppi-työllisyysalue',
	'19': 'Lahden työllisyysalue',
	'20': 'Lohjan ja Karkkilan työllisyysalue',
	'22': 'Meri-Lapin työllisyysalue',
	'23': 'Mikkelin seudun työllisyysalue',
	'37': 'TyöLakeus-työllisyysalue',
	'43': 'Vantaan työllisyysalue'
};

function actor(name: string, gen: string, kind: Actor['kind'], code: string | null = null): Actor {
	return { name, gen, kind, code };
}

/** Genitive of an organisation name by its last word ("Auranmaan opisto" → "Auranmaan opiston"). */
export function orgGenitiveFi(name: string): string {
	const rules: [RegExp, string][] = [
		[/ ry$/, ' ry:n'],
		[/ rf$/, ' rf:n'],
		[/kaupunki$/, 'kaupungin'],
		[/kunta$/, 'kunnan'],
		[/seurakunta$/, 'seurakunnan'],
		[/hyvinvointialue$/, 'hyvinvointialueen'],
		[/työllisyysalue$/, 'työllisyysalueen'],
		[/palvelut$/, 'palveluiden'],
		[/opisto$/, 'opiston'],
		[/keskus$/, 'keskuksen'],
		[/yksikkö$/, 'yksikön'],
		[/yhdistys$/, 'yhdistyksen'],
		[/osasto$/, 'osaston'],
		[/Oy$/, 'Oy:n'],
		[/Ab$/, 'Ab:n'],
		[/sote$/, 'soten'],
		[/Häme$/, 'Hämeen'],
		[/a$/, 'an'],
		[/ä$/, 'än'],
		[/e$/, 'en'],
		[/o$/, 'on']
	];
	for (const [re, rep] of rules) if (re.test(name)) return name.replace(re, rep);
	return `${name}:n`;
}

export interface Cast {
	/** The municipality itself as an organisation ("Auran kunta"). */
	self: Actor;
	/** Its units, for variety ("Auran kunnan hyvinvointipalvelut"); kind municipality. */
	selfUnits: Actor[];
	/** The 54 § host, as seen from a member ("Loimaan kaupunki"), if any. */
	host: Actor | null;
	hostUnits: Actor[];
	/** The employment authority under its names ("Turun työllisyysalue", "työllisyyspalvelut"). */
	employment: Actor[];
	/** The employment area as a cooperation partner (its own long name). */
	area: Actor;
	county: Actor;
	/** Short name of the county, if it has one ("Varha"). */
	countyBrand: Actor | null;
	countyUnits: Actor[];
	ely: Actor;
	keha: Actor;
	education: Actor[];
	ngos: Actor[];
	companies: Actor[];
}

const COMPANIES_FI = [
	'Kielipolku Oy',
	'Kotopolku Koulutus Oy',
	'Sanataito Oy',
	'Uusi Askel Valmennus Oy',
	'Opintori Oy',
	'Pohjantähti Learning Oy',
	'Kotiväylä Oy',
	'Silta Koulutuspalvelut Oy',
	'Kompassi Valmennus Oy',
	'Lingua Borealis Oy',
	'Monikko Koulutus Oy',
	'Tulkkipalvelu Lumo Oy'
];
const COMPANIES_SV = ['Språkbron Ab', 'Integra Nord Ab', 'Lärstigen Ab', 'Kompassen Utbildning Ab'];

export function buildCast(
	rng: Rng,
	m: Municipality,
	area: EmploymentArea,
	host: Municipality | null,
	lang: 'fi' | 'sv'
): Cast {
	const sv = lang === 'sv';
	const placeGen = genitiveFi(m.nameFi);
	const word = orgWordFi(m.nameFi);
	const selfName = sv ? orgNameSv(m.nameSv, m.nameFi) : orgNameFi(m.nameFi);
	// Swedish genitive of "Närpes stad" is "Närpes stads".
	const self = actor(selfName, sv ? `${selfName}s` : orgGenitiveFi(selfName), 'municipality', m.code);
	// Singular names: the text uses them as subjects of singular verbs ("… vastaa").
	const unitNamesFi = ['hyvinvointitoimiala', 'sivistystoimiala', 'maahanmuuttajatyön yksikkö', 'kotoutumispalveluyksikkö', 'perhe- ja sosiaalityön yksikkö'];
	const unitNamesSv = ['välfärdstjänster', 'bildningstjänster', 'integrationstjänster', 'invandrartjänster'];
	const selfUnits = (sv ? unitNamesSv : unitNamesFi).map((u) => {
		const name = sv ? `${genitiveSv(m.nameSv)} ${isTown(m.nameFi) ? 'stads' : 'kommuns'} ${u}` : `${placeGen} ${word.gen} ${u}`;
		return actor(name, sv ? name : orgGenitiveFi(name), 'municipality', m.code);
	});
	if (m.nameFi.endsWith(' kunta') && !sv) {
		for (const u of selfUnits) {
			u.name = u.name.replace(`${placeGen} kunnan`, `${m.nameFi.replace(/ kunta$/, '')} kunnan`);
			u.gen = orgGenitiveFi(u.name);
		}
	}

	let hostActor: Actor | null = null;
	let hostUnits: Actor[] = [];
	if (host) {
		const hn = sv ? orgNameSv(host.nameSv, host.nameFi) : orgNameFi(host.nameFi);
		hostActor = actor(hn, sv ? `${hn}s` : orgGenitiveFi(hn), 'host_municipality', host.code);
		hostUnits = (sv ? unitNamesSv.slice(2) : unitNamesFi.slice(2)).map((u) => {
			const name = sv
				? `${genitiveSv(host.nameSv)} ${isTown(host.nameFi) ? 'stads' : 'kommuns'} ${u}`
				: `${genitiveFi(host.nameFi)} ${orgWordFi(host.nameFi).gen} ${u}`;
			return actor(name, sv ? name : orgGenitiveFi(name), 'host_municipality', host.code);
		});
	}

	const areaNameFi = area.nameLongFi ?? AREA_NAMES_FI[area.code] ?? `${area.nameFi} työllisyysalue`;
	const areaNameSv = `sysselsättningsområdet ${area.nameSv}`;
	const areaActor = sv ? actor(areaNameSv, `${areaNameSv}s`, 'employment_authority') : actor(areaNameFi, orgGenitiveFi(areaNameFi), 'employment_authority');
	const employment: Actor[] = sv
		? [areaActor, actor('arbetskraftsmyndigheten', 'arbetskraftsmyndighetens', 'employment_authority'), actor('sysselsättningstjänsterna', 'sysselsättningstjänsternas', 'employment_authority')]
		: [
				areaActor,
				actor('työvoimaviranomainen', 'työvoimaviranomaisen', 'employment_authority'),
				actor('työllisyyspalvelut', 'työllisyyspalveluiden', 'employment_authority'),
				actor('TE-palvelut', 'TE-palveluiden', 'employment_authority'),
				actor('työllisyysalue', 'työllisyysalueen', 'employment_authority')
			];

	let county: Actor;
	let countyUnits: Actor[];
	if (m.wellbeingCountyCode === '90') {
		// Helsinki organises its own social and health services: the city is the provider.
		county = actor('Helsingin kaupungin sosiaali-, terveys- ja pelastustoimiala', 'Helsingin kaupungin sosiaali-, terveys- ja pelastustoimialan', 'municipality', '091');
		countyUnits = [actor('Helsingin kaupungin maahanmuuttajien sosiaalipalvelut', 'Helsingin kaupungin maahanmuuttajien sosiaalipalveluiden', 'municipality', '091')];
	} else if (sv) {
		county = actor(m.wellbeingCountySv, `${m.wellbeingCountySv}s`, 'wellbeing_county');
		countyUnits = [
			actor('välfärdsområdets socialhandledare', 'välfärdsområdets socialhandledares', 'wellbeing_county'),
			actor('välfärdsområdets socialarbete för vuxna', 'välfärdsområdets socialarbete för vuxna', 'wellbeing_county')
		];
	} else {
		county = actor(m.wellbeingCountyFi, `${m.wellbeingCountyFi}en`, 'wellbeing_county');
		countyUnits = [
			actor('hyvinvointialueen sosiaaliohjaaja', 'hyvinvointialueen sosiaaliohjaajan', 'wellbeing_county'),
			actor('hyvinvointialueen aikuissosiaalityö', 'hyvinvointialueen aikuissosiaalityön', 'wellbeing_county'),
			actor('hyvinvointialueen maahanmuuttajapalvelut', 'hyvinvointialueen maahanmuuttajapalveluiden', 'wellbeing_county')
		];
	}
	const brandName = COUNTY_BRANDS[m.wellbeingCountyCode];
	const countyBrand = brandName && !sv ? actor(brandName, orgGenitiveFi(brandName), 'wellbeing_county') : null;

	const ely = sv
		? actor(`NTM-centralen i ${m.regionSv}`, `NTM-centralen i ${m.regionSv}s`, 'ely_keha')
		: actor(`${ELY_GEN_FI[m.regionCode]} ELY-keskus`, `${ELY_GEN_FI[m.regionCode]} ELY-keskuksen`, 'ely_keha');
	const keha = sv ? actor('KEHA-centret', 'KEHA-centrets', 'ely_keha') : actor('KEHA-keskus', 'KEHA-keskuksen', 'ely_keha');

	const regionGen = REGION_GEN_FI[m.regionCode] ?? `${m.regionFi}n`;
	const educationFi = [
		`${placeGen} kansalaisopisto`,
		`${placeGen} seudun kansalaisopisto`,
		m.population > 60_000 ? `${placeGen} työväenopisto` : `${placeGen} opisto`,
		`${regionGen} kansanopisto`,
		`${regionGen} ammattiopisto`
	];
	const educationSv = [`${genitiveSv(m.nameSv)} medborgarinstitut`, `Arbetarinstitutet i ${m.nameSv}`, 'Yrkesinstitutet Prakticum', 'Svenska studieförbundet'];
	const education = rng
		.sample(sv ? educationSv : educationFi, 3)
		.map((n) => actor(n, sv ? `${n}s` : orgGenitiveFi(n), 'education_provider'));

	const ngosFi = [
		`${placeGen} seurakunta`,
		`MLL:n ${placeGen} yhdistys`,
		`Suomen Punaisen Ristin ${placeGen} osasto`,
		`${placeGen} Monikulttuuriyhdistys ry`,
		`${placeGen} 4H-yhdistys`,
		`${placeGen} Martat ry`,
		`${placeGen} Setlementti ry`
	];
	const ngosSv = [`${genitiveSv(m.nameSv)} församling`, `Röda Korsets ${m.nameSv}avdelning`, `Folkhälsan i ${m.nameSv}`, `Mångkulturella föreningen i ${m.nameSv} rf`];
	const ngos = rng.sample(sv ? ngosSv : ngosFi, 3).map((n) => actor(n, sv ? n : orgGenitiveFi(n), 'ngo_parish'));

	const companies = rng
		.sample(sv ? COMPANIES_SV : COMPANIES_FI, 2)
		.map((n) => actor(n, sv ? n : orgGenitiveFi(n), 'private_company'));

	return {
		self,
		selfUnits,
		host: hostActor,
		hostUnits,
		employment,
		area: areaActor,
		county,
		countyBrand,
		countyUnits,
		ely,
		keha,
		education,
		ngos,
		companies
	};
}

/**
 * The employment authority before the employment-area reform (1.1.2025): the state's TE office.
 * Same slots as Cast.employment (area, authority, services, TE services, generic), all of them
 * TE names, so a 2024 document names the TE office wherever a 2025 one names the area.
 */
export function teEraEmployment(lang: 'fi' | 'sv'): Actor[] {
	if (lang === 'sv') {
		const office = actor('TE-byrån', 'TE-byråns', 'employment_authority');
		return [office, office, actor('TE-tjänsterna', 'TE-tjänsternas', 'employment_authority')];
	}
	const office = actor('TE-toimisto', 'TE-toimiston', 'employment_authority');
	const services = actor('TE-palvelut', 'TE-palveluiden', 'employment_authority');
	return [office, office, services, services, office];
}
