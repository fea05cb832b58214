import { ConflictError } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import type { Collections } from '../../store/port.js';
import type { StoredRecord } from '../../metadata/record-shape/record.js';
import { alive, type ClearedLink } from '../../metadata/record-shape/record-state.js';
import { relationshipsOf } from './relationship-map.js';
import { byCount, msg } from '../../i18n/message.js';

/** What deleting one record takes with it. */
export interface DeletionPlan {
  /** The record and its master-detail descendants, each with its object. */
  records: { object: CompiledObject; record: StoredRecord }[];
  /** Lookups to any of them that the delete clears (onDelete: clear). */
  cleared: ClearedLink[];
}

const SAMPLE = 5;

/**
 * Works out a delete before anything is written: detail records go with their master (all the
 * way down), lookups with onDelete 'restrict' refuse it while live records point at any record
 * going, and lookups with 'clear' are listed to be cleared.
 */
export async function planDeletion(tx: Collections, snapshot: Snapshot, object: CompiledObject, root: StoredRecord): Promise<DeletionPlan> {
  const relationships = relationshipsOf(snapshot);
  const plan: DeletionPlan = { records: [], cleared: [] };
  const going = new Set<string>();
  const queue: { object: CompiledObject; record: StoredRecord }[] = [{ object, record: root }];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (going.has(next.record._id)) continue;
    going.add(next.record._id);
    plan.records.push(next);
    for (const { object: child, field } of relationships.incoming(next.object.name)) {
      if (field.type !== 'masterdetail') continue;
      const details = await tx.collection<StoredRecord>(child.collection).find(alive({ [field.name]: next.record._id }));
      for (const record of details) queue.push({ object: child, record });
    }
  }
  for (const { object: target, record } of plan.records) {
    for (const { object: child, field } of relationships.incoming(target.name)) {
      if (field.type !== 'lookup') continue;
      const pointing = (await tx.collection<StoredRecord>(child.collection).find(alive({ [field.name]: record._id }), { projection: { _id: 1 } }))
        // A record that goes in the same delete does not hold it back.
        .filter((doc) => !going.has(doc._id));
      if (pointing.length === 0) continue;
      if (field.onDelete === 'restrict') throw restricted(target, record, child, field.name, pointing.map((doc) => doc._id));
      for (const doc of pointing) plan.cleared.push({ object: child.name, id: doc._id, field: field.name });
    }
  }
  return plan;
}

function restricted(target: CompiledObject, record: StoredRecord, child: CompiledObject, field: string, ids: string[]): ConflictError {
  const count = ids.length;
  return new ConflictError(
    'delete_restricted',
    byCount(
      count,
      msg`This ${target.object.label} record cannot be deleted: 1 ${child.object.label} record still points at it through '${field}'. Change or delete it first.`,
      msg`This ${target.object.label} record cannot be deleted: ${count} ${child.object.label} records still point at it through '${field}'. Change or delete them first.`,
    ),
    ids.slice(0, SAMPLE).map((id) => ({ path: `/related/${child.name}/${id}/${field}`, message: msg`points at ${record._id}` })),
  );
}
