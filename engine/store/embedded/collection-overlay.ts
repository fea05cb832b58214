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
