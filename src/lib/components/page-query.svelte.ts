/**
 * What the filtered pages (overview, gaps, changes, responsibilities, cooperation, languages)
 * share about their data: one live query that starts from the prerendered value, whether it is
 * busy, and whether the dataset has the table a chart needs.
 */
import { onMount } from 'svelte';
import { page } from '$app/state';
import { database, LiveQuery } from '$lib/db/client.svelte';
import type { DatasetFile } from '$lib/db/dataset';
import type { QueryRunner } from '$lib/db/types';
import { EMPTY_FILTERS, filtersKey, type Filters } from '$lib/state/filters';
import { view } from '$lib/state/view.svelte';

/**
 * A page's figures, following the filters: the prerendered value (valid with no filters) first,
 * the same SQL in the browser once the page is hydrated. Call during component initialisation:
 * it also starts the engine's download as the page mounts.
 */
export function filteredQuery<T>(name: string, prerendered: T, load: (db: QueryRunner, filters: Filters) => Promise<T>): LiveQuery<T, Filters> {
	onMount(() => database.preload());
	return new LiveQuery<T, Filters>({
		name,
		deps: () => view.filters,
		key: filtersKey,
		initial: { value: prerendered, deps: EMPTY_FILTERS },
		enabled: () => view.hydrated,
		load
	});
}

/** The query is running, or the value on view belongs to other inputs than the current ones. */
export const isBusy = (query: Pick<LiveQuery<unknown>, 'status' | 'stale'>): boolean => query.status === 'loading' || query.stale;

/** The dataset has rows in this table (the manifest's files, from the layout's data). */
export function tableProduced(table: string): boolean {
	const files = (page.data as { dataset: { files: DatasetFile[] } }).dataset.files;
	return files.some((f) => f.table === table && f.available && f.rows > 0);
}
