import { describe, expect, it } from 'vitest';
import { sampleBars } from '../helpers/echarts-sample';
import { heatmapOption } from '../../src/lib/charts/heatmap';
import { optionShape, optionSignature } from '../../src/lib/charts/option-diff';

const bars = (values: number[], names = ['a', 'b'], description = 'd') => sampleBars(values, names, description);

const heat = (values: number[]) =>
	heatmapOption({ columns: ['a'], rows: values.map((_, i) => `r${i}`), values: values.map((v) => [v]), description: 'd' });

describe('option signature: the same drawing is not drawn again', () => {
	it('is equal for options built again from equal inputs (new arrays, new closures)', () => {
		expect(optionSignature(bars([1, 2]))).toBe(optionSignature(bars([1, 2])));
		expect(optionSignature(heat([1, 2]))).toBe(optionSignature(heat([1, 2])));
	});

	it('differs when a value, a label, the spoken description or a function differs', () => {
		expect(optionSignature(bars([1, 2]))).not.toBe(optionSignature(bars([1, 3])));
		expect(optionSignature(bars([1, 2], ['a', 'c']))).not.toBe(optionSignature(bars([1, 2])));
		expect(optionSignature(bars([1, 2], ['a', 'b'], 'e'))).not.toBe(optionSignature(bars([1, 2])));
		expect(optionSignature(heat([1, 2]))).not.toBe(optionSignature(heat([1, 3])));
		expect(optionSignature({ f: (n: number) => n })).not.toBe(optionSignature({ f: (n: number) => n + 1 }));
	});

	it('tells a missing value, an undefined one and infinities apart', () => {
		expect(optionSignature({ a: undefined })).not.toBe(optionSignature({}));
		expect(optionSignature({ a: Infinity })).not.toBe(optionSignature({ a: null }));
	});
});

describe('option shape: a merge draws the new option only when the skeleton is the same', () => {
	it('is equal when only values change', () => {
		expect(optionShape(bars([1, 2]))).toBe(optionShape(bars([5, 9])));
		expect(optionShape(heat([1, 2]))).toBe(optionShape(heat([3, 4])));
		const h = (v: number) => heatmapOption({ columns: ['a'], rows: ['r', 's'], values: [[v], [null]], description: 'd' });
		expect(optionShape(h(1))).toBe(optionShape(h(7)));
	});

	it('differs when a component or series comes or goes, or series are renamed', () => {
		// One series has no legend (legend: undefined), two have one.
		expect(optionShape(bars([1, 2], ['a']))).not.toBe(optionShape(bars([1, 2], ['a', 'b'])));
		// ECharts matches series by name: renamed series are replaced, not merged.
		expect(optionShape(bars([1, 2], ['a', 'b']))).not.toBe(optionShape(bars([1, 2], ['b', 'a'])));
		expect(optionShape({ series: [{ type: 'bar', label: { show: true } }] })).not.toBe(optionShape({ series: [{ type: 'bar' }] }));
		expect(optionShape({ grid: { left: 1 } })).not.toBe(optionShape({ grid: { left: 1, right: 2 } }));
	});
});
