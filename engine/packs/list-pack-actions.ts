import { tenantActions } from '../actions/index.js';
import type { OperationContext } from '../context/index.js';
import { checkSetupRight } from '../security/object-access.js';

/** One pack action as the studio's action editors offer it. */
export interface PackActionView {
  readonly pack: string;
  readonly name: string;
  readonly label: { readonly en: string; readonly 'zh-CN'?: string; readonly 'zh-TW'?: string };
  /** The JSON Schema of its params, or null when it takes none. */
  readonly params: Readonly<Record<string, unknown>> | null;
}

/** The actions the packs installed in the tenant offer to its processes and rules, by pack then name. */
export function listPackActions(ctx: OperationContext): { actions: PackActionView[] } {
  checkSetupRight(ctx);
  return {
    actions: tenantActions(ctx.tenant)
      .all()
      .map(({ pack, name, action }) => ({ pack, name, label: action.label, params: action.params ?? null })),
  };
}
