/**
 * Reference data: Finland's municipalities (1.1.2025 division) and employment areas, parsed from
 * the CSV files in `data/reference/` (sources and licences in `data/reference/SOURCES.md`).
 * Pure functions over text, so the ingest, the corpus generator and the browser share them.
 */
import { parseCsvRecords } from '../export/csv';

export interface Municipality {
	code: string;
	nameFi: string;
	nameSv: string;
	regionCode: string;
	regionFi: string;
	regionSv: string;
	wellbeingCountyCode: string;
	wellbeingCountyFi: string;
	wellbeingCountySv: string;
	employmentAreaCode: string;
	employmentArea: string;
	employmentAreaSv: string;
	/** `fi`, `sv`, `fi-sv` (bilingual, Finnish majority) or `sv-fi` (bilingual, Swedish majority). */
	languageStatus: 'fi' | 'sv' | 'fi-sv' | 'sv-fi';
	population: number;
	populationClass: PopulationClass;
	aland: boolean;
}

export interface EmploymentArea {
	code: string;
	nameFi: string;
	nameSv: string;
	/** The area's own name, e.g. "Turun työllisyysalue", where a source showed it. */
	nameLongFi: string | null;
	organisationModel: string;
	hostMunicipalityCode: string | null;
	memberCodes: string[];
	inTeReform: boolean;
}

export const POPULATION_CLASSES = ['<5k', '5–20k', '20–50k', '50–100k', '≥100k'] as const;
export type PopulationClass = (typeof POPULATION_CLASSES)[number];

export function populationClass(population: number): PopulationClass {
	if (population < 5_000) return '<5k';
	if (population < 20_000) return '5–20k';
	if (population < 50_000) return '20–50k';
	if (population < 100_000) return '50–100k';
	return '≥100k';
}

/** A place's name in the UI language: the English name where one is known, the Swedish where the reference has it, else the Finnish. */
export function placeName(locale: 'fi' | 'sv' | 'en', english: string | undefined, sv: string, fi: string): string {
	if (locale === 'en') return english ?? fi;
	if (locale === 'sv') return sv || fi;
	return fi;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF; the export module's reader) → records keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
	const [header, ...body] = parseCsvRecords(text).filter((r) => r.length > 1 || r[0] !== '');
	if (!header) return [];
	return body.map((r, n) => {
		if (r.length !== header.length) {
			throw new Error(`CSV row ${n + 2} has ${r.length} cells, the header has ${header.length}`);
		}
		return Object.fromEntries(header.map((h, i) => [h, r[i]]));
	});
}

const LANGUAGE_STATUSES = new Set(['fi', 'sv', 'fi-sv', 'sv-fi']);

export function parseMunicipalities(csvText: string): Municipality[] {
	return parseCsv(csvText).map((r) => {
		if (!/^\d{3}$/.test(r.code)) throw new Error(`municipalities.csv: bad code "${r.code}"`);
		if (!LANGUAGE_STATUSES.has(r.language_status)) {
			throw new Error(`municipalities.csv: ${r.code} has unknown language_status "${r.language_status}"`);
		}
		const population = Number(r.population);
		if (!Number.isInteger(population)) throw new Error(`municipalities.csv: ${r.code} has bad population "${r.population}"`);
		return {
			code: r.code,
			nameFi: r.name_fi,
			nameSv: r.name_sv,
			regionCode: r.region_code,
			regionFi: r.region_fi,
			regionSv: r.region_sv,
			wellbeingCountyCode: r.wellbeing_county_code,
			wellbeingCountyFi: r.wellbeing_county_fi,
			wellbeingCountySv: r.wellbeing_county_sv,
			employmentAreaCode: r.employment_area_code,
			employmentArea: r.employment_area,
			employmentAreaSv: r.employment_area_sv,
			languageStatus: r.language_status as Municipality['languageStatus'],
			population,
			populationClass: populationClass(population),
			aland: r.aland === 'true'
		};
	});
}

export function parseEmploymentAreas(csvText: string): EmploymentArea[] {
	return parseCsv(csvText).map((r) => ({
		code: r.area_code,
		nameFi: r.name_fi,
		nameSv: r.name_sv,
		nameLongFi: r.name_long_fi || null,
		organisationModel: r.organisation_model,
		hostMunicipalityCode: r.host_municipality_code || null,
		memberCodes: r.member_codes ? r.member_codes.split(';') : [],
		inTeReform: r.in_te_reform === 'true'
	}));
}
