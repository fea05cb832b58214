/** An object literal's kind of value (a document, a filter, a pipeline stage): not null, not a list. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
