import { checkSetupRight } from '../../security/object-access.js';
import type { OperationContext } from '../../tenancy/index.js';
import type { MetadataChange } from '../metadata-registry.js';
import type { Snapshot } from '../snapshot.js';

/**
 * Every metadata operation changes metadata through here, so none can skip the setup right (the
 * operations also check it first, before they read the body: access comes before validation).
 */
export function applyChange(ctx: OperationContext, plan: (current: Snapshot) => MetadataChange): Promise<Snapshot> {
  checkSetupRight(ctx);
  return ctx.tenant.metadata.apply(plan);
}
