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
  | { kind: 'index'; index: StoredIndex; ranges: KeyRange[]; direction: Direction; tie: Direction; ordered: boolean; exact: boolean }
  | { kind: 'union'; parts: UnionPart[]; ordered: false };

/** One branch of an `$or` as an index's ranges; `walk` when walking them gives the query's sort. */
export interface UnionPart {
  index: StoredIndex;
  ranges: KeyRange[];
  walk?: { direction: Direction; tie: Direction };
}

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
  const { fields, complete, alternatives } = filterConditions(input.filter);
  const id = fields.get('_id');
  if (id?.kind === 'equal' && id.values.every((value) => typeof value === 'string')) {
    return { kind: 'ids', ids: [...new Set(id.values as string[])].sort(), ordered: false };
  }
  const sortKeys = Object.entries(input.sort);
  const primary = primaryPlan(id, sortKeys);
  if (primary.ordered && (primary.low !== undefined || primary.high !== undefined)) return primary;
  const options = input.indexes.filter((index) => mayServe(index, fields, sortKeys)).map((index) => indexPlan(index, fields, sortKeys, complete));
  const filtering = options.filter(narrows).sort((x, y) => strength(y) - strength(x));
  const best = filtering[0];
  const orderedFiltering = filtering.find((option) => option.plan.ordered);
  const filteredWalk = orderedFiltering && best && strength(orderedFiltering) >= strength(best) ? orderedFiltering.plan : undefined;
  // Each `$or` all of whose branches an index narrows (the record-access filter: own records,
  // shares, approvers) is a source of candidates beside the strongest single indexes.
  const unions = alternatives.map((branches) => unionPlan(branches, input.indexes, sortKeys)).filter((plan) => plan !== undefined);
  const strongest = filtering.filter((option) => best && strength(option) === strength(best));
  // Two equally strong indexes (a record's items by record, or by an approver who has thousands) are sized, whichever was declared first.
  if (filteredWalk && unions.length === 0 && strongest.length === 1) return filteredWalk;
  const sources: Plan[] = [...strongest.slice(0, MAX_ESTIMATES).map((option) => option.plan), ...unions];
  const walk = filteredWalk ?? (primary.ordered ? primary : options.find((option) => option.plan.ordered)?.plan);
  if (sources.length === 0) return input.limited && walk ? walk : primary;
  if (sources.length === 1 && !(input.limited && walk)) return sources[0]!;
  // A selective source beats walking in sort order; an unselective one (a stage most records
  // share, a user who may read half the records) loses to a walk that stops after the page.
  // Of two the same size, the one in the sort's order needs no sort.
  const sized = sizeSources(input, sources).sort((x, y) => x.size - y.size || Number(y.plan.ordered) - Number(x.plan.ordered));
  const smallest = sized[0]!;
  if (smallest.plan === filteredWalk) return filteredWalk;
  return input.limited && walk && smallest.size >= SMALL_RANGE ? walk : smallest.plan;
}

/** At most this many single-index sources are sized per query (each costs a capped count). */
const MAX_ESTIMATES = 3;

const strength = (option: IndexOption) => option.equalities * 2 + (option.ranged ? 1 : 0);
const narrows = (option: IndexOption) => option.equalities > 0 || option.ranged;

/** What a part walked in the sort's order is guessed to cost: about a page, whatever its size. */
const PAGE_GUESS = 50;

/** Counts that tell a small source from a large one before counting the large one further. */
const SIZING_ROUNDS = [16, 256, SMALL_RANGE];

/**
 * Every source sized, counted no further than needed to find the smallest: a round that finds one
 * under its cap ends the sizing (a record's two work items beside an approver's thousands cost 18
 * entries counted, not 2,002); sizes at or above the cap only say "at least".
 */
function sizeSources(input: PlanInput, sources: Plan[]): { plan: Plan; size: number }[] {
  let sized: { plan: Plan; size: number }[] = [];
  for (const cap of SIZING_ROUNDS) {
    sized = sources.map((plan) => ({ plan, size: estimatePlan(input, plan, cap) }));
    if (sized.some(({ size }) => size < cap)) return sized;
  }
  return sized;
}

