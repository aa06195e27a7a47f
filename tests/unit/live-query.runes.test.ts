/**
 * LiveQuery's parts: a loader's `progress` shows each part over the previous value as it arrives,
 * marks it arrived, and a superseded fetch's parts never show.
 */
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { liveQueryHarness } from '../helpers/live-query.svelte';
import type { QueryRunner } from '../../src/lib/db/types';

interface Value {
	map: string;
	bars: string;
	[key: string]: string;
}

/** A loader whose parts and end the test releases by hand, per input. */
function controlledLoader() {
	const calls = new Map<number, { progress: (part: Partial<Value>) => void; finish: (v: Value) => void }>();
	const load = (_db: QueryRunner, input: number, progress: (part: Partial<Value>) => void) =>
		new Promise<Value>((finish) => calls.set(input, { progress, finish }));
	return { calls, load };
}

const runner: QueryRunner = { run: () => Promise.reject(new Error('not used')) };
const settle = async () => {
	await new Promise((r) => setTimeout(r, 0));
	flushSync();
};

describe('LiveQuery parts', () => {
	it('shows each part over the previous value as it arrives, busy until the whole value is in', async () => {
		const { calls, load } = controlledLoader();
		const h = liveQueryHarness<Value>({ name: 'test', load, initial: { value: { map: 'map 0', bars: 'bars 0' }, deps: 0 } }, runner);
		try {
			h.set(1);
			expect(h.query.status).toBe('loading');
			expect(h.query.stale).toBe(true);
			expect([...h.query.arrived]).toEqual([]);
			const map = 'map 1';
			calls.get(1)!.progress({ map });
			flushSync();
			expect(h.query.value).toEqual({ map: 'map 1', bars: 'bars 0' });
			expect([...h.query.arrived]).toEqual(['map']);
			expect(h.query.status).toBe('loading');
			calls.get(1)!.finish({ map, bars: 'bars 1' });
			await settle();
			expect(h.query.value).toEqual({ map: 'map 1', bars: 'bars 1' });
			expect(h.query.status).toBe('live');
			expect(h.query.stale).toBe(false);
			expect([...h.query.arrived]).toEqual([]);
		} finally {
			h.destroy();
		}
	});

	it('drops the parts of a fetch that newer inputs superseded, and starts each fetch with none arrived', async () => {
		const { calls, load } = controlledLoader();
		const h = liveQueryHarness<Value>({ name: 'test', load, initial: { value: { map: 'map 0', bars: 'bars 0' }, deps: 0 } }, runner);
		try {
			h.set(1);
			calls.get(1)!.progress({ map: 'map 1' });
			flushSync();
			h.set(2);
			expect([...h.query.arrived]).toEqual([]);
			// Input 1's answer comes late: none of it may show under input 2.
			calls.get(1)!.progress({ bars: 'bars 1' });
			calls.get(1)!.finish({ map: 'map 1', bars: 'bars 1' });
			await settle();
			expect(h.query.value).toEqual({ map: 'map 1', bars: 'bars 0' });
			expect(h.query.status).toBe('loading');
			calls.get(2)!.progress({ bars: 'bars 2' });
			flushSync();
			expect(h.query.value).toEqual({ map: 'map 1', bars: 'bars 2' });
			expect([...h.query.arrived]).toEqual(['bars']);
			calls.get(2)!.finish({ map: 'map 2', bars: 'bars 2' });
			await settle();
			expect(h.query.value).toEqual({ map: 'map 2', bars: 'bars 2' });
			// Back to input 1: its whole answer was cached, so it shows at once.
			h.set(1);
			expect(h.query.value).toEqual({ map: 'map 1', bars: 'bars 1' });
			expect(h.query.status).toBe('live');
		} finally {
			h.destroy();
		}
	});

	it('a first load with nothing to show yet shows the whole value at the end, not parts', async () => {
		const { calls, load } = controlledLoader();
		const h = liveQueryHarness<Value>({ name: 'test', load }, runner);
		try {
			calls.get(0)!.progress({ map: 'map 0' });
			flushSync();
			expect(h.query.value).toBeNull();
			calls.get(0)!.finish({ map: 'map 0', bars: 'bars 0' });
			await settle();
			expect(h.query.value).toEqual({ map: 'map 0', bars: 'bars 0' });
		} finally {
			h.destroy();
		}
	});
});
