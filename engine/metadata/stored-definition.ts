import { kindOf, type AnyDefinition, type MetadataKind } from './kinds/index.js';
import type { Snapshot } from './snapshot.js';

/** A definition as the snapshot keeps it, by kind and name; undefined when there is none. */
export function storedDefinition(snapshot: Snapshot, kind: MetadataKind, name: string): AnyDefinition | undefined {
  return kindOf(kind).find(snapshot, name);
}
