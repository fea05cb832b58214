import type { Doc, IndexSpec } from '../port.js';
import { DuplicateKeyError } from '../duplicate-key-error.js';
import { freezeDocument } from '../json-document.js';
import { UniqueIndex } from './unique-index.js';
import { ValueIndex } from './value-index.js';

/** The committed state of one collection, held in memory; SQLite holds the same, durably. */
export class MemoryCollection {
  readonly name: string;
  readonly docs = new Map<string, Doc>();
  private uniques: UniqueIndex[] = [];
  private values: ValueIndex[] = [];
  private specs: IndexSpec[] = [];

  constructor(name: string, docs: Doc[], specs: IndexSpec[]) {
    this.name = name;
    for (const doc of docs) this.docs.set(doc._id, freezeDocument(doc));
    this.setIndexes(specs);
  }

  get indexes(): IndexSpec[] {
    return this.specs;
  }

  get uniqueIndexes(): readonly UniqueIndex[] {
    return this.uniques;
  }

  get valueIndexes(): readonly ValueIndex[] {
    return this.values;
  }

  /** Rebuilds the unique indexes; refuses (and keeps the old ones) when the data already has duplicates. */
  setIndexes(specs: IndexSpec[]): void {
    // An index whose spec did not change keeps its entries: a metadata change that adds a field
    // must not rebuild every unique index of a large collection.
    const kept = new Map(this.uniques.map((index) => [JSON.stringify(index.spec), index]));
    const uniques = specs.filter((spec) => spec.unique).map((spec) => kept.get(JSON.stringify(spec)) ?? new UniqueIndex(spec));
    for (const index of uniques) {
      if (this.uniques.includes(index)) continue;
      for (const doc of this.docs.values()) {
        const key = index.keyOf(doc);
        if (key !== undefined && index.ownerOf(key) !== undefined) {
          throw new DuplicateKeyError(this.name, index.spec.name, index.keys);
        }
        index.replace(null, doc);
      }
    }
    this.uniques = uniques;
    this.values = this.valueIndexesFor(specs);
    this.specs = specs;
  }

  /** Single-field non-unique indexes, kept when unchanged and built from the documents when new. */
  private valueIndexesFor(specs: IndexSpec[]): ValueIndex[] {
    const fields = specs.filter((spec) => !spec.unique && Object.keys(spec.keys).length === 1).map((spec) => Object.keys(spec.keys)[0]!);
    return fields.map((field) => {
      const existing = this.values.find((index) => index.field === field);
      if (existing) return existing;
      const index = new ValueIndex(field);
      for (const doc of this.docs.values()) index.replace(null, doc);
      return index;
    });
  }

  /** Applies a committed change to the documents and to every unique index. */
  apply(id: string, doc: Doc | null): void {
    const before = this.docs.get(id);
    for (const index of this.uniques) index.replace(before, doc);
    for (const index of this.values) index.replace(before, doc);
    if (doc) this.docs.set(id, freezeDocument(doc));
    else this.docs.delete(id);
  }
}
