import type { Figures, ReportChart, ReportResult } from '../reports/report-result';

/** The answer of POST /api/v1/dashboards/:name/run (engine/reports/run-dashboard.ts). */
export interface DashboardResult {
  readonly dashboard: { readonly name: string; readonly label: string; readonly columns: number };
  readonly filters: readonly DashboardFilterState[];
  readonly components: readonly ComponentResult[];
  readonly refreshedAt: string;
}

export interface DashboardFilterState {
  readonly name: string;
  readonly label: string;
  readonly field: string;
  readonly type: string | null;
  readonly value: unknown;
}

export interface ComponentResult {
  readonly key: string;
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly chart: ReportChart;
  readonly filteredBy: readonly string[];
  readonly result?: ReportResult;
  readonly previous?: Figures;
  readonly error?: { readonly code: string; readonly message: string };
}

/** The relative periods dashboard filters and the report builder offer for dates (each a `within` the engine takes). */
export const FILTER_PERIODS = ['today', 'this_week', 'this_month', 'last_month', 'this_quarter', 'last_quarter', 'this_year', 'last_year', 'this_fiscal_year', 'last_30_days', 'last_90_days'] as const;

/** A filter's value as its control shows it: a period for dates, text otherwise; undefined: any. */
export function filterChoice(filter: DashboardFilterState): string | undefined {
  const value = filter.value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && 'within' in value) return String((value as { within: unknown }).within);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** What a filter's control sends: a period as `within` on dates, the text as an equality otherwise, null for any. */
export function filterCondition(filter: DashboardFilterState, choice: string | undefined): unknown {
  if (choice === undefined || choice === '') return null;
  return filter.type === 'date' || filter.type === 'datetime' ? { within: choice } : choice;
}

/**
 * Where the components stand on a grid of `columns`: rows and columns as CSS grid lines, in reading
 * order (top to bottom, left to right) for the narrow screen, where they stack.
 */
export function placed<T extends { x: number; y: number; w: number; h: number }>(components: readonly T[], columns: number): (T & { style: { gridColumn: string; gridRow: string } })[] {
  return [...components]
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((component) => ({ ...component, style: { gridColumn: `${component.x + 1} / span ${Math.min(component.w, columns - component.x)}`, gridRow: `${component.y + 1} / span ${component.h}` } }));
}
