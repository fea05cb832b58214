import type { Doc, SortSpec } from '../port.js';
import { readPath } from './read-path.js';

/** MongoDB's order of types: null and missing first, then numbers, strings, objects, arrays, booleans. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  switch (typeof value) {
    case 'number':
      return 1;
    case 'string':
      return 2;
    case 'boolean':
      return 5;
    default:
      return Array.isArray(value) ? 4 : 3;
  }
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (rankA === 0) return 0;
  if (rankA === 1 || rankA === 2 || rankA === 5) return a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
  const textA = JSON.stringify(a);
  const textB = JSON.stringify(b);
  return textA === textB ? 0 : textA < textB ? -1 : 1;
}

export type Comparator = (a: Doc, b: Doc) => number;

export function comparatorFor(sort: SortSpec): Comparator {
  const keys = Object.entries(sort);
  return (a, b) => {
    for (const [key, direction] of keys) {
      const order = compareValues(readPath(a, key), readPath(b, key));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/**
 * The first `count` items in sort order, without sorting them all: a page of 50 out of
 * 100,000 matches costs a pass with a small sorted buffer instead of a full sort.
 */
export function firstInOrder<T>(items: Iterable<T>, compare: (a: T, b: T) => number, count: number): T[] {
  const buffer: T[] = [];
  for (const item of items) {
    if (buffer.length === count && compare(item, buffer[count - 1]!) >= 0) continue;
    let low = 0;
    let high = buffer.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(buffer[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    buffer.splice(low, 0, item);
    if (buffer.length > count) buffer.pop();
  }
  return buffer;
}
