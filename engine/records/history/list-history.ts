import type { OperationContext } from '../../tenancy/index.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { historyCollection, type HistoryEntry } from './field-history.js';

/** A record's history, newest first; the record may be in the recycle bin (its history stays). */
export async function listHistory(ctx: OperationContext, objectName: string, id: string, limit: number): Promise<HistoryEntry[]> {
  const object = recordObject(ctx, objectName);
  const record = await ctx.tenant.store.collection(object.collection).findOne({ _id: id }, { projection: { _id: 1 } });
  if (!record) throw recordNotFound(object, id);
  return ctx.tenant.store.collection<HistoryEntry>(historyCollection(object.name)).find({ record: id }, { sort: { _id: -1 }, limit });
}
