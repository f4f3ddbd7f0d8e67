// Only what the dashboard's charts use, so the bundle carries the line chart and nothing else;
// imported dynamically by TrendChart, so no other page loads it.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
