import type { Doc } from '../port.js';

/**
 * A non-unique index on one top-level field, held in memory: value → ids. It answers the equality
 * and `$in` look-ups that relationships make (the children of a master, the records pointing at
 * one being deleted) without scanning the collection.
 */
export class ValueIndex {
  private readonly ids = new Map<unknown, Set<string>>();

  constructor(readonly field: string) {}

  replace(before: Doc | null | undefined, after: Doc | null | undefined): void {
    for (const value of valuesOf(before?.[this.field])) this.ids.get(value)?.delete(before!._id);
    for (const value of valuesOf(after?.[this.field])) {
      let set = this.ids.get(value);
      if (!set) this.ids.set(value, (set = new Set()));
      set.add(after!._id);
    }
  }

  /** How many ids hold any of the values, at most (a cheap bound for choosing among indexes). */
  size(values: readonly unknown[]): number {
    let size = 0;
    for (const value of values) size += this.ids.get(value)?.size ?? 0;
    return size;
  }

  /** The ids holding any of the values (an array field is indexed by each element). */
  lookup(values: readonly unknown[]): Set<string> {
    const found = new Set<string>();
    for (const value of values) for (const id of this.ids.get(value) ?? []) found.add(id);
    return found;
  }
}

function valuesOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((item) => item === null || typeof item !== 'object');
  return typeof value === 'object' ? [] : [value];
}

/**
 * The values a filter pins a top-level field to, when it does so in a way the index can answer:
 * `{ field: v }`, `{ field: { $eq: v } }`, `{ field: { $in: [...] } }` with scalar values.
 * Other conditions on the same filter are still checked on each candidate.
 */
export function pinnedValues(filter: Record<string, unknown>, field: string): unknown[] | undefined {
  const condition = filter[field];
  const scalar = (value: unknown) => value !== null && value !== undefined && typeof value !== 'object';
  if (scalar(condition)) return [condition];
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const { $eq, $in } = condition as { $eq?: unknown; $in?: unknown };
  if (scalar($eq)) return [$eq];
  if (Array.isArray($in) && $in.every(scalar)) return $in;
  return undefined;
}
