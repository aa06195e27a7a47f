/**
 * What the prerender tells the browser about the published dataset, and the filter options.
 * Plain data types and pure functions: shared by server loads, pages and tests.
 */
import type { Municipality } from '$lib/reference';
import { wellbeingCountyName } from '$lib/reference/wellbeing-en';
import { regionName } from '$lib/reference/region-en';
import type { Locale } from '$lib/i18n/locales';

/** The facts about one published file the pages show (size, rows, a cache-busting version). */
export interface DatasetFile {
	table: string;
	/** False when the file has not been produced yet (the table is then empty in every query). */
	available: boolean;
	bytes: number;
	rows: number;
	/** Changes when the file changes; appended to its URL so browsers never keep a stale copy. */
	version: string;
	/** Version of the Arrow IPC copy (`<table>.arrow`, ingest/derived.ts) the browser loads instead; absent: none. */
	arrow?: string;
	/** A summary table (src/lib/db/summaries.ts), not a published dataset table: only its Arrow copy is listed. */
	derived?: boolean;
}

/** The dataset as a whole, computed at build time. */
export interface DatasetInfo {
	files: DatasetFile[];
	/** Current programmes and how many of them are synthetic (no filters). */
	programmes: number;
	syntheticProgrammes: number;
	/** When the data was produced, from manifest.json if the ingest wrote one. */
	generated: string | null;
	/** The data version: `v-` and the first 16 hex digits of manifest.json's sha256 (the ingest's version folder name); null without a manifest. */
	version?: string | null;
}

export interface Option {
	value: string;
	/** Name per UI language (Swedish from the reference data; English: the official English name of regions and wellbeing services counties, else the Finnish one). */
	label: Record<Locale, string>;
}

export interface FilterOptions {
	region: Option[];
	wellbeing: Option[];
	area: Option[];
}

/** The filterable areas, from the reference municipalities (mainland only: Åland is outside every filter scope). */
export function filterOptions(municipalities: readonly Municipality[]): FilterOptions {
	const collect = (
		code: (m: Municipality) => string,
		fi: (m: Municipality) => string,
		sv: (m: Municipality) => string,
		en: (m: Municipality) => string = fi
	) => {
		const out = new Map<string, Option>();
		for (const m of municipalities) {
			if (m.aland || out.has(code(m))) continue;
			out.set(code(m), { value: code(m), label: { fi: fi(m), sv: sv(m) || fi(m), en: en(m) } });
		}
		return [...out.values()].sort((a, b) => a.label.fi.localeCompare(b.label.fi, 'fi'));
	};
	return {
		region: collect((m) => m.regionCode, (m) => m.regionFi, (m) => m.regionSv, (m) => regionName('en', m)),
		wellbeing: collect((m) => m.wellbeingCountyCode, (m) => m.wellbeingCountyFi, (m) => m.wellbeingCountySv, (m) => wellbeingCountyName('en', m)),
		area: collect((m) => m.employmentAreaCode, (m) => m.employmentArea, (m) => m.employmentAreaSv)
	};
}
