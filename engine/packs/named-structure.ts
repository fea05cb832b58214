/** How merges and diffs of definitions walk them: objects member by member, lists of named items item by item. */
import { isPlainObject } from '../store/plain-object.js';

export type Named = { name: string } & Record<string, unknown>;

/** A list whose items all carry a `name` (fields, picklist values, steps, sections): addressed by name, not position. */
export function isNamedList(value: unknown): value is Named[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.name === 'string');
}
