/**
 * Table rows keep their identity while their values stay the same (src/lib/components/stable-rows.ts,
 * used by DataTable): a table keyed by position then re-runs only the cells of rows that changed.
 */
import { describe, expect, it } from 'vitest';
import { keepEqualRows } from '../../src/lib/components/stable-rows';

describe('keepEqualRows', () => {
	it('keeps the earlier object of each row whose values are the same, and takes the new one where a value changed', () => {
		const before = [
			{ code: '005', value: 1, text: 'names' },
			{ code: '009', value: 2, text: 'other' },
			{ code: '010', value: 0, text: 'outside' }
		];
		const next = [
			{ code: '005', value: 1, text: 'names' },
			{ code: '009', value: 0, text: 'outside' },
			{ code: '010', value: 0, text: 'outside' }
		];
		const out = keepEqualRows(before, next);
		expect(out).toEqual(next);
		expect(out[0]).toBe(before[0]);
		expect(out[1]).toBe(next[1]);
		expect(out[2]).toBe(before[2]);
	});

	it('a row with a key more or less, or a value that is equal but not the same, is new', () => {
		const list = ['fi'];
		const before = [{ a: 1 }, { a: 1, b: undefined }, { a: list }];
		const next = [{ a: 1, b: undefined }, { a: 1 }, { a: ['fi'] }];
		const out = keepEqualRows<Record<string, unknown>>(before, next);
		expect(out[0]).toBe(next[0]);
		expect(out[1]).toBe(next[1]);
		expect(out[2]).toBe(next[2]);
	});

	it('returns the new array itself when no row is kept, and the rows past the earlier end as they are', () => {
		const next = [{ x: 1 }, { x: 2 }];
		expect(keepEqualRows([], next)).toBe(next);
		expect(keepEqualRows([{ x: 3 }], next)).toBe(next);
		const longer = keepEqualRows([{ x: 1 }], next);
		expect(longer[1]).toBe(next[1]);
		expect(longer).toHaveLength(2);
	});
});
