import { checkObjectRight, fieldAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../context/index.js';
import { binScope } from './bin-scope.js';
import { presentRecord, type RecordView, type StoredRecord } from '../../metadata/record-shape/record.js';
import { recordObject } from '../record-object.js';
import { inRecycleBin } from '../../metadata/record-shape/record-state.js';

export interface RecycleBinEntry {
  record: RecordView;
  deletedAt: string;
  deletedBy: string;
  /** The detail records that went with it and come back with it. */
  alsoDeleted: number;
}

/**
 * The records of one object that were deleted (not those that went with a master), newest first:
 * those the user deleted, or all for those who may modify all of the object's records.
 */
export async function listRecycleBin(ctx: OperationContext, objectName: string, limit: number): Promise<RecycleBinEntry[]> {
  const object = recordObject(ctx, objectName);
  checkObjectRight(ctx, object, 'read');
  const { hidden } = fieldAccess(ctx, object);
  const records = ctx.tenant.store.collection<StoredRecord>(object.collection);
  const deleted = await records.find(inRecycleBin(binScope(ctx, object)), { sort: { _deletedAt: -1, _id: 1 } });
  const roots = deleted.filter((record) => record._deletedWith === record._id).slice(0, limit);
  return Promise.all(
    roots.map(async (record) => ({
      record: presentRecord({ ...record, ...record._parked }, undefined, hidden),
      deletedAt: record._deletedAt ?? '',
      deletedBy: record._deletedBy ?? '',
      alsoDeleted: await countDeletedWith(ctx, record._id),
    })),
  );
}

async function countDeletedWith(ctx: OperationContext, rootId: string): Promise<number> {
  let count = 0;
  for (const object of ctx.snapshot.objects.values()) {
    count += await ctx.tenant.store.collection(object.collection).count(inRecycleBin({ _deletedWith: rootId }));
  }
  return count - 1;
}
