import type { Doc, IndexSpec } from '../port.js';
import { encodeComponent, encodeValue, type Direction } from './key-encoding.js';
import { readPath } from './read-path.js';

/** An index as the embedded store keeps it: its spec, its number in SQLite, and whether any entry came from an array. */
export interface StoredIndex {
  readonly ix: number;
  readonly spec: IndexSpec;
  readonly fields: readonly string[];
  readonly directions: readonly Direction[];
  multikey: boolean;
  /** False while a background build fills it: commits keep its entries, the planner does not use it yet. */
  built: boolean;
}

export function storedIndex(ix: number, spec: IndexSpec, multikey: boolean, built = true): StoredIndex {
  const fields = Object.keys(spec.keys);
  return { ix, spec, fields, directions: fields.map((field) => (spec.keys[field] === -1 ? -1 : 1)), multikey, built };
}

/**
 * The keys a document has in an index, as MongoDB's multikey indexes hold them: every document has
 * at least one (null for a missing value, so that sorting by the index and equality with null can
 * use it), and a path through or ending in an array has one key per element. In a sparse index, a
 * document without a value in the first key has none.
 */
export function indexKeys(index: StoredIndex, doc: Doc): { keys: Buffer[]; multikey: boolean } {
  const { fields, directions } = index;
  // Most documents hold one value per indexed field: one key, the components concatenated.
  const found = fields.map((field) => valuesAt(doc, field));
  // A sparse index holds nothing of a document without a value in its first field, whatever its
  // other fields hold (so their arrays do not make the index multikey).
  if (index.spec.sparse && found[0]!.values.every((value) => value === null || value === undefined)) return { keys: [], multikey: false };
  const multikey = found.some((values) => values.array);
  if (found.every((values) => values.values.length === 1)) {
    const parts = found.map((values, i) => encodeComponent(values.values[0], directions[i]!));
    return { keys: [parts.length === 1 ? parts[0]! : Buffer.concat(parts)], multikey };
  }
  let prefixes: Buffer[] = [Buffer.alloc(0)];
  found.forEach((values, i) => {
    const parts = values.values.map((value) => encodeComponent(value, directions[i]!));
    prefixes = prefixes.flatMap((prefix) => parts.map((part) => Buffer.concat([prefix, part])));
  });
  const unique = new Map(prefixes.map((key) => [key.toString('latin1'), key]));
  return { keys: [...unique.values()], multikey };
}

/**
 * A document's key in a unique index: every field's whole value, or undefined when one is null or
 * missing, so that documents without a value never collide (the mongodb adapter's unique indexes
 * are partial on the keys existing, to the same effect).
 */
export function uniqueKey(index: StoredIndex, doc: Doc | null | undefined): Buffer | undefined {
  if (!doc) return undefined;
  const parts: Buffer[] = [];
  for (const field of index.fields) {
    const value = readPath(doc, field);
    if (value === undefined || value === null) return undefined;
    parts.push(encodeValue(value));
  }
  return Buffer.concat(parts);
}

/**
 * The values a dotted path reaches, following arrays at every step as MongoDB's query language does
 * ({ 'lines.sku': 'x' } matches a line among many). More values than a query could match only add
 * candidates, which the exact predicate then tests; fewer would lose matches, so nested arrays are
 * followed too.
 */
function valuesAt(doc: Doc, path: string): { values: unknown[]; array: boolean } {
  // A top-level field holding no array: its value (undefined when missing), as the walk below finds it.
  if (!path.includes('.')) {
    const value = doc[path];
    if (!Array.isArray(value)) return { values: [value], array: false };
  }
  const parts = path.split('.');
  const values: unknown[] = [];
  let array = false;
  const walk = (value: unknown, depth: number): void => {
    if (Array.isArray(value)) {
      array = true;
      if (depth === parts.length) {
        for (const item of value) values.push(item);
        return;
      }
      for (const item of value) if (item !== null && typeof item === 'object') walk(item, depth);
      // A numeric step may also name a position in the array.
      if (/^\d+$/.test(parts[depth]!)) walk(value[Number(parts[depth])], depth + 1);
      return;
    }
    if (depth === parts.length) values.push(value);
    else if (value !== null && typeof value === 'object' && !(value instanceof Date)) walk((value as Record<string, unknown>)[parts[depth]!], depth + 1);
    else values.push(null);
  };
  walk(doc, 0);
  if (values.length === 0) values.push(null);
  return { values, array };
}
