import { sameDocument } from '../store/json-document.js';
import { isPlainObject } from '../store/plain-object.js';
import { pointerToken } from './json-pointer.js';
import { isNamedList, type Named } from './named-structure.js';

/** Where the two sides of an upgrade changed the same part differently. */
export interface MergeConflict {
  /** A JSON pointer into the definition; members of a list of named items are addressed by name (`/fields/amount/label`). */
  readonly path: string;
  /** As the pack's installed version had it (undefined: absent). */
  readonly base: unknown;
  /** As the tenant has it now. */
  readonly ours: unknown;
  /** As the pack's new version has it. */
  readonly theirs: unknown;
}

/** How the admin settled a conflict: keep the tenant's value, or take the pack's. */
export type Resolution = 'ours' | 'theirs';

export interface MergeResult {
  /** The merged value; at an unresolved conflict, the tenant's (nothing is overwritten silently). */
  readonly merged: unknown;
  readonly conflicts: MergeConflict[];
}

/**
 * Merges the pack's new version of a definition (`theirs`) into the tenant's (`ours`), given the
 * version both started from (`base`), as git merges a file but by structure rather than by line:
 * a part only one side changed takes that side's value, a part both changed alike takes it, and a
 * part both changed differently is a conflict, settled by `resolutions` (by path) or kept as the
 * tenant has it and reported. Objects merge member by member; lists whose items all carry a
 * `name` (fields, picklist values, steps, sections) merge item by item, so a field the tenant
 * added and one the pack added both land; any other list is one value.
 */
export function threeWayMerge(base: unknown, ours: unknown, theirs: unknown, resolutions: Readonly<Record<string, Resolution>> = {}): MergeResult {
  const conflicts: MergeConflict[] = [];
  const merged = mergeAt('', base, ours, theirs, resolutions, conflicts);
  return { merged, conflicts };
}

function mergeAt(path: string, base: unknown, ours: unknown, theirs: unknown, resolutions: Readonly<Record<string, Resolution>>, conflicts: MergeConflict[]): unknown {
  if (sameDocument(ours, theirs)) return ours;
  if (sameDocument(base, ours)) return theirs;
  if (sameDocument(base, theirs)) return ours;
  if (isPlainObject(ours) && isPlainObject(theirs)) return mergeObjects(path, isPlainObject(base) ? base : {}, ours, theirs, resolutions, conflicts);
  if (isNamedList(ours) && isNamedList(theirs)) return mergeNamedLists(path, isNamedList(base) ? base : [], ours, theirs, resolutions, conflicts);
  const resolution = resolutions[path];
  if (resolution === 'theirs') return theirs;
  if (resolution !== 'ours') conflicts.push({ path, base, ours, theirs });
  return ours;
}

function mergeObjects(
  path: string,
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  resolutions: Readonly<Record<string, Resolution>>,
  conflicts: MergeConflict[],
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  // The tenant's key order first, then what only the pack has, in its order: the stored file stays stable.
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const value = mergeAt(`${path}/${pointerToken(key)}`, base[key], ours[key], theirs[key], resolutions, conflicts);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function mergeNamedLists(path: string, base: Named[], ours: Named[], theirs: Named[], resolutions: Readonly<Record<string, Resolution>>, conflicts: MergeConflict[]): Named[] {
  const byName = (list: Named[]) => new Map(list.map((item) => [item.name, item]));
  const [baseItems, ourItems, theirItems] = [byName(base), byName(ours), byName(theirs)];
  const merged = new Map<string, Named>();
  const mergeItem = (name: string) => {
    const value = mergeAt(`${path}/${pointerToken(name)}`, baseItems.get(name), ourItems.get(name), theirItems.get(name), resolutions, conflicts);
    if (value !== undefined) merged.set(name, value as Named);
  };
  // The tenant's order, with each item the pack added placed after the item it follows in the pack.
  for (const item of ours) mergeItem(item.name);
  const order = ours.map((item) => item.name);
  theirs.forEach((item, index) => {
    // One the tenant removed stays removed unless the pack changed it since (a conflict).
    if (ourItems.has(item.name)) return;
    mergeItem(item.name);
    if (!merged.has(item.name)) return;
    const previous = index > 0 ? order.indexOf(theirs[index - 1]!.name) : -1;
    order.splice(previous + 1, 0, item.name);
  });
  return order.filter((name) => merged.has(name)).map((name) => merged.get(name)!);
}
