import type { AnyDefinition } from './kinds/index.js';
import { kindIn, type KindName, type PackDefinition } from './pack-kinds/index.js';
import type { Snapshot } from './snapshot.js';

/** A definition as the snapshot keeps it, by kind (the platform's, or one of the tenant's packs') and name; undefined when there is none. */
export function storedDefinition(snapshot: Snapshot, kind: KindName, name: string): AnyDefinition | PackDefinition | undefined {
  return kindIn(snapshot, kind)?.find(snapshot, name) as AnyDefinition | PackDefinition | undefined;
}
