import type { SortSpec } from '../port.js';
import { compareValues } from './sort-order.js';

/** A committed document's id with the values of the sort's keys, read by SQLite without parsing the document in JS. */
export interface KeyedId {
  id: string;
  values: unknown[];
}

/** One row of a key read: the id, then per sort key its value as JSON text (`v0`, `v1` …). */
export type KeyRow = Record<string, unknown> & { id: string };

/** Only plain field names are read as JSON paths; anything else is sorted from parsed documents. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_$]+$/;

/**
 * The JSON paths of the sort's keys, or undefined when one cannot be read in SQLite. A dotted key
 * goes through embedded documents, as readPath does: SQLite's `$.a.b` finds nothing when `a` is an
 * array, and readPath gives undefined there too.
 */
export function sortKeyPaths(sort: SortSpec): (string | null)[] | undefined {
  const paths: (string | null)[] = [];
  for (const key of Object.keys(sort)) {
    if (key === '_id') {
      paths.push(null);
      continue;
    }
    const segments = key.split('.');
    if (!segments.every((segment) => PLAIN_SEGMENT.test(segment))) return undefined;
    paths.push(`$.${segments.map((segment) => `"${segment}"`).join('.')}`);
  }
  return paths;
}

/**
 * The select list that reads the keys of `paths` from `body` (`_id` from the id column), and its
 * parameters: `->` gives each value as JSON text (NULL when missing), one parse of the document
 * per row where `json_type` and `json_extract` would take two.
 */
export function keyColumns(paths: readonly (string | null)[], body: string): { columns: string; params: string[] } {
  const columns: string[] = [];
  const params: string[] = [];
  paths.forEach((path, i) => {
    if (path === null) return;
    columns.push(`${body} -> ? AS v${i}`);
    params.push(path);
  });
  return { columns: columns.length > 0 ? `, ${columns.join(', ')}` : '', params };
}

/** The JS value of one key as the parsed document holds it; NULL is a missing field. */
function keyValue(json: unknown): unknown {
  return typeof json === 'string' ? JSON.parse(json) : undefined;
}

export function keyedId(row: KeyRow, paths: readonly (string | null)[]): KeyedId {
  return { id: row.id, values: paths.map((path, i) => (path === null ? row.id : keyValue(row[`v${i}`]))) };
}

export type KeyComparator = (a: KeyedId, b: KeyedId) => number;

export function keyComparator(sort: SortSpec): KeyComparator {
  const directions = Object.values(sort);
  return (a, b) => {
    for (let i = 0; i < directions.length; i++) {
      const order = compareValues(a.values[i], b.values[i]);
      if (order !== 0) return order * directions[i]!;
    }
    return 0;
  };
}
