import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleBars } from '../helpers/echarts-sample';

/** A stand-in for ECharts: records every setOption and reports `finished` as the real one does after drawing. */
const calls: { option: Record<string, unknown>; notMerge: boolean }[] = [];
/** Each draw, as the stand-in saw it: a setOption drawn at once, or drawn by the resize that followed a lazy one. */
const draws: string[] = [];
/** The stand-in's ResizeObserver callbacks (a test calls them as the browser would). */
const observers: (() => void)[] = [];
vi.mock('../../src/lib/charts/echarts-parts', () => ({
	echarts: {
		init: (node: { clientWidth?: number; clientHeight?: number }) => {
			const handlers: Record<string, (() => void)[]> = {};
			// ECharts takes its size from the element when created and on resize().
			let size = [node.clientWidth, node.clientHeight];
			let lazy = false;
			const finish = () => {
				for (const f of handlers.finished ?? []) f();
			};
			return {
				on: (name: string, f: () => void) => (handlers[name] ??= []).push(f),
				setOption: (option: Record<string, unknown>, opts: { notMerge?: boolean; lazyUpdate?: boolean }) => {
					calls.push({ option, notMerge: !!opts.notMerge });
					lazy = !!opts.lazyUpdate;
					if (!lazy) draws.push(`setOption at ${size.join('×')}`), finish();
				},
				getWidth: () => size[0],
				getHeight: () => size[1],
				getZr: () => ({ refresh: () => undefined }),
				resize: () => {
					size = [node.clientWidth, node.clientHeight];
					draws.push(`${lazy ? 'lazy option drawn by resize' : 'resize'} at ${size.join('×')}`);
					lazy = false;
					finish();
				},
				dispose: () => undefined
			};
		}
	}
}));

beforeAll(() => {
	(globalThis as Record<string, unknown>).ResizeObserver = class {
		constructor(f: () => void) {
			observers.push(f);
		}
		observe() {}
		disconnect() {}
	};
});

const bars = (values: number[], names = ['a', 'b']) => sampleBars(values, names);
const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('the echart action draws only what changed', () => {
	it('sets an option whole first, merges new values, skips the same drawing, replaces a new skeleton', async () => {
		const { echart } = await import('../../src/lib/charts/echarts');
		const rendered: unknown[] = [];
		const params = (option: Record<string, unknown>, context = 'fi') => ({ option, context, onrendered: (o: unknown) => rendered.push(o) });
		const first = bars([1, 2]);
		const action = echart({ style: {} } as unknown as HTMLElement, params(first))!;
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

describe('the echart action and the element\'s size', () => {
	it('draws an option that came with a new size once, at that size; the ResizeObserver then does not draw again', async () => {
		const { echart } = await import('../../src/lib/charts/echarts');
		const node = { clientWidth: 600, clientHeight: 160, style: { height: '160px' } };
		const params = (option: Record<string, unknown>) => ({ option, context: 'fi' });
		draws.length = 0;
		const action = echart(node as unknown as HTMLElement, params(bars([1, 2])))!;
		await settle();
		expect(draws).toEqual(['setOption at 600×160']);

		// More categories: the page made the box taller with the new option (its style, then layout).
		node.style.height = '250px';
		node.clientHeight = 250;
		action.update!(params(bars([5, 6])));
		await settle();
		expect(draws).toEqual(['setOption at 600×160', 'lazy option drawn by resize at 600×250']);
		observers.at(-1)!();
		expect(draws).toHaveLength(2);

		// A size change of its own (the window): redrawn by the observer.
		node.clientWidth = 500;
		observers.at(-1)!();
		expect(draws.at(-1)).toBe('resize at 500×250');
		action.destroy!();
	});
});

describe('the echart action and the page\'s layout', () => {
	it('redraws without reading the element\'s layout: reading it mid-update forces a layout of the whole page, once per chart', async () => {
		const { echart } = await import('../../src/lib/charts/echarts');
		const reads: string[] = [];
		const size = { width: 600, height: 160 };
		const node = {
			style: { height: '160px' },
			get clientWidth() {
				reads.push('clientWidth');
				return size.width;
			},
			get clientHeight() {
				reads.push('clientHeight');
				return size.height;
			}
		};
		const params = (option: Record<string, unknown>) => ({ option, context: 'fi' });
		draws.length = 0;
		const action = echart(node as unknown as HTMLElement, params(bars([1, 2])))!;
		await settle();
		// The browser lays the element out and reports it (reading the size there is free).
		observers.at(-1)!();
		reads.length = 0;
		action.update!(params(bars([3, 4])));
		await settle();
		action.update!(params(bars([5, 6])));
		await settle();
		expect(draws).toEqual(['setOption at 600×160', 'setOption at 600×160', 'setOption at 600×160']);
		expect(reads).toEqual([]);
		action.destroy!();
	});
});
