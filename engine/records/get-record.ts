import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import type { OperationContext } from '../context/index.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { parseSelection } from '../metadata/query/list-query.js';
import { expandRecords, parseExpand, withExpanded } from './expand.js';
import { presentRecord, type RecordView } from '../metadata/record-shape/record.js';
import { recordNotFound, recordObject } from './record-object.js';
import { completeOnTheFly, runningBackfill } from './backfills/backfill-reads.js';

/** One record as the user may see it; one the user may not see does not exist for them (404). */
export async function getRecord(ctx: OperationContext, objectName: string, id: string, fields?: string, expand?: string): Promise<RecordView> {
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'read');
  const { hidden } = fieldAccess(ctx, object);
  const references = parseExpand(object, expand, hidden);
  const selection = withExpanded(parseSelection(object, fields, hidden), references);
  const record = await ctx.tenant.store.collection(object.collection).findOne(alive(withAccess({ _id: id }, access)));
  if (!record) throw recordNotFound(object, id);
  // A value a backfill has not reached yet is computed now: nobody reads a stale one.
  const [current] = await completeOnTheFly(ctx.tenant.store, ctx.snapshot, object, await runningBackfill(ctx.tenant.store, object.name), [record]);
  const view = presentRecord(current!, selection, hidden);
  await expandRecords(ctx, [view], references);
  return view;
}
