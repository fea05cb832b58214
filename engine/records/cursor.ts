import { createHash } from 'node:crypto';
import { ValidationError } from '../errors/index.js';
import type { Doc, Filter, SortSpec } from '../store/port.js';
import { msg } from '../i18n/message.js';

/** The query a cursor continues: a cursor of one query is refused on any other. */
export interface CursorQuery {
  readonly object: string;
  readonly sort: SortSpec;
  /** The client's filter as compiled, with the engine's scope (a related list's parent). */
  readonly filter: Filter;
}

interface CursorState {
  /** A hash of the object, the sort and the filter the cursor was made for. */
  q: string;
  /** The sort values of the last record of the page, in sort order. */
  v: unknown[];
}

/** An opaque token for the page after `last` of `query`. */
export function encodeCursor(query: CursorQuery, last: Doc): string {
  const state: CursorState = { q: queryHash(query), v: Object.keys(query.sort).map((key) => last[key] ?? null) };
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/**
 * The keyset condition for the records after the cursor's position: for sort keys k1..kn, the
 * records equal on k1..k(i-1) and after the position on ki, for some i. Nulls sort first
 * ascending and last descending, as both stores order them.
 */
export function cursorFilter(query: CursorQuery, cursor: string): Filter {
  const state = decode(cursor);
  const { sort } = query;
  const keys = Object.keys(sort);
  if (state.q !== queryHash(query) || state.v.length !== keys.length) {
    throw new ValidationError([
      { path: '/cursor', message: msg`belongs to another list (another object, sort or filter than ${query.object} as asked now); start again without a cursor` },
    ]);
  }
  const branches: Filter[] = [];
  keys.forEach((key, i) => {
    const after = afterCondition(key, state.v[i], sort[key]!);
    if (!after) return;
    const equal = keys.slice(0, i).map((previous, j) => ({ [previous]: state.v[j] ?? null }));
    branches.push(equal.length === 0 ? after : { $and: [...equal, after] });
  });
  return branches.length === 0 ? { _id: { $in: [] } } : { $or: branches };
}

function afterCondition(key: string, value: unknown, direction: 1 | -1): Filter | undefined {
  if (value === null || value === undefined) {
    // Ascending, nulls come first: everything non-null is after. Descending, nulls come last: nothing is.
    return direction === 1 ? { [key]: { $ne: null } } : undefined;
  }
  return direction === 1 ? { [key]: { $gt: value } } : { $or: [{ [key]: { $lt: value } }, { [key]: null }] };
}

/**
 * Binds a cursor to its query. Not a secret: a client that forges one only asks for a position in
 * a query it may run anyway; the hash stops a cursor from silently continuing another list.
 */
function queryHash(query: CursorQuery): string {
  const sort = Object.entries(query.sort).map(([key, direction]) => `${direction === -1 ? '-' : ''}${key}`).join(',');
  return createHash('sha256').update(JSON.stringify([query.object, sort, query.filter])).digest('base64url').slice(0, 22);
}

function decode(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    // The token comes back from the client: only plain values may reach the store filter.
    if (typeof state.q === 'string' && Array.isArray(state.v) && state.v.every(isPlainValue)) return state;
  } catch {
    // fall through to the client error below
  }
  throw new ValidationError([{ path: '/cursor', message: msg`is not a cursor this API gave out` }]);
}

function isPlainValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
