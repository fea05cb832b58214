/** The answer of POST /api/v1/reports/:name/run (engine/reports/report-result.ts), as the web app reads it. */
export type Figures = Readonly<Record<string, number | string | null>>;

export interface LevelInfo {
  readonly key: string;
  readonly label: string;
  readonly type: string;
  readonly bucket?: string;
}

export interface MeasureInfo {
  readonly key: string;
  readonly label: string;
  readonly aggregate: string;
  readonly type: string;
  readonly scale: number;
  readonly currency?: string | null;
}

export interface GroupNode {
  readonly key: unknown;
  readonly label: string;
  readonly values: Figures;
  readonly groups?: readonly GroupNode[];
}

export type ChartType = 'bar' | 'stackedBar' | 'line' | 'pie' | 'donut' | 'funnel' | 'gauge' | 'number' | 'table';

export interface ReportChart {
  readonly type: ChartType;
  readonly measure?: string;
  readonly target?: number;
  readonly compareField?: string;
  readonly comparePeriod?: string;
}

export interface ReportResult {
  readonly report: { readonly name: string; readonly label: string; readonly type: 'tabular' | 'summary' | 'matrix'; readonly object: string };
  readonly groupings: readonly LevelInfo[];
  readonly columnGroupings: readonly LevelInfo[];
  readonly columns: readonly LevelInfo[];
  readonly measures: readonly MeasureInfo[];
  readonly omitted: readonly { readonly path: string; readonly name: string }[];
  readonly groups: readonly GroupNode[];
  readonly columnGroups: readonly GroupNode[];
  readonly cells: readonly { readonly row: readonly unknown[]; readonly column: readonly unknown[]; readonly values: Figures }[];
  readonly rows: readonly { readonly _id: string; readonly values: Readonly<Record<string, unknown>>; readonly labels: Readonly<Record<string, string>> }[];
  readonly total: Figures;
  readonly truncated: boolean;
  readonly chart?: ReportChart;
  readonly today: string;
}

/** The measure a chart draws: the one it names, else the first the reader may see. */
export function chartMeasure(result: ReportResult, chart: ReportChart | undefined): MeasureInfo | undefined {
  return result.measures.find((measure) => measure.key === chart?.measure) ?? result.measures[0];
}

/** A figure as the reader's language writes numbers: money with its currency, to its scale. */
export function formatFigure(value: number | string | null | undefined, measure: MeasureInfo | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || !measure) return String(value);
  const digits = measure.aggregate === 'avg' ? Math.min(measure.scale + 2, 6) : measure.scale;
  const options: Intl.NumberFormatOptions = { minimumFractionDigits: measure.aggregate === 'avg' ? 0 : digits, maximumFractionDigits: digits };
  if (measure.currency) return new Intl.NumberFormat(locale, { ...options, style: 'currency', currency: measure.currency }).format(value);
  if (measure.type === 'percent') return `${new Intl.NumberFormat(locale, options).format(value)} %`;
  return new Intl.NumberFormat(locale, options).format(value);
}

/**
 * A tabular report's cell as the reader's language writes it: the server's label where it gives one
 * (lookups, picklists), numbers grouped by thousands, a date-time in local time; the rest as stored.
 */
export function formatCell(value: unknown, label: string | undefined, type: string, locale: string): string {
  if (label !== undefined) return label;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && (type === 'number' || type === 'currency' || type === 'rollup')) return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'number' && type === 'percent') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} %`;
  if (typeof value === 'string' && type === 'datetime' && !Number.isNaN(Date.parse(value))) {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).format(new Date(value));
  }
  return String(value);
}
