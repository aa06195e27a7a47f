/**
 * The ECharts parts the site draws with, registered once. Named static imports let the bundler
 * keep only these parts of ECharts' barrels (a dynamic `import('echarts/charts')` keeps all of
 * them: every chart type, ~100 kB more over the wire). Loaded lazily through ./echarts.ts.
 */
import * as echarts from 'echarts/core';
import { GraphChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
	GraphChart,
	HeatmapChart,
	GridComponent,
	TooltipComponent,
	VisualMapComponent,
	AriaComponent,
	LegendComponent,
	DatasetComponent,
	CanvasRenderer,
	LabelLayout
]);

export { echarts };
