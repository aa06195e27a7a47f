/**
 * Translation and locale-aware formatting. `translator(locale)` is pure and cached, so it works
 * in the prerender, in tests and in the browser alike; components usually reach it through
 * `view.i18n` (src/lib/state/view.svelte.ts), which follows the `lang` URL parameter.
 */
import type { Locale } from '$lib/state/filters';
import { CATALOGUE, type MessageKey } from './messages';

export type { MessageKey } from './messages';
export type Params = Record<string, string | number>;

/** BCP 47 tags for Intl: Finnish and Swedish as used in Finland. */
export const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const PLACEHOLDER = /\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g;

export interface Translator {
	locale: Locale;
	/** The message for `key` with `{placeholders}` filled. */
	t(key: MessageKey, params?: Params): string;
	/** The message for a key built from data (e.g. `grade.` + value); falls back to the value itself. */
	label(prefix: string, value: string | null | undefined): string;
	has(key: string): key is MessageKey;
	number(n: number | null | undefined, digits?: number): string;
	/** 0–1 → "53 %" (fi/sv) or "53%" (en). */
	percent(x: number | null | undefined, digits?: number): string;
	/** ISO date (YYYY-MM-DD) → locale date. */
	date(iso: string | null | undefined): string;
	bytes(n: number): string;
	/** A language's name in the UI language, from its ISO 639 code; `fallback` when Intl does not know it. */
	languageName(code: string, fallback?: string | null): string;
	/** Short label of a form part (`s3.a2` → "3A Orientaation kielet"). */
	part(key: string): string;
}

const cache = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
	const hit = cache.get(locale);
	if (hit) return hit;
	const messages = CATALOGUE[locale];
	const tag = INTL_LOCALE[locale];
	const plural = new Intl.PluralRules(tag);
	const numberFormats = new Map<number, Intl.NumberFormat>();
	const nf = (digits: number) => {
		let f = numberFormats.get(digits);
		if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
		return f;
	};
	const pf = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
	const df = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
	let names: Intl.DisplayNames | null = null;
	try {
		names = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' });
	} catch {
		names = null;
	}

	/** Intl's name of each language code asked for ('' where it has none). */
	const displayed = new Map<string, string>();

	const format = (template: string, params: Params = {}) =>
		template.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
			const value = params[name];
			if (value === undefined) return whole;
			if (one === undefined) return typeof value === 'number' ? nf(2).format(value) : value;
			const n = Number(value);
			const form = plural.select(n) === 'one' ? one : other!;
			return form.replace(/#/g, nf(2).format(n));
		});

	const has = (key: string): key is MessageKey => Object.hasOwn(messages, key);

	const t: Translator = {
		locale,
		t: (key, params) => format(messages[key] ?? key, params),
		label: (prefix, value) => {
			if (value === null || value === undefined || value === '') return '';
			const key = `${prefix}.${value}`;
			return has(key) ? format(messages[key]) : value;
		},
		has,
		number: (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '–' : nf(digits).format(n)),
		percent: (x, digits = 0) =>
			x === null || x === undefined || Number.isNaN(x)
				? '–'
				: digits
					? new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: digits }).format(x)
					: pf.format(x),
		date: (iso) => {
			if (!iso) return '–';
			const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
			return Number.isNaN(d.getTime()) ? iso : df.format(d);
		},
		bytes: (n) => {
			if (n < 1024) return `${nf(0).format(n)} B`;
			if (n < 1024 * 1024) return `${nf(1).format(n / 1024)} kB`;
			return `${nf(1).format(n / 1024 / 1024)} MB`;
		},
		languageName: (code, fallback) => {
			// Intl.DisplayNames.of costs ~0.1 ms a call: kept per code (the languages page asks for the same few dozen on every filter change).
			let name = displayed.get(code);
			if (name === undefined) {
				try {
					name = names?.of(code) ?? '';
				} catch {
					name = '';
				}
				displayed.set(code, name);
			}
			return name && name !== code ? name : fallback || code;
		},
		part: (key) => {
			const k = `part.${key}`;
			return has(k) ? messages[k] : key;
		}
	};
	cache.set(locale, t);
	return t;
}
