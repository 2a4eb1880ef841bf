/**
 * Apache ECharts in React: one canvas per chart, resized with its box, disposed on unmount.
 * Only the chart types and components we use are registered (echarts/core), which keeps
 * the bundle small. Pass any ECharts option; report pages build theirs from a report's
 * ChartSpec with reportChartOption (report-chart.ts).
 */
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartProps {
  option: ChartOption;
  height?: number;
  testId?: string;
  /** Accessible name of the figure (charts are canvas: say what they show). */
  label?: string;
}

export function Chart({ option, height = 300, testId, label }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = host.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    // Printing changes the page width: redraw for the paper, then back for the screen.
    const resize = () => c.resize();
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      ro.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} className="chart" style={{ height }} data-testid={testId} role="img" aria-label={label} />;
}
