import type { KeyRange } from './index-table.js';

/** At most this many keys are held; past it, the oldest key held goes. */
const MAX_KEYS = 16_384;

/** A key with more ids than this is walked in SQLite each time: its list would be large, and its query is a list view's, not a record's. */
export const MAX_IDS = 64;

/**
 * The ids under one whole key of one index, for the keys that queries name whole and that hold a
 * few documents: a record's work items, its approval history, a user's tokens. An approval
 * transition asks for such lists five times; walking SQLite's B-tree for each (a statement, a
 * seek, a step per row) cost it more than the rest of its reads. A list is read from SQLite the
 * first time it is asked for, and every commit then applies its index entries to the lists held
 * (after the commit succeeded), so a list held is always the committed one.
 *
 * A list is replaced, never changed in place: a walk over a list a commit replaced meanwhile goes
 * on over the version it started with, as a SQLite statement would. The lists are small (up to
 * 64 ids each, 16,384 keys, a few MiB at most) and bounded whatever the data size.
 */
export class PointLists {
  /** By index number and key (latin1): the ids in ascending order, or null for a key known to hold more than MAX_IDS. */
  private readonly lists = new Map<string, readonly string[] | null>();

  /** `read`: up to `limit` ids under one whole key, ascending, from SQLite. */
  constructor(private readonly read: (ix: number, key: Buffer, limit: number) => string[]) {}

  /** The ids (ascending) of a range that holds one whole key with at most MAX_IDS of them; undefined for any other range. */
  ids(ix: number, range: KeyRange): readonly string[] | undefined {
    if (!range.point) return undefined;
    const at = slot(ix, range.low!);
    let ids = this.lists.get(at);
    if (ids === undefined) {
      const read = this.read(ix, range.low!, MAX_IDS + 1);
      ids = read.length > MAX_IDS ? null : read;
      if (this.lists.size >= MAX_KEYS) this.lists.delete(this.lists.keys().next().value!);
      this.lists.set(at, ids);
    }
    return ids ?? undefined;
  }

  /** A committed entry added: the list of its key, if held, gains the id. */
  added(ix: number, key: Buffer, id: string): void {
    const at = slot(ix, key);
    const ids = this.lists.get(at);
    if (!ids) return;
    const position = insertionPoint(ids, id);
    if (ids[position] === id) return;
    if (ids.length >= MAX_IDS) this.lists.set(at, null);
    else this.lists.set(at, [...ids.slice(0, position), id, ...ids.slice(position)]);
  }

  /** A committed entry removed: the list of its key, if held, loses the id. A key held as too large stays so. */
  removed(ix: number, key: Buffer, id: string): void {
    const at = slot(ix, key);
    const ids = this.lists.get(at);
    if (!ids) return;
    const position = insertionPoint(ids, id);
    if (ids[position] === id) this.lists.set(at, [...ids.slice(0, position), ...ids.slice(position + 1)]);
  }

  /** Forgets every list: indexes were created, dropped or rebuilt, and their numbers may be used again. */
  clear(): void {
    this.lists.clear();
  }
}

function slot(ix: number, key: Buffer): string {
  return `${ix}:${key.toString('latin1')}`;
}

/** Where `id` is or would go in the ascending list (ids compare as SQLite compares TEXT: JS order for the engine's ids). */
function insertionPoint(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ids[middle]! < id) low = middle + 1;
    else high = middle;
  }
  return low;
}
