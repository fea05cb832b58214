import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { derivedFrom } from '../metadata/query/derived-fields.js';

/**
 * The decimal places of a numeric field, which its sums and roll-ups are exact to: its own scale
 * (number, currency, percent, numeric formula), that of the amount a `__corporate` value converts,
 * that of the field a roll-up summarizes (a count has none). Undefined for anything else.
 */
export function fieldScale(snapshot: Snapshot, object: CompiledObject, name: string, depth = 0): number | undefined {
  const field = object.field(name) ?? derivedFrom(object, name);
  // The depth bound only guards against a definition that summarizes itself in a circle.
  if (!field || depth > 10) return undefined;
  if ('scale' in field) return field.scale;
  if (field.type !== 'rollup') return undefined;
  if (field.function === 'count') return 0;
  const child = snapshot.object(field.child);
  return child && field.field ? fieldScale(snapshot, child, field.field, depth + 1) : undefined;
}