/**
 * How many candidates a source yields, counted no further than `bound`. A union's parts that
 * walk in the sort's order are merged page by page, and count for a page at most.
 */
function estimatePlan(input: PlanInput, plan: Plan, bound = SMALL_RANGE): number {
  if (plan.kind === 'index') return input.estimate(plan.index, plan.ranges, bound);
  if (plan.kind !== 'union') return SMALL_RANGE;
  let total = 0;
  for (const part of plan.parts) {
    const cap = part.walk && input.limited ? Math.min(PAGE_GUESS, bound - total) : bound - total;
    if (total < bound) total += input.estimate(part.index, part.ranges, cap);
  }
  return Math.min(total, bound);
}

/**
 * The candidates of an `$or` as the union of one index range set per branch, when an index
 * narrows every branch (a branch no index narrows could match any document). Each branch takes
 * its strongest index; the union is a superset of the matches, tested like any plan's.
 */
function unionPlan(branches: readonly Filter[], indexes: readonly StoredIndex[], sortKeys: [string, 1 | -1][]): Extract<Plan, { kind: 'union' }> | undefined {
  const parts: UnionPart[] = [];
  for (const branch of branches) {
    const conditions = filterConditions(branch);
    const ids = conditions.fields.get('_id');
    const options = indexes
      .filter((index) => conditions.fields.has(index.fields[0]!))
      .map((index) => indexPlan(index, conditions.fields, sortKeys, conditions.complete))
      .filter(narrows);
    if (ids?.kind === 'equal' || options.length === 0) return undefined;
    // Of the strongest indexes, one that walks in the sort's order (the owner's, then the sort field).
    const strongest = Math.max(...options.map(strength));
    const best = options.find((option) => strength(option) === strongest && option.plan.ordered) ?? options.find((option) => strength(option) === strongest)!;
    const { index, ranges, ordered, direction, tie } = best.plan;
    parts.push(ordered ? { index, ranges, walk: { direction, tie } } : { index, ranges });
  }
  return parts.length > 0 ? { kind: 'union', parts, ordered: false } : undefined;
}

/**
 * Whether an index can narrow the filter or give the sort: only through its first field, which the
 * filter must name or the sort begin with. A collection's other indexes are not planned at all.
 */
function mayServe(index: StoredIndex, fields: ReadonlyMap<string, FieldCondition>, sortKeys: readonly [string, 1 | -1][]): boolean {
  const first = index.fields[0]!;
  return fields.has(first) || sortKeys[0]?.[0] === first;
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
      // One value (most queries: a record's items, an owner's records) needs no dedupe and, first, no concatenation.
      const parts = condition.values.length === 1 ? [encodeComponent(condition.values[0], direction)] : dedupe(condition.values.map((value) => encodeComponent(value, direction)));
      prefixes = i === 0 ? parts : prefixes.flatMap((prefix) => parts.map((part) => Buffer.concat([prefix, part])));
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
  // Equalities on every field of the index: each prefix is a whole key.
  const point = equalities === index.fields.length;
  ranges ??= prefixes.map((prefix) => ({ low: prefix, ...optionalHigh(prefixEnd(prefix)), ...(point ? { point } : {}) }));
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
  if (index.spec.sparse && !valuesOnly(fields.get(index.fields[0]!))) {
    // Documents without a value have no entry: such an index neither finds them nor sorts them.
    return { plan: { kind: 'index', index, ranges, direction: walk, tie, ordered: false, exact: false }, equalities: 0, ranged: false };
  }
  return { plan: { kind: 'index', index, ranges, direction: walk, tie, ordered, exact }, equalities, ranged };
}

/** A condition only values match (never null or missing): what a sparse index can answer. */
function valuesOnly(condition: FieldCondition | undefined): boolean {
  return condition !== undefined && (condition.kind === 'range' || !condition.values.includes(null));
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
