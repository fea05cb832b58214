import { cloneDocument } from '../json-document.js';
import type { Doc, Update } from '../port.js';

/**
 * Applies $set, $unset and $inc (dotted paths allowed) as MongoDB would, to a copy of `doc` that
 * shares every member the update leaves alone: committed documents are frozen, so sharing is safe,
 * and a commit then sees at a glance (same reference) which indexed values did not change.
 */
export function applyUpdate<T extends Doc>(doc: T, update: Update): T {
  const copied = new Set<object>();
  const next = ownCopy(doc as Record<string, unknown>, copied);
  for (const [path, value] of Object.entries(update.$set ?? {})) setPath(next, path, cloneDocument(value), copied);
  for (const path of Object.keys(update.$unset ?? {})) unsetPath(next, path, copied);
  for (const [path, amount] of Object.entries(update.$inc ?? {})) {
    const current = getPath(next, path);
    if (current !== undefined && typeof current !== 'number') {
      throw new TypeError(`Cannot apply $inc to the non-numeric field '${path}'`);
    }
    setPath(next, path, (current ?? 0) + amount, copied);
  }
  if (next._id !== doc._id) throw new TypeError('An update cannot change _id');
  return next as T;
}

/** A shallow copy of a container, made once per update: the update's own copies are changed in place. */
function ownCopy(node: Record<string, unknown>, copied: Set<object>): Record<string, unknown> {
  if (copied.has(node)) return node;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string, unknown>;
  copied.add(copy);
  return copy;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  let value: unknown = target;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Sets a dotted path, copying the containers on the way (without `copied`: changing them in place, for a fresh seed). */
function setPath(target: Record<string, unknown>, path: string, value: unknown, copied?: Set<object>): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    if (child === null || typeof child !== 'object') {
      node[part] = {};
      copied?.add(node[part] as object);
    } else if (copied) {
      node[part] = ownCopy(child as Record<string, unknown>, copied);
    }
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function unsetPath(target: Record<string, unknown>, path: string, copied: Set<object>): void {
  const parts = path.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    const child: unknown = (node as Record<string, unknown>)[part];
    if (child === null || typeof child !== 'object') return;
    node = (node as Record<string, unknown>)[part] = ownCopy(child as Record<string, unknown>, copied);
  }
  delete (node as Record<string, unknown>)[parts[parts.length - 1]!];
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
