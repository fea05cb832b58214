import type { OperationContext } from '../tenancy/index.js';
import { alive } from './record-state.js';
import { parseSelection } from './list-query.js';
import { expandRecords, parseExpand, withExpanded } from './expand.js';
import { presentRecord, type RecordView } from './record.js';
import { recordNotFound, recordObject } from './record-object.js';

export async function getRecord(ctx: OperationContext, objectName: string, id: string, fields?: string, expand?: string): Promise<RecordView> {
  const object = recordObject(ctx, objectName);
  const references = parseExpand(object, expand);
  const selection = withExpanded(parseSelection(object, fields), references);
  const record = await ctx.tenant.store.collection(object.collection).findOne(alive({ _id: id }));
  if (!record) throw recordNotFound(object, id);
  const view = presentRecord(record, selection);
  await expandRecords(ctx, [view], references);
  return view;
}
