/**
 * The numbers of a stacked bar chart as a table whose counts are links to their evidence
 * (responsibilities: provider kinds per service; cooperation: arrangement types per region).
 */
import type { Column } from '$lib/components/DataTable.svelte';

/** A table row: the header cell and the counts under their column keys, with the row it shows. */
export type CountRow<R> = { of: R } & Record<string, unknown>;

export interface CountTableSpec<R> {
	rows: readonly R[];
	/** The stacked series (the table's count columns), as codes. */
	series: readonly string[];
	/** Key and label of the row-header column, and a row's header. */
	head: { key: string; label: string; text: (row: R) => string };
	/** Each count column's key is this prefix and the series code. */
	prefix: string;
	seriesLabel: (series: string) => string;
	count: (row: R, series: string) => number;
	/** Where a count above 0 leads. */
	href: (row: R, series: string) => string;
}

export function countTable<R>(spec: CountTableSpec<R>): { rows: CountRow<R>[]; columns: Column<CountRow<R>>[] } {
	const { head, prefix } = spec;
	return {
		rows: spec.rows.map((of) => ({ of, [head.key]: head.text(of), ...Object.fromEntries(spec.series.map((s) => [prefix + s, spec.count(of, s)])) })),
		columns: [
			{ key: head.key, label: head.label, rowHeader: true },
			...spec.series.map((s) => ({
				key: prefix + s,
				label: spec.seriesLabel(s),
				numeric: true,
				href: (r: CountRow<R>) => ((r[prefix + s] as number) > 0 ? spec.href(r.of, s) : null)
			}))
		]
	};
}
