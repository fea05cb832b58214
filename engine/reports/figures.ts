import { assertNever } from '../errors/index.js';
import { averageOfUnits, fromUnits } from '../fields/numeric.js';
import type { ResolvedMeasure } from '../metadata/reports/report-parts.js';

/**
 * What one group has gathered of one measure, in a form that merges: groups are regrouped after
 * the store grouped them (a parent's value, a period, an aging range) and add up into subtotals.
 * Sums and averages keep whole units of the field's scale, exact integers where adding the values
 * themselves would drift; an average is its sum over the count of values, computed at the end.
 */
export interface Partial {
  count: number;
  units: number;
  values: number;
  min: unknown;
  max: unknown;
  distinct: Set<unknown> | undefined;
}

export function emptyPartial(): Partial {
  return { count: 0, units: 0, values: 0, min: null, max: null, distinct: undefined };
}

export function mergePartial(into: Partial, from: Partial): void {
  into.count += from.count;
  into.units += from.units;
  into.values += from.values;
  if (from.min !== null && (into.min === null || (from.min as number) < (into.min as number))) into.min = from.min;
  if (from.max !== null && (into.max === null || (from.max as number) > (into.max as number))) into.max = from.max;
  if (from.distinct) {
    into.distinct ??= new Set();
    for (const value of from.distinct) into.distinct.add(value);
  }
}

/** The figures of a group: each measure's value by its key. */
export type Figures = Record<string, number | string | null>;

/** A measure's figure from what it gathered; `scale` is its field's (0 for counts). */
export function figureOf(measure: ResolvedMeasure, partial: Partial, scale: number): number | string | null {
  switch (measure.aggregate) {
    case 'count':
      return partial.count;
    case 'distinct':
      return partial.distinct?.size ?? 0;
    case 'sum':
      return fromUnits(partial.units, scale);
    case 'avg':
      return partial.values === 0 ? null : averageOfUnits(partial.units, partial.values, scale);
    case 'min':
      return partial.min as number | string | null;
    case 'max':
      return partial.max as number | string | null;
    default:
      return assertNever(measure.aggregate, 'aggregate');
  }
}
