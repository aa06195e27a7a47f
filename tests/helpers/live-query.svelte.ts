/**
 * A LiveQuery outside a component, for plain Vitest: its effect runs in an effect root, its
 * inputs are a rune the test sets, and its database is the test's runner.
 */
import { flushSync } from 'svelte';
import { LiveQuery, type LiveQueryOptions } from '../../src/lib/db/client.svelte';
import type { QueryRunner } from '../../src/lib/db/types';

export function liveQueryHarness<T>(opts: Omit<LiveQueryOptions<T, number>, 'deps' | 'database'>, runner: QueryRunner) {
	let input = $state(0);
	let query!: LiveQuery<T, number>;
	const destroy = $effect.root(() => {
		query = new LiveQuery<T, number>({ ...opts, deps: () => input, database: { opened: runner, open: () => Promise.resolve(runner) } });
	});
	flushSync();
	return {
		query,
		/** Sets the input and runs the effects (the query's fetch starts within). */
		set(value: number) {
			input = value;
			flushSync();
		},
		destroy
	};
}
