import type { AnyDefinition } from '../metadata/definition-validator.js';
import type { KindName, PackDefinition } from '../metadata/pack-kinds/index.js';
import { sameDocument } from '../store/json-document.js';
import type { InstalledPack } from './installed-packs.js';
import { itemKey, type PackItem } from './pack-items.js';
import type { Pack } from './read-pack.js';
import { threeWayMerge, type MergeConflict, type Resolution } from './three-way-merge.js';

/**
 * What an install or upgrade does to one definition:
 * - create: the tenant has none of that name;
 * - update: the pack's changes (merged with the tenant's own) change it;
 * - unchanged: it stays as the tenant has it (the same as the pack's, or only the tenant changed it);
 * - conflict: the tenant and the pack changed the same part differently, and no resolution says whose wins;
 * - kept-deleted: the tenant deleted it and the pack did not change it since: it stays deleted;
 * - dropped: the new version no longer ships it: the tenant keeps it as it is, the pack no longer tracks it.
 */
export type ItemAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'kept-deleted' | 'dropped';

export interface PlannedItem {
  readonly kind: KindName;
  readonly name: string;
  readonly action: ItemAction;
  /** The definition the tenant will have (create, update). */
  readonly next?: AnyDefinition | PackDefinition;
  /** The tenant's definition now, where it has one (update, the base of a conflict). */
  readonly current?: AnyDefinition | PackDefinition;
  readonly conflicts?: readonly MergeConflict[];
}

export interface PackPlan {
  readonly pack: string;
  /** The version installed now; null for a first install. */
  readonly from: string | null;
  readonly to: string;
  readonly items: readonly PlannedItem[];
  /** How many definitions change (created or updated). */
  readonly changes: number;
  /** How many conflicts are unresolved: the install is refused while any is. */
  readonly conflicts: number;
  /** What the install would break, in the reader's language (the tenant's processes and rules using actions the new version drops): it is refused while any is. */
  readonly problems?: readonly { readonly path: string; readonly message: string }[];
  /** With demo data asked for: how many demo records the install creates, per object (those an earlier install made are not made again). */
  readonly demoData?: Readonly<Record<string, number>>;
}

/** The admin's choices per item (`object:lead`), by conflict path (`/label/en`; `` for the whole definition). */
export type Resolutions = Readonly<Record<string, Readonly<Record<string, Resolution>>>>;

/**
 * Plans installing or upgrading a pack, definition by definition, by a three-way merge of the
 * version installed (`installed`, the base), the tenant's definitions now (`current`) and the
 * pack's new version: the tenant's customisations survive an upgrade, and nothing the tenant
 * changed is overwritten silently. Pure: it reads nothing and writes nothing.
 */
export function planPack(current: (kind: KindName, name: string) => AnyDefinition | PackDefinition | undefined, installed: InstalledPack | null, pack: Pack, resolutions: Resolutions = {}): PackPlan {
  const bases = new Map((installed?.items ?? []).map((item) => [itemKey(item.kind, item.name), item]));
  const items: PlannedItem[] = pack.items.map((item) => planItem(item, bases.get(itemKey(item.kind, item.name)), current(item.kind, item.name), resolutions[itemKey(item.kind, item.name)] ?? {}));
  const shipped = new Set(pack.items.map((item) => itemKey(item.kind, item.name)));
  for (const [key, base] of bases) {
    if (!shipped.has(key)) items.push({ kind: base.kind, name: base.name, action: 'dropped' });
  }
  return {
    pack: pack.manifest.name,
    from: installed?.version ?? null,
    to: pack.manifest.version,
    items,
    changes: items.filter((item) => item.action === 'create' || item.action === 'update').length,
    conflicts: items.reduce((count, item) => count + (item.conflicts?.length ?? 0), 0),
  };
}

function planItem(item: PackItem, base: PackItem | undefined, ours: AnyDefinition | PackDefinition | undefined, resolutions: Readonly<Record<string, Resolution>>): PlannedItem {
  const { kind, name } = item;
  const theirs = item.definition;
  if (ours === undefined) {
    if (base === undefined) return { kind, name, action: 'create', next: theirs };
    // Deleted by the tenant: it stays deleted unless the pack changed it since, which the admin decides.
    if (sameDocument(base.definition, theirs)) return { kind, name, action: 'kept-deleted' };
    const resolution = resolutions[''];
    if (resolution === 'theirs') return { kind, name, action: 'create', next: theirs };
    if (resolution === 'ours') return { kind, name, action: 'kept-deleted' };
    return { kind, name, action: 'conflict', conflicts: [{ path: '', base: base.definition, ours: undefined, theirs }] };
  }
  // Without a base (the tenant made one of that name itself), every part both have differently is a conflict.
  const { merged, conflicts } = threeWayMerge(base?.definition, ours, theirs, resolutions);
  if (conflicts.length > 0) return { kind, name, action: 'conflict', current: ours, conflicts };
  if (sameDocument(merged, ours)) return { kind, name, action: 'unchanged' };
  return { kind, name, action: 'update', current: ours, next: merged as AnyDefinition | PackDefinition };
}
