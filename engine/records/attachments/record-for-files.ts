import type { CompiledObject } from '../../metadata/compiled-object.js';
import { recordAccess, withAccess } from '../../security/access/index.js';
import { checkRecordWrite } from '../../security/object-access.js';
import type { OperationContext } from '../../context/index.js';
import { checkNotLocked } from '../locked-record.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { unreachableRecord } from '../unreachable-record.js';

/**
 * The record whose files an operation reaches, checked as the record itself: reading its files
 * needs read access to it, adding or removing one needs edit access (and a record locked for
 * approval takes no changes). A record the user cannot see, or one in the recycle bin, has no
 * files for them (404), so its files stay hidden until it is restored.
 */
export async function recordForFiles(ctx: OperationContext, objectName: string, id: string, mode: 'read' | 'edit'): Promise<CompiledObject> {
  const object = recordObject(ctx, objectName);
  if (mode === 'edit') checkRecordWrite(ctx, object, 'edit');
  const access = await recordAccess(ctx, object, mode);
  const record = await ctx.tenant.store.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, access)));
  if (!record) throw mode === 'read' ? recordNotFound(object, id) : await unreachableRecord(ctx, object, id, 'edit');
  if (mode === 'edit') await checkNotLocked(ctx.tenant.store, ctx, object, record, 'edit');
  return object;
}
