import type { Doc, SortSpec } from '../port.js';
import type { Plan, UnionPart } from './query-plan.js';
import { keyComparator, keyedId, sortKeyPaths, type KeyedId, type KeyRow } from './sort-keys.js';
import { comparatorFor, firstInOrder, type Comparator } from './sort-order.js';
import type { SqliteFile } from './sqlite-file.js';

/** How many more candidates each further round reads, when the ones before did not fill the page. */
const GROWTH = 4;

/** What keyedOrder reads committed documents with. */
export interface KeyedSource {
  file: SqliteFile;
  collection: string;
  load(id: string): Doc | undefined;
  /** The documents of a union part, walked in the sort's order. */
  walk(part: UnionPart): Iterable<Doc>;
}

/**
 * The candidates of a plan that does not give the sort (a scan, a filter's index, the union of
 * the access ranges), yielded in sort order without parsing each of them: SQLite reads the sort
 * keys from the JSON text, a bounded buffer keeps the best `first`, and only those documents are
 * loaded. The caller tests each and stops at its page; should too few pass, the next round takes
 * the keys after the last one yielded, four times as many. Memory stays at one round's buffer.
 * A union's parts that walk in the sort's order (the owner's records by an index on the owner and
 * the sort field) are merged with the rest instead of being read whole.
 * Undefined when a key is no plain path, or for id look-ups, which are few anyway.
 */
export function keyedOrder(source: KeyedSource, plan: Plan, sort: SortSpec, first: number): Generator<Doc> | undefined {
  const paths = sortKeyPaths(sort);
  if (!paths || plan.kind === 'ids') return undefined;
  const keyed = (unordered: Exclude<Plan, { kind: 'ids' }>) => rounds(() => keyRows(source, unordered, paths), keyComparator(sort), first, source.load);
  if (plan.kind !== 'union' || plan.parts.every((part) => !part.walk)) return keyed(plan);
  const rest = plan.parts.filter((part) => !part.walk);
  const streams = plan.parts.filter((part) => part.walk).map((part) => source.walk(part));
  if (rest.length > 0) streams.push(keyed({ kind: 'union', parts: rest, ordered: false }));
  return merged(streams, comparatorFor(sort));
}

function* rounds(read: () => Iterable<KeyedId>, compare: (a: KeyedId, b: KeyedId) => number, first: number, load: (id: string) => Doc | undefined): Generator<Doc> {
  let after: KeyedId | undefined;
  for (let size = Math.max(1, first); ; size *= GROWTH) {
    const last = after;
    const page = firstInOrder(last ? following(read(), (keyed) => compare(keyed, last) > 0) : read(), compare, size);
    for (const keyed of page) {
      const doc = load(keyed.id);
      if (doc) yield doc;
    }
    if (page.length < size) return;
    after = page[page.length - 1];
  }
}

function* following(rows: Iterable<KeyedId>, test: (keyed: KeyedId) => boolean): Generator<KeyedId> {
  for (const row of rows) if (test(row)) yield row;
}

/** Streams each in sort order, merged into one, each document once. */
function* merged(streams: Iterable<Doc>[], compare: Comparator): Generator<Doc> {
  const heads = streams.map((stream) => {
    const iterator = stream[Symbol.iterator]();
    return { iterator, next: iterator.next() };
  });
  const seen = new Set<string>();
  try {
    for (;;) {
      let best: (typeof heads)[number] | undefined;
      for (const head of heads) if (!head.next.done && (!best || compare(head.next.value, best.next.value as Doc) < 0)) best = head;
      if (!best) return;
      const doc = best.next.value as Doc;
      best.next = best.iterator.next();
      if (seen.has(doc._id)) continue;
      seen.add(doc._id);
      yield doc;
    }
  } finally {
    // A page stops early: the SQLite statements behind the other streams must be let go.
    for (const head of heads) head.iterator.return?.();
  }
}

function* keyRows(source: KeyedSource, plan: Exclude<Plan, { kind: 'ids' }>, paths: readonly (string | null)[]): Generator<KeyedId> {
  const keyed = (rows: Iterable<KeyRow>) => mapRows(rows, paths);
  if (plan.kind === 'primary') {
    yield* keyed(source.file.scanKeys(source.collection, paths, plan.low, plan.high));
    return;
  }
  const parts = plan.kind === 'index' ? [{ index: plan.index, ranges: plan.ranges }] : plan.parts;
  // An entry per array element, several ranges or several indexes may name a document twice.
  const seen = plan.kind === 'union' || plan.index.multikey || plan.ranges.length > 1 ? new Set<string>() : undefined;
  for (const part of parts) {
    for (const range of part.ranges) {
      for (const row of keyed(source.file.rangeKeys(source.collection, paths, part.index.ix, range))) {
        if (seen?.has(row.id)) continue;
        seen?.add(row.id);
        yield row;
      }
    }
  }
}

function* mapRows(rows: Iterable<KeyRow>, paths: readonly (string | null)[]): Generator<KeyedId> {
  for (const row of rows) yield keyedId(row, paths);
}
