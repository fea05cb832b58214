import type { Doc } from '../port.js';
import { uniqueKey, type StoredIndex } from './index-entries.js';

/**
 * One collection's writes in one unit of work: each written document (null where deleted) and,
 * per unique index, which of them holds which key, so a unit writing many documents checks each
 * one in constant time.
 */
export class CollectionOverlay {
  readonly docs = new Map<string, Doc | null>();
  /** The committed version of a written document (null: none) where the writer knew it, so the commit need not read it again. */
  readonly before = new Map<string, Doc | null>();
  private readonly keys = new Map<number, Map<string, string>>();

  /** A copy a later unit of work writes on, leaving this one as it was should that unit fail. */
  clone(): CollectionOverlay {
    const copy = new CollectionOverlay();
    for (const [id, doc] of this.docs) copy.docs.set(id, doc);
    for (const [id, doc] of this.before) copy.before.set(id, doc);
    for (const [ix, owners] of this.keys) copy.keys.set(ix, new Map(owners));
    return copy;
  }

  ownerOf(index: StoredIndex, key: string): string | undefined {
    return this.keys.get(index.ix)?.get(key);
  }

  set(id: string, doc: Doc | null, uniques: readonly StoredIndex[], committed?: Doc | null): void {
    if (committed !== undefined && !this.docs.has(id)) this.before.set(id, committed);
    const previous = this.docs.get(id);
    for (const index of uniques) {
      let owners = this.keys.get(index.ix);
      if (!owners) this.keys.set(index.ix, (owners = new Map()));
      const oldKey = uniqueKey(index, previous)?.toString('latin1');
      if (oldKey !== undefined && owners.get(oldKey) === id) owners.delete(oldKey);
      const newKey = uniqueKey(index, doc)?.toString('latin1');
      if (newKey !== undefined) owners.set(newKey, id);
    }
    this.docs.set(id, doc);
  }
}

/** The writes of one unit of work, per collection. */
export type Overlay = Map<string, CollectionOverlay>;

export function cloneOverlay(overlay: Overlay): Overlay {
  return new Map([...overlay].map(([collection, changes]) => [collection, changes.clone()]));
}

/** How many documents an overlay holds written, over every collection. */
export function writtenCount(overlay: Overlay): number {
  let count = 0;
  for (const changes of overlay.values()) count += changes.docs.size;
  return count;
}
