/**
 * The order tables load in the browser (src/lib/db/browser.ts `tableQueue`): one at a time, each
 * once; those a statement waits for before those loaded ahead, and nothing loaded ahead while a
 * statement waits or runs (the worker runs one thing at a time: a first filter change after the
 * engine started waited behind every table loaded ahead).
 */
import { describe, expect, it, vi } from 'vitest';
import { tableQueue } from '../../src/lib/db/browser';

/** A load that finishes when told to, recording when it started. */
function loads() {
	const started: string[] = [];
	const finish = new Map<string, () => void>();
	const load = (name: string) => () => {
		started.push(name);
		return new Promise<void>((ok) => finish.set(name, ok));
	};
	const done = async (name: string) => {
		for (let i = 0; i < 10; i++) await Promise.resolve();
		finish.get(name)!();
		for (let i = 0; i < 10; i++) await Promise.resolve();
	};
	return { started, load, done };
}
const settle = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('tables load one at a time, a statement’s first', () => {
	it('a table a statement asks for goes before the tables still waiting to load ahead', async () => {
		const q = tableQueue();
		const l = loads();
		for (const t of ['a', 'b', 'c', 'd']) void q.load(t, l.load(t), 'ahead');
		await settle();
		expect(l.started).toEqual(['a']);
		// A statement needs d: it is loaded right after a (already under way), before b and c.
		let sent = false;
		const run = q.statement(() => q.load('d', l.load('d')).then(() => (sent = true)));
		await l.done('a');
		expect(l.started).toEqual(['a', 'd']);
		await l.done('d');
		await run;
		expect(sent).toBe(true);
		await settle();
		expect(l.started).toEqual(['a', 'd', 'b']);
	});

	it('the current page’s work ahead (soon) goes before the other tables loaded ahead', async () => {
		const q = tableQueue();
		const l = loads();
		for (const t of ['a', 'b', 'c']) void q.load(t, l.load(t), 'ahead');
		void q.load('prepare:x', l.load('prepare:x'), 'soon');
		// Asked for soon again: moves forward; ahead again: stays where it is.
		void q.load('c', l.load('c'), 'soon');
		void q.load('prepare:x', l.load('prepare:x'), 'ahead');
		await l.done('a');
		await l.done('c');
		await l.done('prepare:x');
		expect(l.started).toEqual(['a', 'c', 'prepare:x', 'b']);
	});

	it('nothing loads ahead while a statement waits or runs; loading resumes when it is answered', async () => {
		const q = tableQueue();
		const l = loads();
		let answer!: () => void;
		const run = q.statement(() => new Promise<void>((ok) => (answer = ok)));
		void q.load('a', l.load('a'), 'ahead');
		void q.load('b', l.load('b'), 'ahead');
		await settle();
		expect(l.started).toEqual([]);
		answer();
		await run;
		await settle();
		expect(l.started).toEqual(['a']);
		await l.done('a');
		expect(l.started).toEqual(['a', 'b']);
	});

	it('loads each table once and shares its promise; a failed load rejects its waiters only', async () => {
		const q = tableQueue();
		const l = loads();
		const first = q.load('a', l.load('a'), 'ahead');
		const again = q.load('a', l.load('a'));
		const bad = q.load('x', () => Promise.reject(new Error('x.arrow: HTTP 404')));
		await l.done('a');
		await expect(first).resolves.toBeUndefined();
		await expect(again).resolves.toBeUndefined();
		await expect(bad).rejects.toThrow('HTTP 404');
		expect(l.started).toEqual(['a']);
		await expect(q.statement(() => q.load('b', () => Promise.resolve()))).resolves.toBeUndefined();
	});
});

describe('loading ahead waits for a quiet moment', () => {
	it('starts only once no statement has been answered for `quiet` ms, and before any statement at once', async () => {
		vi.useFakeTimers();
		try {
			const q = tableQueue(500);
			const l = loads();
			void q.load('a', l.load('a'), 'ahead');
			await settle();
			// No statement yet: the first table loaded ahead starts at once.
			expect(l.started).toEqual(['a']);
			await l.done('a');
			await q.statement(() => Promise.resolve());
			void q.load('b', l.load('b'), 'ahead');
			await settle();
			vi.advanceTimersByTime(300);
			await settle();
			expect(l.started).toEqual(['a']);
			// Another statement within the quiet time starts the wait again.
			await q.statement(() => Promise.resolve());
			vi.advanceTimersByTime(300);
			await settle();
			expect(l.started).toEqual(['a']);
			vi.advanceTimersByTime(250);
			await settle();
			expect(l.started).toEqual(['a', 'b']);
			// A table a statement asks for does not wait.
			void q.statement(() => q.load('c', l.load('c')));
			await l.done('b');
			expect(l.started).toEqual(['a', 'b', 'c']);
		} finally {
			vi.useRealTimers();
		}
	});
});
