/**
 * What the filtered pages (overview, gaps, changes, responsibilities, cooperation, languages)
 * share about their data: live queries over the filters (and a selection or grouping) that start
 * from the prerendered value, whether one is busy, and whether the dataset has a chart's table.
 */
import { page } from '$app/state';
import { database, LiveQuery } from '$lib/db/client.svelte';
import type { DatasetFile } from '$lib/db/dataset';
import type { Query, QueryRunner } from '$lib/db/types';
import { filterStatesAhead } from '$lib/db/filters';
import { EMPTY_FILTERS, filtersKey, type Filters } from '$lib/state/filters';
import { view } from '$lib/state/view.svelte';

/** At most this many evidence rows a page's drill-down lists (the panel says when there are more). */
export const EVIDENCE_LIMIT = 300;

/** What a filtered query reads besides the filters. */
export interface FilteredQueryOptions<T, I> {
	/** Inputs besides the filters (a selection, a grouping, a language); part of the cache key. */
	inputs?: () => I;
	/** The prerendered value and the inputs it was computed for (with no filters): shown without the engine. */
	prerendered?: { value: T; inputs: I };
	/** Run only while this holds (besides the page being hydrated), e.g. while something is selected. */
	when?: () => boolean;
	/**
	 * The statements `load` runs for a filter state and inputs. Given, those of the states one filter
	 * choice away from the one shown first are prepared ahead once the engine is open
	 * (`database.prepareAhead`): a first filter change then finds its statements planned.
	 */
	statements?: (filters: Filters, inputs: I) => readonly (Query | null)[];
}

/**
 * Figures that follow the filters (and any other inputs): the prerendered value first where there
 * is one, the same SQL in the browser once the page is hydrated; results cached per filters and
 * inputs. Call during component initialisation. A query with a prerendered value (a page's main
 * figures) also starts the engine's download as the page mounts, so a first filter change finds it.
 */
export function filteredQuery<T, I = null>(
	name: string,
	load: (db: QueryRunner, filters: Filters, inputs: I, progress: (part: Partial<T>) => void) => Promise<T>,
	{ inputs = () => null as I, prerendered, when = () => true, statements }: FilteredQueryOptions<T, I> = {}
): LiveQuery<T, { filters: Filters; inputs: I }> {
	// At initialisation, not on mount: the engine then starts as soon as the page has loaded, not after the whole page has hydrated.
	if (prerendered) database.preload();
	if (statements) {
		// Once per page, for the state shown when the engine is up (a later state's statements are prepared when it first runs).
		let done = false;
		$effect(() => {
			if (done || !view.hydrated || !when() || database.status !== 'ready') return;
			done = true;
			const filters = view.filters;
			const current = inputs();
			const of = (f: Filters) => statements(f, current).filter((q): q is Query => q !== null);
			const ahead = filterStatesAhead(filters);
			// The first state ahead (the region filter set, or cleared when the page came with one) is also
			// run once: its operators are then compiled before the reader's first choice (./browser.ts prepareAhead).
			database.prepareAhead(
				() => ahead.flatMap(of),
				() => of(ahead[0])
			);
		});
	}
	return new LiveQuery<T, { filters: Filters; inputs: I }>({
		name,
		deps: () => ({ filters: view.filters, inputs: inputs() }),
		key: (d) => `${filtersKey(d.filters)}|${JSON.stringify(d.inputs)}`,
		initial: prerendered ? { value: prerendered.value, deps: { filters: EMPTY_FILTERS, inputs: prerendered.inputs } } : null,
		enabled: () => view.hydrated && when(),
		load: (db, d, progress) => load(db, d.filters, d.inputs, progress)
	});
}

/** The query is running, or the value on view belongs to other inputs than the current ones. */
export const isBusy = (query: Pick<LiveQuery<unknown>, 'status' | 'stale'>): boolean => query.status === 'loading' || query.stale;

/** One part of the query's value is being recomputed: the query is busy and that part has not arrived yet. */
export const isPartBusy = (query: Pick<LiveQuery<unknown>, 'status' | 'stale' | 'arrived'>, part: string): boolean =>
	isBusy(query) && !query.arrived.has(part);

/** The dataset has rows in this table (the manifest's files, from the layout's data). */
export function tableProduced(table: string): boolean {
	const files = (page.data as { dataset: { files: DatasetFile[] } }).dataset.files;
	return files.some((f) => f.table === table && f.available && f.rows > 0);
}
