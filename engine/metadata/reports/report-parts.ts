import type { Labels } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import type { ReportField, ResolvedPath, ValueType } from './report-field.js';

export const BUCKETS = ['day', 'week', 'month', 'quarter', 'year', 'fiscalQuarter', 'fiscalYear', 'aging'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const DEFAULT_AGING_DAYS: readonly number[] = [30, 60, 90];

export type Aggregate = 'count' | 'distinct' | 'sum' | 'avg' | 'min' | 'max';

/** How the groups of a level are ordered: by label, by count or by a measure's key; 1 ascending, -1 descending. */
export interface GroupOrder {
  readonly by: string;
  readonly direction: 1 | -1;
}

/** One level of grouping, checked against the object. */
export interface ResolvedGrouping {
  /** How results name the level: the path, with its bucket after a colon (close_date:month). */
  readonly key: string;
  readonly path: ResolvedPath;
  readonly bucket?: Bucket;
  /** Aging: the last day of each range, ascending. */
  readonly agingDays: readonly number[];
  readonly order: GroupOrder;
}

/** A roll-up through a lookup: the child object and its lookup to the report's object. */
export interface Through {
  readonly object: CompiledObject;
  readonly lookup: string;
}

export interface ResolvedMeasure {
  /** count, sum:amount, sum:opportunity.account.amount (through a lookup). */
  readonly key: string;
  readonly aggregate: Aggregate;
  /** The field measured, of the report's object or of the child `through` names; none for count. */
  readonly field?: ReportField;
  readonly through?: Through;
  readonly label: Labels;
  /** The type of the figure: count and distinct are numbers; sums and averages of money are money. */
  readonly type: ValueType;
}

/** What the measures' keys are made of. */
export function measureKey(aggregate: Aggregate, field: string | undefined, through: string | undefined): string {
  if (!field) return through ? `${aggregate}:${through}` : aggregate;
  return `${aggregate}:${through ? `${through}.` : ''}${field}`;
}
