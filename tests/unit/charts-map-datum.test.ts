/** The map keeps a municipality's datum object while it is unchanged (ChoroplethMap.svelte `sameDatum`). */
import { describe, expect, it } from 'vitest';
import { sameDatum } from '../../src/lib/charts/ChoroplethMap.svelte';

describe('map datum identity', () => {
	const d = { code: '091', name: 'Helsinki', value: 2, text: '2', programmes: 1 };
	it('is the same when every field is, whatever the object', () => {
		expect(sameDatum(d, { ...d })).toBe(true);
	});
	it('differs when any field differs, or one is missing', () => {
		for (const [k, v] of [['name', 'Helsingfors'], ['value', 3], ['text', '3'], ['programmes', 2], ['code', '092']] as const)
			expect(sameDatum(d, { ...d, [k]: v }), k).toBe(false);
		const { programmes: _, ...less } = d;
		expect(sameDatum(d, less)).toBe(false);
		expect(sameDatum(less, d)).toBe(false);
		expect(sameDatum({ ...d, value: Number.NaN }, { ...d, value: Number.NaN })).toBe(true);
	});
});
