/** How merges and diffs of definitions walk them: objects member by member, lists of named items item by item. */

export type Named = { name: string } & Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A list whose items all carry a `name` (fields, picklist values, steps, sections): addressed by name, not position. */
export function isNamedList(value: unknown): value is Named[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.name === 'string');
}

/** A key as a JSON pointer token (RFC 6901). */
export function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
