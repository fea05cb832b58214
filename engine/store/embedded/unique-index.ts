import type { Doc, IndexSpec } from '../port.js';

/**
 * A unique index held in memory: the key of every document that has all the indexed fields.
 * Documents missing one of the fields do not take part, like MongoDB's partial unique indexes
 * the mongodb adapter creates, so records without a value never collide.
 */
export class UniqueIndex {
  readonly spec: IndexSpec;
  private readonly fields: string[];
  private readonly owners = new Map<string, string>();

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.keys);
  }

  keyOf(doc: Doc | null | undefined): string | undefined {
    if (!doc) return undefined;
    const values: unknown[] = [];
    for (const field of this.fields) {
      const value = readPath(doc, field);
      if (value === undefined || value === null) return undefined;
      values.push(value);
    }
    return JSON.stringify(values);
  }

  ownerOf(key: string): string | undefined {
    return this.owners.get(key);
  }

  /** Moves a document's entry from its old version to its new one (either may be null). */
  replace(before: Doc | null | undefined, after: Doc | null | undefined): void {
    const oldKey = this.keyOf(before);
    if (oldKey !== undefined && this.owners.get(oldKey) === before?._id) this.owners.delete(oldKey);
    const newKey = this.keyOf(after);
    if (newKey !== undefined && after) this.owners.set(newKey, after._id);
  }

  get keys(): string[] {
    return this.fields;
  }
}

export function readPath(doc: Record<string, unknown>, path: string): unknown {
  if (!path.includes('.')) return doc[path];
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
