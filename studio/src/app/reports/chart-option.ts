import type { ChartType, GroupNode, MeasureInfo, ReportChart, ReportResult } from './report-result';

/** The series of a chart: categories along one axis, one or more named series of numbers. */
export interface ChartData {
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

const numeric = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/**
 * What a chart of a result draws. A summary: its first level's groups, and for a stacked bar (or
 * any bar or line of a two-level summary) a series per second-level key. A matrix: the row groups,
 * a series per column group. A tabular report: its rows by their first column.
 */
export function chartData(result: ReportResult, measure: MeasureInfo | undefined, type: ChartType): ChartData {
  const key = measure?.key ?? 'count';
  if (result.report.type === 'tabular') {
    const first = result.columns[0]?.key;
    return { categories: result.rows.map((row) => (first ? (row.labels[first] ?? String(row.values[first] ?? '')) : row._id)), series: [{ name: measure?.label ?? '', values: result.rows.map(() => null) }] };
  }
  const rows = result.groups;
  const categories = rows.map((group) => group.label);
  const split = (type === 'stackedBar' || type === 'bar' || type === 'line') && (result.report.type === 'matrix' || rows.some((group) => group.groups?.length));
  if (!split) return { categories, series: [{ name: measure?.label ?? '', values: rows.map((group) => numeric(group.values[key])) }] };
  if (result.report.type === 'matrix') {
    const cell = (row: GroupNode, column: GroupNode) => result.cells.find((one) => sameKey(one.row, [row.key]) && sameKey(one.column, [column.key]))?.values[key];
    return { categories, series: result.columnGroups.map((column) => ({ name: column.label, values: rows.map((row) => numeric(cell(row, column))) })) };
  }
  const names: { key: unknown; label: string }[] = [];
  for (const group of rows) for (const child of group.groups ?? []) if (!names.some((one) => sameKey([one.key], [child.key]))) names.push({ key: child.key, label: child.label });
  return {
    categories,
    series: names.map((name) => ({ name: name.label, values: rows.map((group) => numeric(group.groups?.find((child) => sameKey([child.key], [name.key]))?.values[key])) })),
  };
}

/** Whether bars read better on their side: more than four categories whose names are long (customers, KPIs), not periods or short values. */
export function readSideways(categories: readonly string[]): boolean {
  return categories.length > 4 && categories.some((name) => [...name].length > 12);
}

/** Whether a measure only takes whole values: a count of records or of distinct values (a count chart when none is picked). */
function wholeNumbers(measure: MeasureInfo | undefined): boolean {
  return measure === undefined || measure.aggregate === 'count' || measure.aggregate === 'distinct';
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Texts the chart writes itself, in the reader's language. */
export interface ChartTexts {
  readonly total: string;
  readonly target: string;
  readonly format: (value: number | null) => string;
}

/**
 * The echarts option of a chart (bar, stacked bar, line, pie, donut, funnel, gauge). Animation off:
 * figures should read at once, and screenshots and reduced-motion users see the final state.
 */
export function chartOption(result: ReportResult, chart: ReportChart, measure: MeasureInfo | undefined, texts: ChartTexts): Record<string, unknown> {
  const base = { animation: false, tooltip: { trigger: chart.type === 'pie' || chart.type === 'donut' || chart.type === 'funnel' ? 'item' : 'axis', valueFormatter: texts.format } };
  const data = chartData(result, measure, chart.type);
  const pairs = data.categories.map((name, i) => ({ name, value: data.series[0]?.values[i] ?? 0 }));
  switch (chart.type) {
    case 'pie':
    case 'donut':
      return { ...base, legend: { type: 'scroll', bottom: 0 }, series: [{ type: 'pie', radius: chart.type === 'donut' ? ['45%', '70%'] : '70%', data: pairs, label: { formatter: '{b}: {d}%' } }] };
    case 'funnel':
      // The labels stand to the right of the funnel: it leaves them a quarter of the width, so long stage names are not cut.
      return { ...base, legend: { type: 'scroll', bottom: 0 }, series: [{ type: 'funnel', sort: 'none', data: pairs, left: '5%', width: '65%', label: { formatter: '{b}' } }] };
    case 'gauge': {
      const value = numeric(result.total[measure?.key ?? 'count']) ?? 0;
      const max = chart.target && chart.target > 0 ? chart.target : Math.max(value, 1);
      return {
        ...base,
        series: [{ type: 'gauge', min: 0, max, progress: { show: true }, detail: { formatter: () => texts.format(value), fontSize: 16 }, title: { offsetCenter: [0, '70%'] }, data: [{ value, name: chart.target ? `${texts.target} ${texts.format(chart.target)}` : texts.total }] }],
      };
    }
    default: {
      const stacked = chart.type === 'stackedBar';
      // Counts and distinct counts are whole: no tick at 0.5 of a record.
      const values = { type: 'value', ...(wholeNumbers(measure) ? { minInterval: 1 } : {}) };
      const sideways = chart.type !== 'line' && readSideways(data.categories);
      // Bars of long names lie on their side, each name on its own line (the first at the top), where upright ones would hide most names.
      const categories = sideways
        ? { type: 'category', data: data.categories, inverse: true, axisLabel: { interval: 0, width: 160, overflow: 'truncate' } }
        : { type: 'category', data: data.categories, axisLabel: { interval: 0, hideOverlap: true } };
      return {
        ...base,
        legend: data.series.length > 1 ? { type: 'scroll', bottom: 0 } : undefined,
        grid: { left: 8, right: 8, top: 16, bottom: data.series.length > 1 ? 40 : 8, containLabel: true },
        xAxis: sideways ? values : categories,
        yAxis: sideways ? categories : values,
        series: data.series.map((series) => ({ type: chart.type === 'line' ? 'line' : 'bar', name: series.name, data: series.values, ...(stacked ? { stack: 'all' } : {}) })),
      };
    }
  }
}
