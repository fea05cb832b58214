import { BarChart, FunnelChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the chart types dashboards draw and the SVG renderer: this chunk, loaded by the first chart
// shown, is the only one that carries echarts (tests/e2e/bundle-budget.spec.ts holds it so).
use([BarChart, LineChart, PieChart, FunnelChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface ReportChartProps {
  readonly option: Record<string, unknown>;
  /** echarts' own texts (the tooltip's, the legend's paging) in this locale. */
  readonly locale: 'EN' | 'ZH';
  readonly height: number;
  /** A click on a bar, a slice or a point: the index of its category along the chart. */
  readonly onPick?: (index: number) => void;
}

/**
 * One echarts chart drawn as SVG, resized with its box. It is a picture for the eye: the figures it
 * draws are in a table beside it (FiguresTable) for screen readers and the keyboard, so the chart
 * itself is hidden from them.
 */
export function ReportChart({ option, locale, height, onPick }: ReportChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!box.current) return undefined;
    const instance = init(box.current, null, { renderer: 'svg', locale });
    chart.current = instance;
    instance.on('click', (event) => {
      if (typeof event.dataIndex === 'number') pick.current?.(event.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, locale]);

  // Clicking opens the records behind a figure; the figures table's buttons do the same for the keyboard.
  return <div ref={box} className={onPick ? 'report-chart report-chart-clickable' : 'report-chart'} style={{ height }} aria-hidden="true" />;
}
