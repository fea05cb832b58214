/** Where a tenant's metadata lives in its store. */
export const META_DEFINITIONS = 'meta.definitions';
export const META_HISTORY = 'meta.history';
export const META_STATE = 'meta.state';
export const METADATA_VERSION_ID = 'metadata';
/** Counters of auto-number fields, one document per object field. */
export const COUNTERS = 'meta.counters';

/** The counter document of one auto-number field. */
export function counterId(objectName: string, fieldName: string): string {
  return `${objectName}.${fieldName}`;
}

/**
 * Where personal list views live: beside the metadata, not in it. They are their owners' data, so
 * saving one neither builds a new metadata version for the whole tenant nor enters its history,
 * and a field an admin removes is never held back by someone's saved view (such a view is left
 * out when read, see narrowedView).
 */
export const PERSONAL_VIEWS = 'meta.personalViews';

export function definitionId(kind: string, name: string): string {
  return `${kind}:${name}`;
}
