import type { Filter, SortSpec } from '../port.js';
import { filterConditions, type Bound, type FieldCondition } from './filter-conditions.js';
import type { StoredIndex } from './index-entries.js';
import type { KeyRange } from './index-table.js';
import { complement, encodeComponent, prefixEnd, typePrefix, type Direction } from './key-encoding.js';
import type { IdBound } from './sqlite-file.js';

/**
 * How the committed documents a query needs are found. Every plan yields a superset of the
 * matches, which the exact predicate then tests; `ordered` says the plan yields them in the
 * query's sort order (ties by `_id`), so that a page can stop after `limit` matches.
 */
export type Plan =
  | { kind: 'ids'; ids: string[]; ordered: false }
  | { kind: 'primary'; direction: Direction; low?: IdBound; high?: IdBound; ordered: boolean }
  | { kind: 'index'; index: StoredIndex; ranges: KeyRange[]; direction: Direction; tie: Direction; ordered: boolean; exact: boolean };

export interface PlanInput {
  filter: Filter;
  /** The sort with its `_id` tie-break (see `withTieBreak`). */
  sort: SortSpec;
  limited: boolean;
  indexes: readonly StoredIndex[];
  /** How many entries of an index lie in its ranges, counted up to `cap` at most. */
  estimate(index: StoredIndex, ranges: KeyRange[], cap: number): number;
}

/** Above this many candidates from a filter's index, walking an index in the sort order is the cheaper page. */
const SMALL_RANGE = 2000;

/** The sort a query runs with: its own keys, then `_id` ascending unless it names `_id`, so every order is total. */
export function withTieBreak(sort: SortSpec | undefined): SortSpec {
  const keys = sort ?? {};
  return '_id' in keys ? keys : { ...keys, _id: 1 };
}

export function planQuery(input: PlanInput): Plan {
  const { fields, complete } = filterConditions(input.filter);
  const id = fields.get('_id');
  if (id?.kind === 'equal' && id.values.every((value) => typeof value === 'string')) {
    return { kind: 'ids', ids: [...new Set(id.values as string[])].sort(), ordered: false };
  }
  const sortKeys = Object.entries(input.sort);
  const primary = primaryPlan(id, sortKeys);
  const options = input.indexes.map((index) => indexPlan(index, fields, sortKeys, complete));
  const byStrength = (plan: IndexOption) => plan.equalities * 2 + (plan.ranged ? 1 : 0);
  const filtering = options.filter((option) => option.equalities > 0 || option.ranged).sort((x, y) => byStrength(y) - byStrength(x));
  const best = filtering[0];
  const orderedFiltering = filtering.find((option) => option.plan.ordered);
  if (orderedFiltering && best && byStrength(orderedFiltering) >= byStrength(best)) return orderedFiltering.plan;
  if (primary.ordered && primary.low === undefined && primary.high === undefined && best === undefined) return primary;
  if (primary.ordered && (primary.low !== undefined || primary.high !== undefined)) return primary;
  const walk = primary.ordered ? primary : options.find((option) => option.plan.ordered)?.plan;
  if (best && walk && input.limited) {
    // A selective filter index beats walking in sort order; an unselective one (a stage most
    // records share) loses to a walk that stops after the page.
    return input.estimate(best.plan.index, best.plan.ranges, SMALL_RANGE) < SMALL_RANGE ? best.plan : walk;
  }
  if (best) return best.plan;
  if (input.limited && walk) return walk;
  return primary;
}

interface IndexOption {
  plan: Extract<Plan, { kind: 'index' }>;
  equalities: number;
  ranged: boolean;
}

function pinnedToOne(condition: FieldCondition | undefined): boolean {
  return condition?.kind === 'equal' && condition.values.length === 1;
}

/** The documents table read in `_id` order, within the filter's range on `_id` if it has one. */
function primaryPlan(id: FieldCondition | undefined, sortKeys: [string, 1 | -1][]): Extract<Plan, { kind: 'primary' }> {
  const ordered = sortKeys.length === 1 && sortKeys[0]![0] === '_id';
  const direction: Direction = ordered ? sortKeys[0]![1] : 1;
  const plan: Extract<Plan, { kind: 'primary' }> = { kind: 'primary', direction, ordered };
  if (id?.kind === 'range' && typeof (id.low ?? id.high)?.value === 'string') {
    if (id.low) plan.low = { value: String(id.low.value), inclusive: id.low.inclusive };
    if (id.high) plan.high = { value: String(id.high.value), inclusive: id.high.inclusive };
  }
  return plan;
}

