import { cloneDocument } from '../json-document.js';
import type { Doc, Update } from '../port.js';

/** Applies $set, $unset and $inc (dotted paths allowed) to a copy of `doc`, as MongoDB would. */
export function applyUpdate<T extends Doc>(doc: T, update: Update): T {
  const next = cloneDocument(doc) as Record<string, unknown>;
  for (const [path, value] of Object.entries(update.$set ?? {})) setPath(next, path, cloneDocument(value));
  for (const path of Object.keys(update.$unset ?? {})) unsetPath(next, path);
  for (const [path, amount] of Object.entries(update.$inc ?? {})) {
    const current = getPath(next, path);
    if (current !== undefined && typeof current !== 'number') {
      throw new TypeError(`Cannot apply $inc to the non-numeric field '${path}'`);
    }
    setPath(next, path, (current ?? 0) + amount);
  }
  if (next._id !== doc._id) throw new TypeError('An update cannot change _id');
  return next as T;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  let value: unknown = target;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    if (child === null || typeof child !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function unsetPath(target: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, unknown>)[part];
  }
  if (node !== null && typeof node === 'object') delete (node as Record<string, unknown>)[parts[parts.length - 1]!];
}

/**
 * The document an upsert creates: the filter's equalities, then the update applied to them. As in
 * MongoDB, an equality is a plain value, an array or an embedded document, or an operator
 * expression holding $eq; other conditions ($gt, $in, ...) add nothing.
 */
export function upsertSeed(filter: Record<string, unknown>, id: string): Doc {
  const seed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) continue;
    if (!isOperatorExpression(value)) setPath(seed, key, cloneDocument(value));
    else if ('$eq' in value) setPath(seed, key, cloneDocument(value.$eq));
  }
  return { ...seed, _id: typeof seed._id === 'string' ? seed._id : id };
}

function isOperatorExpression(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}
