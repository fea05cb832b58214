import type { CompiledObject } from '../metadata/compiled-object.js';

/** Fills each field the client left out with its default, if it has one. */
export function applyDefaults(object: CompiledObject, values: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...values };
  for (const field of object.object.fields) {
    if (filled[field.name] === undefined && field.default !== undefined) filled[field.name] = structuredClone(field.default);
  }
  return filled;
}
