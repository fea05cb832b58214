import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { msg } from '../../i18n/message.js';
import { reportField } from './report-field.js';
import { RELATIVE_PERIODS, relativeRange } from './relative-periods.js';

/** What a relative period is measured from: the day, and the month the fiscal year starts in. */
export interface Calendar {
  readonly today: string;
  readonly fiscalStartMonth: number;
}

/**
 * A report's filter in the API's filter language with each `within` (a relative period on a date
 * or date-time field) replaced by the range it means today: {"close_date": {"within": "this_month"}}
 * becomes {"close_date": {"gte": "2026-12-01", "lt": "2027-01-01"}}. The result is a filter the
 * list API takes as it is, which is how a drill-down lists the records behind a figure.
 * A `within` on another type or naming no period is refused (400) with its path under `path`.
 */
export function withinResolved(object: CompiledObject, filter: unknown, calendar: Calendar, path = '/filter'): unknown {
  const problems: ErrorDetail[] = [];
  const result = resolveNode(object, filter, calendar, path, problems);
  if (problems.length > 0) throw new ValidationError(problems);
  return result;
}

function resolveNode(object: CompiledObject, node: unknown, calendar: Calendar, path: string, problems: ErrorDetail[]): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      out[key] = value.map((child, i) => resolveNode(object, child, calendar, `${path}/${key}/${i}`, problems));
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'within' in value) {
      const { within, ...others } = value as Record<string, unknown>;
      const range = rangeOf(object, key, within, calendar, `${path}/${key}/within`, problems);
      out[key] = range ? { ...others, ...range } : others;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function rangeOf(object: CompiledObject, name: string, period: unknown, calendar: Calendar, path: string, problems: ErrorDetail[]): Record<string, string> | undefined {
  const field = reportField(object, name);
  if (field && field.type !== 'date' && field.type !== 'datetime') {
    problems.push({ path, message: msg`'${name}' is a ${field.type} field: within takes a date or date-time field` });
    return undefined;
  }
  const range = typeof period === 'string' ? relativeRange(period, calendar.today, calendar.fiscalStartMonth) : undefined;
  if (!range) {
    problems.push({ path, message: msg`must be a relative period: ${RELATIVE_PERIODS.join(', ')}, last_N_days or next_N_days (like last_30_days)` });
    return undefined;
  }
  // An unknown field is left for the filter's own check, which names it.
  if (field?.type === 'datetime') return { gte: `${range.from}T00:00:00.000Z`, lt: `${range.to}T00:00:00.000Z` };
  return { gte: range.from, lt: range.to };
}
