import { nestsDeeperThan } from './json-document.js';

/**
 * The deepest value the API carries: request bodies nest at most this deep (the HTTP layer refuses
 * deeper ones), and JSON fields far less. A stored value nested deeper was written before those
 * limits; serializing it for a response, a history entry or an audit entry could overflow the
 * stack, so it is left out of them: it reads as absent, and the next write of the field replaces it.
 */
export const CARRIED_DEPTH = 100;

/** The value as the API may carry it: undefined for a value nested deeper than CARRIED_DEPTH. */
export function carriedValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' && nestsDeeperThan(value, CARRIED_DEPTH) ? undefined : value;
}

/** An old/new pair as a history or audit entry keeps it, each side carried (absent as null). */
export function carriedChange(change: { old: unknown; new: unknown }): { old: unknown; new: unknown } {
  return { old: carriedValue(change.old) ?? null, new: carriedValue(change.new) ?? null };
}
