import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { settleWrite } from '../../records/logic/follow-change.js';
import { appendAudit } from '../../audit/audit-log.js';
import { checkSetupRight } from '../../security/object-access.js';
import type { OperationContext } from '../../context/index.js';
import { SYSTEM_PRINCIPAL } from '../../context/principal.js';
import { backfillSettings } from '../backfills/backfill-settings.js';
import { hasDefault, missingDefaults } from '../../records/backfills/default-fill.js';
import { recordBackfill } from '../backfills/record-backfill.js';
import { getField } from './field-operations.js';
import { requireObject } from './require-object.js';

export interface AppliedDefault {
  /** Records that held no value of the field when asked. */
  records: number;
  /** Records given the default inside the request (an object of at most the inline limit); 0 when a backfill does it. */
  filled: number;
  /** The backfill giving it in the background, with its progress (GET /api/v1/meta/backfills/{id}). */
  backfill?: { _id: string; total: number; percent: number };
}

/**
 * Gives a field's default to the existing records that hold no value of it, as if they were created
 * now (a field added after the records were, whose default the admin wants on them too): inside the
 * request for a small object, else by a backfill in batches, with reads answering the default on the
 * fly and filters on the field 409 until it ends. Records holding a value keep it.
 */
export async function applyDefaultToExisting(ctx: OperationContext, objectName: string, fieldName: string): Promise<AppliedDefault> {
  checkSetupRight(ctx);
  getField(ctx, objectName, fieldName);
  const object = requireObject(ctx.snapshot, objectName);
  if (!hasDefault(object, fieldName)) {
    throw new ValidationError([{ path: `/fields/${fieldName}/default`, message: msg`is not set` }], msg`'${fieldName}' has no default to give the existing records: set one first.`);
  }
  const empty = { [fieldName]: null };
  return ctx.tenant.store.unitOfWork(async (tx) => {
    const records = tx.collection(object.collection);
    const missing = await records.count(empty);
    await appendAudit(tx, { actor: ctx.principal.userId, action: 'metadata.field.applyDefault', object: `object:${objectName}`, version: ctx.snapshot.version });
    if (missing === 0) return { records: 0, filled: 0 };
    if ((await records.count({})) > backfillSettings().inlineLimit) {
      const plan = { derivedPaths: [], rollups: [], defaults: [fieldName], total: await records.count({}) };
      const id = await recordBackfill(tx, ctx.snapshot.version, object, plan);
      return { records: missing, filled: 0, backfill: { _id: id, total: plan.total, percent: 0 } };
    }
    const logic = { snapshot: ctx.snapshot, principal: SYSTEM_PRINCIPAL };
    let filled = 0;
    for (const record of await records.find(empty)) {
      const values = await missingDefaults(tx, logic, object, [fieldName], record);
      if (Object.keys(values).length === 0) continue;
      const written = await records.findOneAndUpdate({ _id: record._id }, { $set: values });
      if (written) await settleWrite(tx, logic, object, record, written);
      filled++;
    }
    return { records: missing, filled };
  });
}
