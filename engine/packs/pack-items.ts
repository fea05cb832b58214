import { KINDS, type AnyDefinition, type MetadataKind } from '../metadata/kinds/index.js';
import type { KindName, PackDefinition } from '../metadata/pack-kinds/index.js';

/** One definition a pack ships, as its file holds it. */
export interface PackItem {
  /** The platform's kind, or one a pack adds. */
  readonly kind: KindName;
  readonly name: string;
  readonly definition: AnyDefinition | PackDefinition;
}

/**
 * The folder under metadata/ that holds each kind's files, one file per definition named after it
 * (metadata/objects/lead.json): the kind's path under /api/v1/meta, for the kinds of the registry
 * packs hold (`inPacks`), in its order. Currencies are left out on purpose: a tenant's currencies
 * and exchange rates are its own data, which no pack should overwrite.
 */
export const KIND_FOLDERS: Readonly<Partial<Record<MetadataKind, string>>> = Object.fromEntries(KINDS.filter((entry) => entry.inPacks).map((entry) => [entry.kind, entry.path]));

const KIND_ORDER = Object.keys(KIND_FOLDERS);

/** Where a kind comes in a plan: the platform's in the registry's order, then packs' kinds (which may name any of those), by name. */
function kindOrder(kind: KindName): number {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
}

/** A pack's items in the order plans list them: objects first, then what builds on them, each kind by name. */
export function inPackOrder<T extends { kind: KindName; name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/** How plans, resolutions and the install record name an item: `object:lead`. */
export function itemKey(kind: KindName, name: string): string {
  return `${kind}:${name}`;
}
