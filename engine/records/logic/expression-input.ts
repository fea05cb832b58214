import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Collections } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { presentRecord } from '../../metadata/record-shape/record.js';
import { alive } from '../../metadata/record-shape/record-state.js';

/** What computing a record's logic needs of its operation: the metadata, and who acts. */
export type LogicContext = Pick<OperationContext, 'snapshot' | 'principal'>;

/** What every expression of a record can bind besides its fields: `$user` and `$today`. */
export function expressionBindings(ctx: LogicContext): Record<string, unknown> {
  return { user: ctx.principal.userId, today: new Date().toISOString().slice(0, 10) };
}

/**
 * The input of a record's expressions: its fields, with each lookup that some expression reads
 * through replaced by the parent record itself (null when it has none), one read per parent.
 */
export async function expressionInput(
  reader: Collections,
  ctx: LogicContext,
  object: CompiledObject,
  record: Record<string, unknown>,
  lookups: ReadonlySet<string> = object.logic.parentsRead,
): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = { ...record };
  for (const lookup of lookups) {
    const field = object.field(lookup);
    const id = record[lookup];
    if (!field || (field.type !== 'lookup' && field.type !== 'masterdetail')) continue;
    const target = ctx.snapshot.object(field.target);
    const parent = typeof id === 'string' && target ? await reader.collection(target.collection).findOne(alive({ _id: id })) : null;
    input[lookup] = parent ? presentRecord(parent) : null;
  }
  return input;
}
