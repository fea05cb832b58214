import { isSealed, type TenantKeys } from '../../crypto/index.js';
import { requestsInFlight } from '../../concurrency/requests-in-flight.js';
import type { JobDoc } from '../../jobs/index.js';
import { unsealedStore } from '../../records/encryption/index.js';
import type { Doc } from '../../store/port.js';
import type { Tenant } from '../../context/index.js';
import { KEY_ROTATIONS, type KeyRotationDoc } from './key-rotation.js';

/** Documents looked at per unit of work. */
const BATCH = 200;

/** Every sealed string of a document under a former key, sealed again under the active one; the same object when none was. */
function resealed(keys: TenantKeys, value: unknown): unknown {
  if (isSealed(value)) return keys.resealUnderActive(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => resealed(keys, item));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = resealed(keys, item);
      if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
    }
    return copy ?? value;
  }
  return value;
}

/**
 * The job: goes through each collection that may hold sealed values in `_id` order, batch by batch,
 * each batch one unit of work that reads its documents as stored (inside the unit, so a write
 * made meanwhile is never overwritten) and writes back those holding a value under a former key.
 * Progress (collection, cursor, counts) is saved in the same unit: a crash repeats nothing and
 * loses nothing. Once a whole pass found nothing under a former key, the former keys are removed and
 * the store drops its freed copies.
 */
export async function runKeyRotation(tenant: Tenant, job: JobDoc): Promise<void> {
  const id = job.payload.rotation;
  if (typeof id !== 'string') return;
  const raw = unsealedStore(tenant.store);
  await tenant.keys.reload(raw);
  for (;;) {
    const more = await raw.unitOfWork(async (tx) => {
      const rotations = tx.collection<KeyRotationDoc>(KEY_ROTATIONS);
      const rotation = await rotations.findOne({ _id: id, status: 'running' });
      if (!rotation) return false;
      const collection = rotation.collections[rotation.current];
      if (collection === undefined && rotation.passResealed > 0) {
        await rotations.updateOne({ _id: id }, { $set: { current: 0, cursor: null, pass: rotation.pass + 1, passResealed: 0 } });
        return true;
      }
      if (collection === undefined) {
        await rotations.updateOne({ _id: id }, { $set: { status: 'done', finishedAt: new Date().toISOString() } });
        return false;
      }
      const docs = tx.collection<Doc>(collection);
      const page = await docs.find(rotation.cursor === null ? {} : { _id: { $gt: rotation.cursor } }, { sort: { _id: 1 }, limit: BATCH });
      let rewritten = 0;
      for (const doc of page) {
        const next = resealed(tenant.keys, doc) as Doc;
        if (next === doc) continue;
        await docs.replaceOne({ _id: doc._id }, next);
        rewritten++;
      }
      const finished = page.length < BATCH;
      const progress = finished ? { current: rotation.current + 1, cursor: null } : { cursor: page.at(-1)!._id };
      await rotations.updateOne({ _id: id, cursor: rotation.cursor, current: rotation.current }, { $set: { ...progress, done: rotation.done + page.length, resealed: rotation.resealed + rewritten, passResealed: rotation.passResealed + rewritten } });
      return true;
    });
    if (!more) break;
    await requestsInFlight.giveWay();
  }
  const rotation = await raw.collection<KeyRotationDoc>(KEY_ROTATIONS).findOne({ _id: id });
  if (rotation?.status !== 'done') return;
  for (const keyId of rotation.from) if (keyId !== tenant.keys.activeKeyId && tenant.keys.keyIds.includes(keyId)) await tenant.keys.removeKey(raw, keyId);
  await tenant.store.dropFreedCopies?.();
}
