import type { Store } from '../../store/port.js';
import type { MetadataChange } from '../metadata-registry.js';
import type { Snapshot } from '../snapshot.js';

/**
 * What a change of shared list views does once committed: the objects the views list (before and
 * after the change) get their indexes ensured again, so that a field a saved view filters or sorts
 * by is indexed (and one no view needs any more is not). An object whose indexes did not change
 * costs a comparison of specs: the store keeps what it already has.
 */
export function listViewIndexes(definitions: readonly unknown[]): Pick<MetadataChange, 'afterCommit'> {
  const objects = new Set<string>();
  for (const definition of definitions) {
    if (definition !== null && typeof definition === 'object' && 'object' in definition && typeof definition.object === 'string') objects.add(definition.object);
  }
  if (objects.size === 0) return {};
  return {
    async afterCommit(store: Store, after: Snapshot) {
      for (const name of objects) {
        const compiled = after.object(name);
        if (compiled) await store.ensureIndexes(compiled.collection, [...compiled.indexes]);
      }
    },
  };
}
