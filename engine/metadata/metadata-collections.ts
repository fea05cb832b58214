/** Where a tenant's metadata lives in its store. */
export const META_DEFINITIONS = 'meta.definitions';
export const META_HISTORY = 'meta.history';
export const META_STATE = 'meta.state';
export const METADATA_VERSION_ID = 'metadata';
/** Counters of auto-number fields, one document per object field. */
export const COUNTERS = 'meta.counters';

export function definitionId(kind: string, name: string): string {
  return `${kind}:${name}`;
}
