/**
 * An ECharts option for the tests of the `echart` action and of option diffs (the site's own bar
 * charts are drawn without ECharts: ../unit/charts-bars.test.ts): a legend with more than one series,
 * a label formatter, the values in the spoken description.
 */
import type { ChartOption } from '../../src/lib/charts/echarts';

export const sampleBars = (values: number[], names = ['a', 'b'], description = `d ${values.join()}`): ChartOption => ({
	animation: false,
	aria: { enabled: true, label: { enabled: true, description } },
	legend: names.length > 1 ? { top: 0 } : undefined,
	xAxis: { type: 'category', data: ['x', 'y'] },
	yAxis: { type: 'value' },
	series: names.map((name, i) => ({ type: 'bar', name, data: values.map((v) => v + i), label: { show: true, formatter: (x: { value: number }) => String(x.value) } }))
});
