/**
 * Side-by-side comparison as data: which municipalities are compared (from `?m=`), and the
 * compared programmes' parts and facts lined up row by row with the differences marked.
 * Pure functions, shared by the page and the tests.
 */
import type { CompareFact, ComparePart, CompareProgramme } from '$lib/db/queries';
import { ALL_FIELDS } from '$lib/programme/form-tem-2024';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** `?m=019,091` (also repeated `m`): valid 3-digit codes, first occurrence kept, at most four. */
export function parseCodes(values: readonly string[]): string[] {
	const out: string[] = [];
	for (const v of values)
		for (const token of v.split(',')) {
			const code = token.trim();
			if (/^\d{3}$/.test(code) && !out.includes(code)) out.push(code);
		}
	return out.slice(0, MAX_COMPARED);
}

export function formatCodes(codes: readonly string[]): string | null {
	return codes.length ? codes.join(',') : null;
}

/** Folds case and diacritics for name matching ("pedersore" finds Pedersöre). */
export function fold(s: string): string {
	return s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

export interface NamedMunicipality {
	code: string;
	nameFi: string;
	nameSv: string;
}

/** A municipality by code or by Finnish or Swedish name (exact after folding, else a unique prefix). */
export function resolveMunicipality(input: string, all: readonly NamedMunicipality[]): NamedMunicipality | null {
	const q = fold(input);
	if (!q) return null;
	const code = /^\d{1,3}$/.test(q) ? q.padStart(3, '0') : null;
	if (code) return all.find((m) => m.code === code) ?? null;
	const exact = all.find((m) => fold(m.nameFi) === q || fold(m.nameSv) === q);
	if (exact) return exact;
	const prefix = all.filter((m) => fold(m.nameFi).startsWith(q) || fold(m.nameSv).startsWith(q));
	return prefix.length === 1 ? prefix[0] : null;
}

const FORM_ORDER = new Map(ALL_FIELDS.map((f, i) => [f.key, i]));

export interface AlignedPart {
	key: string;
	section: string;
	/** Per compared code: the part, or null (no programme, or the programme lacks the part). */
	cells: (ComparePart | null)[];
	/** Grades (or answered/empty when ungraded) differ among the municipalities that have a programme. */
	differs: boolean;
}

/** The grade a cell is compared by: completeness grade, else the answer status, else `missing`. */
export function cellGrade(p: ComparePart | null): string {
	if (!p) return 'missing';
	return p.grade ?? (p.text === null ? 'missing' : p.text.trim() ? 'answered' : 'empty');
}

/** Every part of any compared programme, in form order, aligned by code. */
export function alignParts(parts: readonly ComparePart[], programmes: readonly CompareProgramme[]): AlignedPart[] {
	const codes = programmes.map((p) => p.code);
	const withProgramme = programmes.map((p) => p.programme_id !== null);
	const keys = [...new Set(parts.map((p) => p.key))].sort(
		(a, b) => (FORM_ORDER.get(a) ?? 1e6) - (FORM_ORDER.get(b) ?? 1e6) || a.localeCompare(b)
	);
	return keys.map((key) => {
		const cells = codes.map((code) => parts.find((p) => p.code === code && p.key === key) ?? null);
		const grades = new Set(cells.filter((_c, i) => withProgramme[i]).map(cellGrade));
		const section = cells.find((c) => c)?.section ?? key.split('.')[0].replace(/^s/, '');
		return { key, section, cells, differs: grades.size > 1 };
	});
}

export interface AlignedFact {
	fact_type: string;
	fact: string;
	/** Per compared code: the evidence rows of the fact (empty when absent). */
	cells: CompareFact[][];
	/** Present in some but not all of the municipalities that have a programme. */
	partial: boolean;
}

/** Facts lined up by (type, fact): one row per distinct fact, cells per code. */
export function alignFacts(facts: readonly CompareFact[], programmes: readonly CompareProgramme[]): AlignedFact[] {
	const codes = programmes.map((p) => p.code);
	const withProgramme = programmes.map((p) => p.programme_id !== null);
	const order = ['language', 'provider', 'arrangement'];
	const keys = [...new Set(facts.map((f) => `${f.fact_type}\u0000${f.fact}`))].sort((a, b) => {
		const [ta, fa] = a.split('\u0000');
		const [tb, fb] = b.split('\u0000');
		return order.indexOf(ta) - order.indexOf(tb) || fa.localeCompare(fb);
	});
	return keys.map((k) => {
		const [fact_type, fact] = k.split('\u0000');
		const cells = codes.map((code) => facts.filter((f) => f.code === code && f.fact_type === fact_type && f.fact === fact));
		const present = cells.filter((c, i) => withProgramme[i] && c.length > 0).length;
		return { fact_type, fact, cells, partial: present < withProgramme.filter(Boolean).length };
	});
}
