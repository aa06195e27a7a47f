/**
 * The date a programme says it was drawn up or updated ("Ohjelma laadittu tai päivitetty"), read
 * and judged. Isomorphic, pure.
 *
 * Reading: a day ("18.11.2024", "18. 11. 2024", "18.11.24", "2024-11-18", "18. marraskuuta 2024",
 * "18 november 2024") or, failing that, only a month ("marraskuu 2025", "november 2025",
 * "11/2025", "2025-11"). Several different days, or no date at all in a written text, is
 * `unparseable`: nothing is guessed.
 *
 * Judging (plausibility): the Act (KotoL 681/2023) and its form (TEM 3.9.2024) did not exist
 * before 2024, so an earlier date is a typing error or an older law's document (`before-2024`);
 * a date after the ingest's reference date ("today", see ingest `--today`) has not happened yet
 * (`future`). Both are kept as written but are not plausible: such a document is never ordered
 * among its municipality's versions, so it supersedes nothing (src/lib/programme/enrich/versions.ts).
 */

/** `programmes.updated_status`: how the date was read and whether it is plausible. */
export const DATE_STATUSES = ['ok', 'month', 'missing', 'unparseable', 'future', 'before-2024'] as const;
export type DateStatus = (typeof DATE_STATUSES)[number];

/** Statuses whose date orders versions and counts for "updated since". */
export const PLAUSIBLE_DATE_STATUSES: readonly DateStatus[] = ['ok', 'month'];

/** The earliest plausible date: the year the Act and the form were published. */
export const EARLIEST_PLAUSIBLE = '2024-01-01';

export interface ReadDate {
	/** ISO day; for `month` the first day of the month; null when none was read. */
	iso: string | null;
	status: DateStatus;
	/** Why the date is not used, in words naming the text (null for `ok`, `month`, `missing`). */
	problem: { code: 'unparseable-date' | 'date-in-future' | 'date-before-2024'; message: string } | null;
}

const MONTHS: Record<string, number> = {};
const FI = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];
const SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
FI.forEach((m, i) => (MONTHS[m] = i + 1));
SV.forEach((m, i) => (MONTHS[m] = i + 1));
// Finnish month words: "marraskuu", "marraskuuta" (partitive after a day), "marraskuussa", "marraskuun".
const FI_MONTH = `(${FI.join('|')})kuu(?:ta|ssa|n|lla)?`;
const SV_MONTH = `(${SV.join('|')})`;

function isoDate(year: number, month: number, day: number): string | null {
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const year4 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Every day date written in the text: valid ones as ISO, impossible ones ("31.2.2024") as written. */
function days(text: string): { valid: string[]; invalid: string[] } {
	const valid: string[] = [];
	const invalid: string[] = [];
	const add = (written: string, y: number, m: number, d: number) => {
		const iso = isoDate(y, m, d);
		if (iso) valid.push(iso);
		else invalid.push(written);
	};
	for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])/g)) add(m[0], year4(m[3]), +m[2], +m[1]);
	for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g)) add(m[0], +m[1], +m[2], +m[3]);
	for (const m of text.matchAll(new RegExp(`(?<![\\d.])(\\d{1,2})\\.?\\s+(?:${FI_MONTH}|${SV_MONTH})\\s+(\\d{4})(?!\\d)`, 'giu'))) {
		add(m[0], +m[4], MONTHS[(m[2] ?? m[3]).toLowerCase()], +m[1]);
	}
	return { valid: [...new Set(valid)], invalid };
}

/** Month-only dates ("marraskuu 2025", "11/2025", "2025-11") as `YYYY-MM`. */
function months(text: string): string[] {
	const out: string[] = [];
	const add = (y: number, m: number) => {
		if (m >= 1 && m <= 12) out.push(`${y}-${String(m).padStart(2, '0')}`);
	};
	for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d])(?:${FI_MONTH}|${SV_MONTH})\\s+(\\d{4})(?!\\d)`, 'giu'))) add(+m[3], MONTHS[(m[1] ?? m[2]).toLowerCase()]);
	for (const m of text.matchAll(/(?<![\d./-])(\d{1,2})[/.](\d{4})(?![\d./-])/g)) add(+m[2], +m[1]);
	for (const m of text.matchAll(/(?<![\d./-])(\d{4})-(\d{1,2})(?![\d./-])/g)) add(+m[1], +m[2]);
	return [...new Set(out)];
}

/**
 * Reads and judges the date written in "laadittu tai päivitetty".
 * @param referenceDate the ingest's "today" (ISO); without it no date counts as in the future
 */
export function readUpdated(text: string | null | undefined, referenceDate?: string | null): ReadDate {
	const written = (text ?? '').trim();
	if (written === '') return { iso: null, status: 'missing', problem: null };
	const quoted = JSON.stringify(written.length > 80 ? `${written.slice(0, 79)}…` : written);
	const unparseable = (why: string): ReadDate => ({
		iso: null,
		status: 'unparseable',
		problem: {
			code: 'unparseable-date',
			message: `"Laadittu tai päivitetty" says ${quoted}: ${why}. The programme has no date, so it is not placed among its municipality's versions and supersedes no other.`
		}
	});
	const d = days(written);
	let iso: string;
	let status: DateStatus;
	if (d.valid.length > 1) return unparseable(`it names several different dates (${d.valid.join(', ')}), and which one is the update is not said`);
	if (d.valid.length === 1) {
		iso = d.valid[0];
		status = 'ok';
	} else if (d.invalid.length > 0) {
		return unparseable(`${d.invalid[0]} is not a date in the calendar`);
	} else {
		const m = months(written);
		if (m.length !== 1) return unparseable(m.length > 1 ? `it names several months (${m.join(', ')})` : 'no date (day.month.year, year-month-day, or a month and a year) could be read');
		iso = `${m[0]}-01`;
		status = 'month';
	}
	const shown = status === 'month' ? iso.slice(0, 7) : iso;
	if (iso < EARLIEST_PLAUSIBLE) {
		return {
			iso,
			status: 'before-2024',
			problem: {
				code: 'date-before-2024',
				message: `"Laadittu tai päivitetty" says ${quoted} (${shown}), before 2024, when neither the Act (KotoL 681/2023) nor its form existed: a typing error or an older law's document. The date is kept as written but not used: the programme is not placed among its municipality's versions and supersedes no other.`
			}
		};
	}
	if (referenceDate && iso > referenceDate) {
		return {
			iso,
			status: 'future',
			problem: {
				code: 'date-in-future',
				message: `"Laadittu tai päivitetty" says ${quoted} (${shown}), after the ingest's reference date ${referenceDate} (--today): a date that has not come yet. It is kept as written but not used: the programme is not placed among its municipality's versions and supersedes no other.`
			}
		};
	}
	return { iso, status, problem: null };
}

/**
 * The date as versions compare it: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known;
 * null when the date is missing or not plausible.
 */
export function versionDate(iso: string | null, status: string): string | null {
	if (iso === null) return null;
	if (status === 'ok') return iso;
	if (status === 'month') return iso.slice(0, 7);
	return null;
}

/** Today's date in Finland (Europe/Helsinki), ISO: the default reference date of an ingest. */
export function todayInFinland(now: Date = new Date()): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
	const get = (t: string) => parts.find((p) => p.type === t)!.value;
	return `${get('year')}-${get('month')}-${get('day')}`;
}
