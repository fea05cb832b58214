import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { LocalizedText } from '../../../shared/i18n/localize';

/** A pack installed in the tenant, as GET /packs lists it (engine/packs/list-packs.ts). */
export interface InstalledPack {
  readonly name: string;
  readonly version: string;
  readonly label: LocalizedText;
  readonly installedAt: string;
  readonly installedBy: string;
  readonly items: number;
}

/** A pack of the packs folder; one that cannot be installed carries its problems. */
export interface AvailablePack {
  readonly name: string;
  readonly version?: string;
  readonly label?: LocalizedText;
  readonly description?: LocalizedText;
  readonly items?: number;
  /** Demo records it holds (data/): the plan drawer offers to create them. */
  readonly demoRecords?: number;
  readonly problems?: readonly { path: string; message: string }[];
}

export type ItemAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'kept-deleted' | 'dropped';

export interface MergeConflict {
  readonly path: string;
  readonly base?: unknown;
  readonly ours?: unknown;
  readonly theirs?: unknown;
}

export interface PlannedItem {
  readonly kind: string;
  readonly name: string;
  readonly action: ItemAction;
  readonly conflicts?: readonly MergeConflict[];
}

/** What installing or upgrading a pack does, item by item (engine/packs/plan-pack.ts). */
export interface PackPlan {
  readonly pack: string;
  readonly from: string | null;
  readonly to: string;
  readonly items: readonly PlannedItem[];
  readonly changes: number;
  readonly conflicts: number;
  /** With demo data asked for: the demo records created, per object. */
  readonly demoData?: Readonly<Record<string, number>>;
  /** What the install would break (processes and rules using actions the new version drops), in the reader's language: refused while any. */
  readonly problems?: readonly { readonly path: string; readonly message: string }[];
}

/** Per definition (`object:lead`), per conflict path, whose change wins. */
export type Resolutions = Record<string, Record<string, 'ours' | 'theirs'>>;

export const PACKS_KEY = ['packs'] as const;

export const packsQuery = queryOptions({
  queryKey: PACKS_KEY,
  queryFn: () => api<{ installed: InstalledPack[]; available: AvailablePack[] }>('/packs'),
});

export function planPack(name: string, resolutions: Resolutions, demoData: boolean): Promise<{ plan: PackPlan }> {
  return api('/packs/plan', { method: 'POST', body: { name, resolutions, demoData } });
}

export function installPack(name: string, resolutions: Resolutions, demoData: boolean): Promise<{ plan: PackPlan; version: number }> {
  return api('/packs/install', { method: 'POST', body: { name, resolutions, demoData } });
}

export function uninstallPack(name: string, force: boolean): Promise<{ removed: string[]; version: number }> {
  return api(`/packs/${encodeURIComponent(name)}`, { method: 'DELETE', query: { force: force ? 'true' : undefined } });
}

/** How plans and resolutions name a definition. */
export const itemKey = (item: Pick<PlannedItem, 'kind' | 'name'>) => `${item.kind}:${item.name}`;
