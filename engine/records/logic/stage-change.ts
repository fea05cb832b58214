import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Collections } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import type { RecordChange } from '../validate-values.js';
import { applyObjectLogic } from './apply-logic.js';
import { setComputed } from './set-computed.js';

/**
 * The record as a change would leave it: the values set, the cleared fields gone, its formulas
 * computed on the result and its validation rules checked (422). Nothing is stored.
 */
export async function stageChange(tx: Collections, ctx: OperationContext, object: CompiledObject, record: StoredRecord, change: RecordChange): Promise<StoredRecord> {
  const next: Record<string, unknown> = { ...record, ...change.values };
  for (const name of change.cleared) delete next[name];
  setComputed(next, await applyObjectLogic(tx, ctx, object, next));
  return next as StoredRecord;
}
