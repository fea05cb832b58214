import { KINDS, isMetadataKind, kindOf, type KindApi, type KindDescription, type MetadataKind, type Verb } from '../kinds/index.js';
import type { Snapshot } from '../snapshot.js';

/** A kind's name: one of the platform's (MetadataKind), or one a pack installed in the tenant adds. */
export type KindName = MetadataKind | (string & {});

/** Any kind, as what serves every kind alike reads it (the history, ETags, packs). */
export type AnyKind = KindDescription<string, { readonly name: string }, Verb, KindApi | null>;

/** A kind of the tenant whose snapshot this is: built in, or added by one of its packs; undefined for neither. */
export function kindIn(snapshot: Snapshot, kind: string): AnyKind | undefined {
  return isMetadataKind(kind) ? (kindOf(kind) as unknown as AnyKind) : snapshot.packKinds.kind(kind);
}

/** The tenant's kinds: the platform's in the registry's order, then its packs' by name. */
export function tenantKinds(snapshot: Snapshot): AnyKind[] {
  return [...(KINDS as readonly unknown[] as readonly AnyKind[]), ...snapshot.packKinds.all()];
}
