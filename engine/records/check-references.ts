import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { recordAccess, withAccess } from '../security/access/index.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { msg } from '../i18n/message.js';
import { guardTarget } from './relationships/reference-guard.js';

/**
 * Every lookup and master-detail value must name an existing record of its target, in this unit
 * of work, that the user may reach: read for a lookup, edit for a master (adding a detail changes
 * its master). A record the user may not reach is reported as missing: it does not exist for them.
 * A target found is guarded (see guardTarget), so that a delete running alongside cannot miss it.
 */
export async function checkReferences(tx: Collections, ctx: OperationContext, object: CompiledObject, values: Record<string, unknown>): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = object.field(name);
    if (!field || (field.type !== 'lookup' && field.type !== 'masterdetail') || typeof value !== 'string') continue;
    const target = ctx.snapshot.object(field.target);
    let found = null;
    if (target) {
      const access = await recordAccess(ctx, target, field.type === 'masterdetail' ? 'edit' : 'read').catch(() => null);
      found = access === null ? null : await tx.collection(target.collection).findOne(alive(withAccess({ _id: value }, access)), { projection: { _id: 1 } });
    }
    if (found) await guardTarget(tx, target!.collection, value);
    else problems.push({ path: `/${name}`, message: field.type === 'masterdetail' ? msg`there is no ${field.target} record with id '${value}' that you may edit` : msg`there is no ${field.target} record with id '${value}'` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
