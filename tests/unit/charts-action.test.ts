import { beforeAll, describe, expect, it, vi } from 'vitest';
import { barOption } from '../../src/lib/charts/options';

/** A stand-in for ECharts: records every setOption and reports `finished` as the real one does after drawing. */
const calls: { option: Record<string, unknown>; notMerge: boolean }[] = [];
vi.mock('../../src/lib/charts/echarts-parts', () => ({
	echarts: {
		init: () => {
			const handlers: Record<string, (() => void)[]> = {};
			return {
				on: (name: string, f: () => void) => (handlers[name] ??= []).push(f),
				setOption: (option: Record<string, unknown>, opts: { notMerge?: boolean }) => {
					calls.push({ option, notMerge: !!opts.notMerge });
					for (const f of handlers.finished ?? []) f();
				},
				getZr: () => ({ refresh: () => undefined }),
				resize: () => undefined,
				dispose: () => undefined
			};
		}
	}
}));

beforeAll(() => {
	(globalThis as Record<string, unknown>).ResizeObserver = class {
		observe() {}
		disconnect() {}
	};
});

const bars = (values: number[], names = ['a', 'b']) =>
	barOption({ categories: ['x', 'y'], series: names.map((name) => ({ name, values })), description: `d ${values.join()}` });
const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('the echart action draws only what changed', () => {
	it('sets an option whole first, merges new values, skips the same drawing, replaces a new skeleton', async () => {
		const { echart } = await import('../../src/lib/charts/echarts');
		const rendered: unknown[] = [];
		const params = (option: Record<string, unknown>, context = 'fi') => ({ option, context, onrendered: (o: unknown) => rendered.push(o) });
		const first = bars([1, 2]);
		const action = echart({} as HTMLElement, params(first))!;
		await settle();
		expect(calls.map((c) => c.notMerge)).toEqual([true]);
		expect(rendered).toEqual([first]);

		// Built again from the same data (new arrays, new closures): not drawn again, but reported drawn.
		const again = bars([1, 2]);
		action.update!(params(again));
		await settle();
		expect(calls).toHaveLength(1);
		expect(rendered.at(-1)).toBe(again);

		// New values, same skeleton: merged.
		const values = bars([3, 4]);
		action.update!(params(values));
		await settle();
		expect(calls.at(-1)).toEqual({ option: values, notMerge: false });
		expect(rendered.at(-1)).toBe(values);

		// The language changed (formatters read it): drawn again, even the very same option.
		action.update!(params(values, 'sv'));
		await settle();
		expect(calls).toHaveLength(3);
		expect(calls.at(-1)).toEqual({ option: values, notMerge: false });

		// A series less: replaced whole, so nothing of the old one stays.
		const one = bars([3, 4], ['a']);
		action.update!(params(one, 'sv'));
		await settle();
		expect(calls.at(-1)).toEqual({ option: one, notMerge: true });
		expect(calls).toHaveLength(4);
		action.destroy!();
	});
});
