import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../src/lib/search/slots';

describe('list slots (assignSlots)', () => {
	it('numbers a first list in order', () => {
		expect([...assignSlots(['a', 'b', 'c'], new Map())]).toEqual([['a', 0], ['b', 1], ['c', 2]]);
	});

	it('keeps the slot of an item that stays, wherever it moves', () => {
		const first = assignSlots(['a', 'b', 'c'], new Map());
		const next = assignSlots(['c', 'a', 'b'], first);
		expect(next.get('a')).toBe(0);
		expect(next.get('b')).toBe(1);
		expect(next.get('c')).toBe(2);
	});

	it('gives a new item the slot of one that left, then new slots; slots stay distinct', () => {
		const first = assignSlots(['a', 'b', 'c', 'd'], new Map());
		const next = assignSlots(['e', 'b', 'f', 'g', 'd'], first);
		expect(Object.fromEntries(next)).toEqual({ e: 0, b: 1, f: 2, g: 4, d: 3 });
		// A shorter list, then a longer one: the new items fill the lowest slots.
		const fewer = assignSlots(['d'], next);
		expect(Object.fromEntries(assignSlots(['x', 'd', 'y', 'z'], fewer))).toEqual({ x: 0, d: 3, y: 1, z: 2 });
		const third = assignSlots([], next);
		expect(third.size).toBe(0);
		// A long run of random lists: the slots of every list are distinct, and kept ids keep theirs.
		let s = 1;
		const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
		let prev = new Map<string, number>();
		for (let n = 0; n < 500; n++) {
			const ids = [...new Set(Array.from({ length: Math.floor(rnd() * 12) }, () => `p${Math.floor(rnd() * 20)}`))];
			const slots = assignSlots(ids, prev);
			expect(new Set(slots.values()).size).toBe(ids.length);
			for (const id of ids) if (prev.has(id)) expect(slots.get(id)).toBe(prev.get(id));
			// Slots stay below the longest list so far.
			expect(Math.max(-1, ...slots.values())).toBeLessThan(Math.max(ids.length, 1 + Math.max(-1, ...prev.values())));
			expect(Math.max(-1, ...slots.values())).toBeLessThan(12);
			prev = slots;
		}
	});
});
