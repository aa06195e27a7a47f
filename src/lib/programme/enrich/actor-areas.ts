/**
 * Named areas before an area word: employment areas ("Turun työllisyysalue") and wellbeing services
 * counties ("Varsinais-Suomen hyvinvointialue", brand names like "Varha"), from the reference data.
 */
import type { EmploymentArea, Municipality } from '../../reference/index';
import { genitiveEndingAt, prevToken } from './actor-tokens';
import type { MunicipalityMention } from './gazetteer';
import type { AnalysedText } from './text';

export interface ActorContext {
	ownCodes: readonly string[];
	municipalitiesByCode: ReadonlyMap<string, Municipality>;
	employmentAreas: readonly EmploymentArea[];
}


/** Genitive prefixes of named areas: "Turun" (työllisyysalue), "Varsinais-Suomen" (hyvinvointialue). */
export interface AreaNames {
	employment: Map<string, string>;
	wellbeing: Map<string, string>;
	/** Wellbeing services counties by brand name ("Varha"), with the regex that finds it inflected. */
	wellbeingBrands: Map<string, { code: string; re: RegExp }>;
}

export function buildAreaNames(municipalities: readonly Municipality[], areas: readonly EmploymentArea[]): AreaNames {
	const employment = new Map<string, string>();
	for (const a of areas) {
		if (a.nameLongFi) {
			const m = /^(.*?)\s+työllisyysalue$/i.exec(a.nameLongFi);
			if (m) employment.set(m[1].toLowerCase(), a.code);
		}
	}
	const wellbeing = new Map<string, string>();
	for (const m of municipalities) {
		const g = /^(.*?)\s+hyvinvointialue$/i.exec(m.wellbeingCountyFi);
		if (g) wellbeing.set(g[1].toLowerCase(), m.wellbeingCountyCode);
		const s = /^(.*?)\s+välfärdsområde$/i.exec(m.wellbeingCountySv);
		if (s) wellbeing.set(s[1].toLowerCase(), m.wellbeingCountyCode);
	}
	// Brand names the counties use for themselves, resolved through their official names.
	const brands: [string, string][] = [
		['Varha', 'varsinais-suomen'],
		['Pirha', 'pirkanmaan'],
		['Eksote', 'etelä-karjalan'],
		['Siun sote', 'pohjois-karjalan'],
		['Soite', 'keski-pohjanmaan'],
		['Keusote', 'keski-uudenmaan'],
		['Vakehyva', 'vantaan ja keravan'],
		['Pohde', 'pohjois-pohjanmaan'],
		['Lapha', 'lapin'],
		['Hyvaks', 'keski-suomen'],
		['Oma Häme', 'kanta-hämeen'],
		['Kymenhva', 'kymenlaakson']
	];
	const wellbeingBrands = new Map<string, { code: string; re: RegExp }>();
	for (const [brand, prefix] of brands) {
		const code = wellbeing.get(prefix);
		const re = new RegExp(`(?<![\\p{L}])${brand}(?::\\p{L}+|n|lla|lle|lta|ssa|sta|an)?(?![\\p{L}])`, 'gu');
		if (code) wellbeingBrands.set(brand, { code, re });
	}
	return { employment, wellbeing, wellbeingBrands };
}


/**
 * The name before an area word: a known long name ("Etelä-Hämeen", "Vantaan ja Keravan"), or a
 * municipality's genitive ("Turun") whose area it is.
 */
export function namedPrefix(
	a: AnalysedText,
	start: number,
	known: Map<string, string>,
	municipalities: readonly MunicipalityMention[],
	ctx: ActorContext,
	what: 'employment' | 'wellbeing'
): { start: number; end: number; code: string } | null {
	const before = a.text.slice(Math.max(0, start - 60), start).toLowerCase();
	const m = /[ \t]+$/.exec(before);
	if (m) {
		const head = before.slice(0, m.index);
		for (const [prefix, code] of known) {
			if (head.endsWith(prefix) && !/\p{L}/u.test(head.charAt(head.length - prefix.length - 1))) {
				const s = start - (before.length - (head.length - prefix.length));
				return { start: s, end: s + prefix.length, code };
			}
		}
	}
	const p = prevToken(a, start);
	const mm = p && genitiveEndingAt(municipalities, p.index);
	if (mm) {
		const muni = ctx.municipalitiesByCode.get(mm.code);
		const code = what === 'employment' ? muni?.employmentAreaCode : muni?.wellbeingCountyCode;
		if (code) return { start: mm.start, end: mm.end, code };
	}
	return null;
}

