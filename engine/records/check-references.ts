import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { alive } from './record-state.js';
import type { Snapshot } from '../metadata/snapshot.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Collections } from '../store/port.js';

/** Every lookup and master-detail value must name an existing record of its target, in this unit of work. */
export async function checkReferences(
  tx: Collections,
  snapshot: Snapshot,
  object: CompiledObject,
  values: Record<string, unknown>,
): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = object.field(name);
    if (!field || (field.type !== 'lookup' && field.type !== 'masterdetail') || typeof value !== 'string') continue;
    const target = snapshot.object(field.target);
    const found = target ? await tx.collection(target.collection).findOne(alive({ _id: value }), { projection: { _id: 1 } }) : null;
    if (!found) problems.push({ path: `/${name}`, message: `there is no ${field.target} record with id '${value}'` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
