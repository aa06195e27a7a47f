/**
 * The shared view state: the user's choices, read from the URL, written back with `goto`.
 *
 * The URL is the single source of truth: `view.filters`, `view.lang`… are derived from
 * `page.url`, and every change is a navigation (a history entry), so back/forward and a
 * copied link restore the view with no extra bookkeeping. Rules: ./README.md.
 *
 * Until the root layout calls `view.hydrate()` (on mount) the state is the default view:
 * the prerendered HTML is the default view, and the first client render must match it.
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { translator, type Translator } from '$lib/i18n';
import {
	applyPatch,
	DEFAULT_VIEW,
	hasFilters,
	PARAM,
	parseView,
	searchString,
	serializeView,
	type Filters,
	type Locale,
	type MapMeasure,
	type ViewParams,
	type ViewPatch
} from './filters';

const NO_PARAMS = new URLSearchParams();

/** Parameters that follow the user from page to page; the others (measure, sort, page-owned ones) stay on their page. */
const CARRIED = new Set<string>([
	PARAM.region,
	PARAM.wellbeing,
	PARAM.area,
	PARAM.languageStatus,
	PARAM.populationClass,
	PARAM.inputKind,
	PARAM.synthetic,
	PARAM.lang
]);

export class ViewState {
	#hydrated = $state(false);
	/**
	 * The parameters of a navigation `set`/`setParam` started and the router has not finished: the
	 * view follows a choice at once (a page's queries start at the click), not after the router's
	 * work; the URL then says the same, and nothing recomputes (`current` keeps its object).
	 */
	#pending = $state.raw<URLSearchParams | null>(null);

	#lastParams = NO_PARAMS;
	/** The same object while the parameters say the same: when the URL lands on what a choice already showed, nothing recomputes. */
	readonly #params: URLSearchParams = $derived.by(() => {
		const next = !browser || !this.#hydrated ? NO_PARAMS : (this.#pending ?? page.url.searchParams);
		if (next.toString() === this.#lastParams.toString()) return this.#lastParams;
		return (this.#lastParams = next);
	});

	/** The URL's search parameters (empty during prerender and before hydration). */
	get params(): URLSearchParams {
		return this.#params;
	}

	#last: { key: string; view: ViewParams } = { key: '', view: DEFAULT_VIEW };

	/** The parsed view; the same object as long as the choices are the same (so nothing recomputes needlessly). */
	readonly current: ViewParams = $derived.by(() => {
		const next = this.#hydrated ? parseView(this.params) : DEFAULT_VIEW;
		const key = serializeView(next).toString();
		if (key === this.#last.key) return this.#last.view;
		this.#last = { key, view: next };
		return next;
	});

	// Each choice on its own: what reads only the language (every translated text, <html lang>) or the
	// measure does not run again when a filter changes.
	readonly #lang: Locale = $derived(this.current.lang);
	readonly #measure: MapMeasure = $derived(this.current.measure);
	readonly #sort: string = $derived(this.current.sort);
	readonly #filtered: boolean = $derived(hasFilters(this.current.filters));

	get filters(): Filters {
		return this.current.filters;
	}
	get lang(): Locale {
		return this.#lang;
	}
	get measure(): MapMeasure {
		return this.#measure;
	}
	get sort(): string {
		return this.#sort;
	}
	get filtered(): boolean {
		return this.#filtered;
	}
	/** Translation and formatting for the current language (one translator per language). */
	get i18n(): Translator {
		return translator(this.#lang);
	}
	get hydrated(): boolean {
		return this.#hydrated;
	}

	/** Called once by the root layout on mount: from then on the state follows the URL. */
	hydrate() {
		this.#hydrated = true;
	}

	/** The current path with `patch` applied to the view (parameters of other pages kept). */
	href(patch: ViewPatch): string {
		const next = serializeView(applyPatch(this.current, patch), this.params);
		return `${this.#pathname()}${searchString(next)}`;
	}

	/** A link to another page that keeps the filters and the language (not page-specific choices). */
	linkTo(pathname: string): string {
		const carried = new URLSearchParams();
		for (const [k, v] of serializeView(this.current)) if (CARRIED.has(k)) carried.append(k, v);
		return `${pathname}${searchString(carried)}`;
	}

	/** Applies a patch as a navigation: a new history entry, focus and scroll kept. */
	async set(patch: ViewPatch): Promise<void> {
		await this.#go(this.href(patch));
	}

	/** A parameter this module does not own (a page's own choice, e.g. `q`). */
	param(name: string): string | null {
		return this.params.get(name);
	}

	/** Sets or removes (null) a page-owned parameter, keeping everything else. */
	async setParam(name: string, value: string | null): Promise<void> {
		const next = new URLSearchParams(this.params);
		if (value === null || value === '') next.delete(name);
		else next.set(name, value);
		const canonical = serializeView(parseView(next), next);
		await this.#go(`${this.#pathname()}${searchString(canonical)}`);
	}

	#pathname(): string {
		return browser ? page.url.pathname : '/';
	}

	async #go(href: string) {
		if (!browser) return;
		const pending = new URL(href, page.url).searchParams;
		this.#pending = pending;
		try {
			await goto(href, { replaceState: false, keepFocus: true, noScroll: true });
		} finally {
			// A later choice's navigation owns the view now; or back/forward superseded this one: the URL rules again.
			if (this.#pending === pending) this.#pending = null;
		}
	}
}

/** The one shared instance. */
export const view = new ViewState();

export type { ViewParams, Filters, Locale, MapMeasure };
export { DEFAULT_VIEW };
