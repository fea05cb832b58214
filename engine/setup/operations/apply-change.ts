import { checkSetupRight } from '../../security/object-access.js';
import type { OperationContext } from '../../context/index.js';
import type { MetadataChange } from '../../metadata/metadata-registry.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { checkPrecondition } from '../../metadata/definition-etag.js';

/**
 * Every metadata operation changes metadata through here, so none can skip the setup right (the
 * operations also check it first, before they read the body: access comes before validation) nor
 * its If-Match, checked against the very snapshot the change is planned on, under the registry's
 * lock: no other change can land between the check and the commit.
 */
export function applyChange(ctx: OperationContext, plan: (current: Snapshot) => MetadataChange): Promise<Snapshot> {
  checkSetupRight(ctx);
  const { precondition } = ctx;
  return ctx.tenant.metadata.apply((current) => {
    if (precondition) checkPrecondition(precondition, current);
    return plan(current);
  });
}
