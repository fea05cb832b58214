import type { OperationContext } from '../tenancy/index.js';
import { checkVersion } from './expected-version.js';
import type { StoredRecord } from './record.js';
import { recordNotFound, recordObject } from './record-object.js';

export async function deleteRecord(ctx: OperationContext, objectName: string, id: string, expectedVersion?: number): Promise<void> {
  const object = recordObject(ctx, objectName);
  await ctx.tenant.store.unitOfWork(async (tx) => {
    const records = tx.collection<StoredRecord>(object.collection);
    const current = await records.findOne({ _id: id });
    if (!current) throw recordNotFound(object, id);
    checkVersion(expectedVersion, current._version);
    await records.deleteOne({ _id: id, _version: current._version });
  });
}
