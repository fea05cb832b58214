import { fieldAccess, recordAccess, withAccess } from '../../security/access/index.js';
import type { OperationContext } from '../../context/index.js';
import { carriedChange } from '../../store/carried-value.js';
import { recordNotFound, recordObject } from '../record-object.js';
import { historyCollection, type HistoryEntry } from './field-history.js';

/**
 * A record's history, newest first, for a user who may read the record (it may be in the recycle
 * bin: its history stays); changes of fields the user may not read are left out.
 */
export async function listHistory(ctx: OperationContext, objectName: string, id: string, limit: number): Promise<HistoryEntry[]> {
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'read');
  const record = await ctx.tenant.store.collection(object.collection).findOne(withAccess({ _id: id }, access), { projection: { _id: 1 } });
  if (!record) throw recordNotFound(object, id);
  const { hidden } = fieldAccess(ctx, object);
  const filter = hidden.size === 0 ? { record: id } : { record: id, field: { $nin: [...hidden] } };
  const entries = await ctx.tenant.store.collection<HistoryEntry>(historyCollection(object.name)).find(filter, { sort: { _id: -1 }, limit });
  // Entries written before values were bounded may hold one too deep to send.
  return entries.map((entry) => ('old' in entry ? { ...entry, ...carriedChange({ old: entry.old, new: entry.new }) } : entry));
}
