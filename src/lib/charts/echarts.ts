/**
 * The one place ECharts is loaded and attached to the page.
 *
 * `echart` is a Svelte action: `<div use:echart={{ option, onclick }}>`. ECharts (only the parts
 * we use, ./echarts-parts.ts) is imported lazily in the browser, never during prerender; the chart
 * resizes with its box and is disposed with the element. Charts are components on top of
 * `Chart.svelte`, which uses this action and adds the title, downloads and table alternative.
 */
import type { Action } from 'svelte/action';
import type { EChartsType } from 'echarts/core';
import { optionShape, optionSignature } from './option-diff';
import { printPatch } from './theme';

export type EChartsModule = typeof import('echarts/core');
/** ECharts' option object (kept loose: each chart builds its own in ./options.ts). */
export type ChartOption = Record<string, unknown>;

let loading: Promise<EChartsModule> | null = null;

/** Loads and registers the ECharts parts the site uses, once. */
export function loadECharts(): Promise<EChartsModule> {
	loading ??= import('./echarts-parts').then((m) => m.echarts);
	return loading;
}

export interface ChartClick {
	name: string;
	seriesName?: string;
	dataIndex: number;
	value: unknown;
	data: unknown;
}

export interface EChartParams {
	option: ChartOption;
	/** Runs after ECharts is loaded and before the option is set (e.g. registerMap). */
	prepare?: (echarts: EChartsModule) => void | Promise<void>;
	onclick?: (event: ChartClick) => void;
	/** Called with the instance when it exists (for PNG export), and with null when it is gone. */
	oninstance?: (instance: EChartsType | null) => void;
	/** Called when a render has finished, with the option it drew (at once when the new option draws the same). */
	onrendered?: (option: ChartOption) => void;
	/** What the option's functions read besides the option itself (the UI language): a change redraws. */
	context?: string;
}

/** Attaches an ECharts instance to the element. */
export const echart: Action<HTMLElement, EChartParams> = (node, initial) => {
	let params = initial;
	let instance: EChartsType | null = null;
	let destroyed = false;
	let observer: ResizeObserver | null = null;
	let prepared: Promise<void> | null = null;
	let drawing: ChartOption | null = null;
	let drawingContext = '';
	// What is on screen (./option-diff.ts): the same again is not redrawn; one of the same shape is merged.
	let drawnSignature: string | null = null;
	let drawnShape: string | null = null;
	let finished = false;
	// While printing, the print variant is merged over the drawn option; afterwards the screen
	// option is set again whole (notMerge), which undoes it.
	const print = typeof matchMedia === 'function' ? matchMedia('print') : null;
	const onPrint = (e: MediaQueryListEvent | { matches: boolean }) => {
		if (!instance) return;
		drawing = drawnSignature = drawnShape = null;
		if (e.matches) instance.setOption(printPatch(params.option), { lazyUpdate: false });
		else void apply();
	};

	// The element's box as last laid out, taken when the ResizeObserver reports it (layout is then
	// clean): reading clientWidth at every redraw would force a style and layout pass of the whole
	// page in the middle of a filter change's update, once per chart.
	let box: { width: number; height: number } | null = null;
	/**
	 * The element's box differs from the size the chart was drawn at (ECharts sizes itself by
	 * clientWidth/Height). The height is the one the chart's style asks for now (set with the data, so
	 * known before layout); the width changes only with the page's, which the observer reports.
	 */
	const sizeChanged = () => {
		if (!instance) return false;
		box ??= { width: node.clientWidth, height: node.clientHeight };
		const styled = parseFloat(node.style.height);
		return box.width !== instance.getWidth() || (Number.isFinite(styled) ? styled : box.height) !== instance.getHeight();
	};

	const apply = async () => {
		if (!instance) return;
		await prepared;
		if (destroyed || !instance) return;
		const option = params.option;
		const context = params.context ?? '';
		if (option === drawing && context === drawingContext) return;
		drawing = option;
		drawingContext = context;
		const signature = `${context}\n${optionSignature(option)}`;
		if (signature === drawnSignature) {
			params.onrendered?.(option);
			return;
		}
		const shape = optionShape(option);
		const merge = shape === drawnShape;
		drawnSignature = signature;
		drawnShape = shape;
		finished = false;
		if (sizeChanged()) {
			// The box changed with the data (horizontal bars grow with their categories): one update at
			// the new size (a lazy option is drawn by the resize), instead of one at the old size now and
			// a second when the ResizeObserver reports the new one.
			instance.setOption(option, { notMerge: !merge, lazyUpdate: true });
			instance.resize();
		} else instance.setOption(option, { notMerge: !merge, lazyUpdate: false });
		// A merge that changed no pixel (say, only the aria description) leaves zrender clean, and
		// `finished` would never come: ask for a frame (a no-op when one is due anyway).
		if (merge && !finished) instance.getZr().refresh();
	};

	loadECharts().then(async (echarts) => {
		if (destroyed) return;
		prepared = Promise.resolve(params.prepare?.(echarts));
		await prepared;
		if (destroyed) return;
		instance = echarts.init(node, null, { renderer: 'canvas' });
		instance.on('finished', () => {
			finished = true;
			if (drawing) params.onrendered?.(drawing);
		});
		instance.on('click', (e) => {
			const ev = e as unknown as ChartClick;
			params.onclick?.({ name: ev.name, seriesName: ev.seriesName, dataIndex: ev.dataIndex, value: ev.value, data: ev.data });
		});
		// Already drawn at the new size when the new option came with it (apply).
		observer = new ResizeObserver(() => {
			box = { width: node.clientWidth, height: node.clientHeight };
			if (sizeChanged()) instance?.resize();
		});
		observer.observe(node);
		print?.addEventListener('change', onPrint);
		params.oninstance?.(instance);
		await apply();
	});

	return {
		update(next) {
			params = next;
			void apply();
		},
		destroy() {
			destroyed = true;
			observer?.disconnect();
			print?.removeEventListener('change', onPrint);
			params.oninstance?.(null);
			instance?.dispose();
			instance = null;
		}
	};
};
