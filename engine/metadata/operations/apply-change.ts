import { checkSetupRight } from '../../security/object-access.js';
import type { OperationContext } from '../../tenancy/index.js';
import type { MetadataChange } from '../metadata-registry.js';
import type { Snapshot } from '../snapshot.js';

/** Every metadata operation changes metadata through here: the setup right is checked once, for all of them. */
export function applyChange(ctx: OperationContext, plan: (current: Snapshot) => MetadataChange): Promise<Snapshot> {
  checkSetupRight(ctx);
  return ctx.tenant.metadata.apply(plan);
}
