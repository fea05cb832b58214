import { ConflictError } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Collections } from '../../store/port.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { alive } from '../../metadata/record-shape/record-state.js';
import { msg } from '../../i18n/message.js';
import { guardTarget } from '../relationships/reference-guard.js';

/**
 * The references of a record about to come back that point at records no longer live. A record
 * deleted on its own is not part of a later delete of its parent, so that parent may be in the
 * recycle bin or purged by now. A detail cannot live without its master and a required lookup
 * cannot be empty: either refuses the restore (409). An optional lookup is cleared, as the
 * parent's delete would have done. Returns the fields to clear; `restoring` are the ids coming
 * back in the same restore, which count as live. A parent found live is guarded as a create's
 * reference check guards it (see guardTarget): a delete of it running alongside the restore
 * cannot both commit with it, so no restored record ends pointing at a parent in the bin.
 */
export async function goneReferences(
  tx: Collections,
  snapshot: Snapshot,
  object: CompiledObject,
  record: StoredRecord,
  restoring: ReadonlySet<string>,
): Promise<Record<string, ''>> {
  const cleared: Record<string, ''> = {};
  for (const field of object.object.fields) {
    if (field.type !== 'lookup' && field.type !== 'masterdetail') continue;
    const id = record[field.name];
    if (typeof id !== 'string' || restoring.has(id)) continue;
    const target = snapshot.object(field.target);
    if (target && (await tx.collection(target.collection).findOne(alive({ _id: id }), { projection: { _id: 1 } }))) {
      await guardTarget(tx, target.collection, id);
      continue;
    }
    if (field.type === 'lookup' && !field.required) {
      cleared[field.name] = '';
      continue;
    }
    throw new ConflictError(
      'parent_deleted',
      msg`This ${object.object.label} record points through '${field.name}' at ${field.target} ${id}, which has been deleted since; restore that record first.`,
      [{ path: `/${field.name}`, message: msg`${field.target} ${id} is not live` }],
    );
  }
  return cleared;
}
