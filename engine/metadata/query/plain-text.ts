import { fieldTypeOf, type ResolvedField } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';

/** Where a record keeps the plain text of its fields whose values are markup (rich text). */
export const PLAIN_TEXT = '_text';

/** The store path of a field's plain text: what `contains` and the global search match. */
export function plainTextPath(field: string): string {
  return `${PLAIN_TEXT}.${field}`;
}

/** The fields of an object whose text is kept apart from their values. */
export function plainTextFields(object: CompiledObject): ResolvedField[] {
  return object.object.fields.filter((field) => fieldTypeOf(field).plainText !== undefined);
}

/**
 * The plain text of a record's markup fields, as it is stored beside them at every write: derived
 * like a converted amount, so searching it runs in the store query without reading the HTML.
 * Null when no field holds text (the record keeps no `_text` then).
 */
export function plainTextOf(object: CompiledObject, record: Record<string, unknown>): Record<string, string> | null {
  const texts: Record<string, string> = {};
  for (const field of plainTextFields(object)) {
    const text = record[field.name] === undefined || record[field.name] === null ? null : fieldTypeOf(field).plainText!(record[field.name]);
    if (text !== null) texts[field.name] = text;
  }
  return Object.keys(texts).length > 0 ? texts : null;
}
