import type { OperationContext } from '../context/index.js';
import { corporateAmountField } from '../fields/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { ResolvedMeasure } from '../metadata/reports/report-parts.js';
import { fieldScale } from '../records/field-scale.js';
import type { Filter } from '../store/port.js';
import { emptyPartial, type Partial } from './figures.js';

/** A measure as the store computes it: the stored field it reads and the scale its sums are exact to. */
export interface StoredMeasure {
  readonly measure: ResolvedMeasure;
  /** The stored field: a currency amount in the corporate currency (amount__corporate) when the tenant has one. */
  readonly stored?: string;
  readonly scale: number;
  /** Money: the currency its figures are in (the corporate one), null when the tenant defines none. */
  readonly currency?: string | null;
}

export function storedMeasure(ctx: OperationContext, object: CompiledObject, measure: ResolvedMeasure): StoredMeasure {
  const field = measure.field?.field;
  if (!field) return { measure, scale: 0 };
  const corporate = ctx.snapshot.currencies.corporate;
  const money = field.type === 'currency';
  const stored = money && corporate ? corporateAmountField(field.name) : field.name;
  const scale = fieldScale(ctx.snapshot, object, stored) ?? 0;
  return { measure, stored, scale, ...(money && measure.aggregate !== 'count' && measure.aggregate !== 'distinct' ? { currency: corporate ?? field.currency ?? null } : {}) };
}

/** One row the store grouped: its key's parts, and what each measure gathered. */
export interface StoreRow {
  readonly parts: Record<string, unknown>;
  readonly partials: Partial[];
}

/**
 * Groups the matching records in the store by the key's parts (a `$group` the embedded store runs
 * as a plain loop), gathering what each measure needs in a form that merges later: the count,
 * sums in whole units of the field's scale with the count of values, minimum, maximum, the set of
 * distinct values.
 */
export async function storeGroups(ctx: OperationContext, collection: string, match: Filter, key: Record<string, unknown> | string | null, measures: readonly StoredMeasure[]): Promise<StoreRow[]> {
  const group: Record<string, unknown> = { _id: key, n: { $sum: 1 } };
  measures.forEach(({ measure, stored, scale }, i) => {
    if (!stored) return;
    const value = `$${stored}`;
    const isNumber = { $isNumber: value };
    if (measure.aggregate === 'sum' || measure.aggregate === 'avg') {
      group[`u${i}`] = { $sum: { $cond: [isNumber, { $round: [{ $multiply: [value, 10 ** scale] }, 0] }, null] } };
      group[`v${i}`] = { $sum: { $cond: [isNumber, 1, 0] } };
    } else if (measure.aggregate === 'min' || measure.aggregate === 'max') {
      group[`m${i}`] = { [`$${measure.aggregate}`]: value };
    } else if (measure.aggregate === 'distinct') {
      group[`d${i}`] = { $addToSet: value };
    }
  });
  const rows = await ctx.tenant.store.collection(collection).aggregate<Record<string, unknown>>([{ $match: match }, { $group: group }]);
  return rows.map((row) => ({
    parts: typeof key === 'string' ? { key: row._id } : ((row._id ?? {}) as Record<string, unknown>),
    partials: measures.map(({ measure }, i) => partialOf(row, measure.aggregate, i)),
  }));
}

function partialOf(row: Record<string, unknown>, aggregate: ResolvedMeasure['aggregate'], i: number): Partial {
  const partial = emptyPartial();
  partial.count = Number(row.n ?? 0);
  if (aggregate === 'sum' || aggregate === 'avg') {
    partial.units = Number(row[`u${i}`] ?? 0);
    partial.values = Number(row[`v${i}`] ?? 0);
  } else if (aggregate === 'min') partial.min = row[`m${i}`] ?? null;
  else if (aggregate === 'max') partial.max = row[`m${i}`] ?? null;
  else if (aggregate === 'distinct') partial.distinct = new Set((row[`d${i}`] as unknown[] | undefined ?? []).filter((value) => value !== null && value !== undefined));
  return partial;
}
