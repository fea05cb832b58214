import { KINDS, type AnyDefinition, type MetadataKind } from '../metadata/kinds/index.js';

/** One definition a pack ships, as its file holds it. */
export interface PackItem {
  readonly kind: MetadataKind;
  readonly name: string;
  readonly definition: AnyDefinition;
}

/**
 * The folder under metadata/ that holds each kind's files, one file per definition named after it
 * (metadata/objects/lead.json): the kind's path under /api/v1/meta, for the kinds of the registry
 * packs hold (`inPacks`), in its order. Currencies are left out on purpose: a tenant's currencies
 * and exchange rates are its own data, which no pack should overwrite.
 */
export const KIND_FOLDERS: Readonly<Partial<Record<MetadataKind, string>>> = Object.fromEntries(KINDS.filter((entry) => entry.inPacks).map((entry) => [entry.kind, entry.path]));

const KIND_ORDER = Object.keys(KIND_FOLDERS);

/** A pack's items in the order plans list them: objects first, then what builds on them, each kind by name. */
export function inPackOrder<T extends { kind: MetadataKind; name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
}

/** How plans, resolutions and the install record name an item: `object:lead`. */
export function itemKey(kind: MetadataKind, name: string): string {
  return `${kind}:${name}`;
}
