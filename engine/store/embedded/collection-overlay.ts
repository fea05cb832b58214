import type { Doc } from '../port.js';
import type { UniqueIndex } from './unique-index.js';

/**
 * One collection's writes in one unit of work: each written document (null where deleted) and,
 * per unique index, which of them holds which key, so a unit writing many documents checks each
 * one in constant time.
 */
export class CollectionOverlay {
  readonly docs = new Map<string, Doc | null>();
  private readonly keys = new Map<UniqueIndex, Map<string, string>>();

  ownerOf(index: UniqueIndex, key: string): string | undefined {
    return this.keys.get(index)?.get(key);
  }

  set(id: string, doc: Doc | null, indexes: readonly UniqueIndex[]): void {
    const previous = this.docs.get(id);
    for (const index of indexes) {
      let owners = this.keys.get(index);
      if (!owners) this.keys.set(index, (owners = new Map()));
      const oldKey = index.keyOf(previous);
      if (oldKey !== undefined && owners.get(oldKey) === id) owners.delete(oldKey);
      const newKey = index.keyOf(doc);
      if (newKey !== undefined) owners.set(newKey, id);
    }
    this.docs.set(id, doc);
  }
}

/** The writes of one unit of work, per collection. */
export type Overlay = Map<string, CollectionOverlay>;