function indexPlan(index: StoredIndex, fields: Map<string, FieldCondition>, sortKeys: [string, 1 | -1][], complete: boolean): IndexOption {
  let prefixes: Buffer[] = [Buffer.alloc(0)];
  let ranges: KeyRange[] | undefined;
  let equalities = 0;
  let ranged = false;
  let leadingSingles = 0;
  let exact = true;
  const consumed = new Set<string>();
  for (let i = 0; i < index.fields.length && !ranges; i++) {
    const field = index.fields[i]!;
    const condition = fields.get(field);
    const direction = index.directions[i]!;
    if (!condition) break;
    consumed.add(field);
    if (condition.kind === 'equal') {
      // Null also stands for an empty array in a multikey index: candidates, not an answer.
      if (index.multikey && condition.values.includes(null)) exact = false;
      const parts = dedupe(condition.values.map((value) => encodeComponent(value, direction)));
      prefixes = prefixes.flatMap((prefix) => parts.map((part) => Buffer.concat([prefix, part])));
      equalities++;
      if (leadingSingles === i && condition.values.length === 1) leadingSingles++;
      continue;
    }
    // Two bounds on a multikey field may each hold for another element: only one bound narrows.
    const range = index.multikey && condition.low && condition.high ? { low: condition.low } : condition;
    if (range !== condition) exact = false;
    ranges = prefixes.map((prefix) => keyRange(prefix, range, direction));
    ranged = true;
  }
  ranges ??= prefixes.map((prefix) => ({ low: prefix, ...optionalHigh(prefixEnd(prefix)) }));
  exact &&= complete && [...fields.keys()].every((field) => consumed.has(field));
  // The index gives the sort when what follows its single-valued equalities is exactly the sort's
  // keys, leaving out the keys those equalities pin (in an index without arrays, a pinned field
  // holds that one value) and the `_id` that breaks ties.
  const rest = index.fields.slice(leadingSingles);
  const pinned = (key: string) => index.fields.indexOf(key) >= 0 && index.fields.indexOf(key) < leadingSingles && pinnedToOne(fields.get(key));
  const keys = sortKeys.filter(([key]) => !pinned(key) && (key !== '_id' || sortKeys[sortKeys.length - 1]![0] !== '_id'));
  const tieKey = sortKeys.find(([key]) => key === '_id');
  const tie: Direction = tieKey ? tieKey[1] : 1;
  const walk: Direction = keys.length === 0 || keys[0]![1] === index.directions[leadingSingles] ? 1 : -1;
  const ordered =
    !index.multikey &&
    ranges.length <= 1 &&
    rest.length === keys.length &&
    keys.every(([key, direction], j) => key === rest[j] && direction === index.directions[leadingSingles + j]! * walk);
  return { plan: { kind: 'index', index, ranges, direction: walk, tie, ordered, exact }, equalities, ranged };
}

function dedupe(keys: Buffer[]): Buffer[] {
  return [...new Map(keys.map((key) => [key.toString('latin1'), key])).values()];
}

function optionalHigh(high: Buffer | undefined): { high?: Buffer } {
  return high ? { high } : {};
}

/**
 * The key range of values between the bounds of one type, after `prefix` (the equalities before
 * it). A descending component holds complemented bytes, so its bounds swap ends.
 */
function keyRange(prefix: Buffer, range: { low?: Bound; high?: Bound }, direction: Direction): KeyRange {
  const operand = (range.low ?? range.high)!.value;
  const typeStart = Buffer.concat([prefix, direction === 1 ? typePrefix(operand) : complement(typePrefix(operand))]);
  const typeEnd = prefixEnd(typeStart);
  const at = (bound: Bound) => Buffer.concat([prefix, encodeComponent(bound.value, direction)]);
  const before = (bound: Bound) => at(bound);
  const after = (bound: Bound) => prefixEnd(at(bound));
  if (direction === 1) {
    const low = range.low ? (range.low.inclusive ? before(range.low) : after(range.low)) : typeStart;
    const high = range.high ? (range.high.inclusive ? after(range.high) : before(range.high)) : typeEnd;
    return { ...(low ? { low } : {}), ...optionalHigh(high) };
  }
  const low = range.high ? (range.high.inclusive ? before(range.high) : after(range.high)) : typeStart;
  const high = range.low ? (range.low.inclusive ? after(range.low) : before(range.low)) : typeEnd;
  return { ...(low ? { low } : {}), ...optionalHigh(high) };
}
