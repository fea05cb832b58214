import type { CompiledObject } from '../metadata/compiled-object.js';
import { cloneDocument } from '../store/json-document.js';

/** Fills each field the client left out with its default, if it has one. */
export function applyDefaults(object: CompiledObject, values: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...values };
  for (const field of object.object.fields) {
    if (filled[field.name] === undefined && field.default !== undefined) filled[field.name] = cloneDocument(field.default);
  }
  return filled;
}
