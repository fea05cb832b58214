import type { PackActionUse } from '../actions/index.js';
import { packActionUses } from '../actions/index.js';
import type { Snapshot } from '../metadata/snapshot.js';
import { DEFINITION_KINDS } from '../setup/operations/index.js';
import { itemKey } from './pack-items.js';

/** One place where a tenant's process or rule names an action of a pack. */
export interface TenantActionUse {
  /** The definition's key: `approvalProcess:po_approval`. */
  readonly key: string;
  /** Where in the definition: `/steps/0/onEnter/1/packAction`. */
  readonly path: string;
  readonly use: PackActionUse;
}

/** The processes and rules of the tenant that name actions of the pack, each use with its place. */
export function tenantActionUses(snapshot: Snapshot, pack: string): TenantActionUse[] {
  const uses: TenantActionUse[] = [];
  for (const kind of ['approvalProcess', 'automationRule'] as const) {
    for (const definition of DEFINITION_KINDS[kind].list(snapshot)) {
      for (const { path, use } of packActionUses(definition)) {
        if (use.pack === pack) uses.push({ key: itemKey(kind, definition.name), path, use });
      }
    }
  }
  return uses;
}
