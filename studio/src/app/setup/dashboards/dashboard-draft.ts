import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import type { ReportChart } from '../../reports/report-result';

export interface ComponentDefinition {
  readonly key: string;
  readonly report: string;
  readonly title?: LocalizedText;
  readonly chart?: ReportChart;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface DashboardFilterDefinition {
  readonly name: string;
  readonly field: string;
  readonly label?: LocalizedText;
  readonly default?: unknown;
}

/** A dashboard as GET /api/v1/meta/dashboards answers it (engine/schemas/dashboard.schema.json). */
export interface DashboardDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly columns?: number;
  readonly components: readonly ComponentDefinition[];
  readonly filters?: readonly DashboardFilterDefinition[];
  readonly homeFor?: { readonly apps?: readonly string[]; readonly roles?: readonly string[] };
  readonly permissionSets?: readonly string[];
}

export const GRID_COLUMNS = 12;
export const MAX_ROWS = 200;

/** A component moved or resized by a step, kept on the grid: within its columns, at least one cell. */
export function nudged(component: ComponentDefinition, change: Partial<Record<'x' | 'y' | 'w' | 'h', number>>, columns = GRID_COLUMNS): ComponentDefinition {
  const w = clamp(component.w + (change.w ?? 0), 1, columns);
  const h = clamp(component.h + (change.h ?? 0), 1, 12);
  const x = clamp(component.x + (change.x ?? 0), 0, columns - w);
  const y = clamp(component.y + (change.y ?? 0), 0, MAX_ROWS);
  return { ...component, x, y, w, h };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Where a new component goes: below everything, the width of half the grid. */
export function newComponent(existing: readonly ComponentDefinition[], report: string): ComponentDefinition {
  const y = existing.reduce((bottom, component) => Math.max(bottom, component.y + component.h), 0);
  let n = existing.length + 1;
  while (existing.some((component) => component.key === `c${n}`)) n++;
  return { key: `c${n}`, report, x: 0, y, w: 6, h: 3 };
}

export type DashboardControl = 'labelEn' | 'name' | 'components' | 'filters' | 'homeRoles';

/** The server's problems on the editor's controls; the rest above the form. */
export function dashboardErrors(details: readonly ErrorDetail[]): { controls: Partial<Record<DashboardControl, string[]>>; form: string[] } {
  const controls: Partial<Record<DashboardControl, string[]>> = {};
  const form: string[] = [];
  const at: readonly [RegExp, DashboardControl][] = [
    [/^\/name/, 'name'],
    [/^\/label/, 'labelEn'],
    [/^\/components/, 'components'],
    [/^\/filters/, 'filters'],
    [/^\/homeFor/, 'homeRoles'],
  ];
  for (const detail of details) {
    const control = at.find(([pattern]) => pattern.test(detail.path))?.[1];
    if (control) (controls[control] ??= []).push(`${detail.path.replace(/^\/\w+\//, '#')}: ${detail.message}`);
    else form.push(detail.message);
  }
  return { controls, form };
}
