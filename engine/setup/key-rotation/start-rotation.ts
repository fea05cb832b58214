import { ConflictError } from '../../errors/index.js';
import { DATA_KEYS } from '../../crypto/index.js';
import { msg } from '../../i18n/message.js';
import { enqueueJob } from '../../jobs/index.js';
import { unsealedStore } from '../../records/encryption/index.js';
import { newId } from '../../store/new-id.js';
import type { Tenant } from '../../context/index.js';
import { KEY_ROTATION_JOB, KEY_ROTATIONS, rotationPercent, type KeyRotationDoc } from './key-rotation.js';

/**
 * Every collection is gone through, not a list of those known to seal: a part that seals values in
 * a collection of its own later is covered without telling the rotation. The keys and the
 * rotations themselves hold none, nor do the files' bytes (`blobs.*`, GridFS on MongoDB).
 */
const HOLDING_NONE: ReadonlySet<string> = new Set([KEY_ROTATIONS, DATA_KEYS]);

export interface KeysView {
  activeKey: string;
  keys: string[];
  rotations: (KeyRotationDoc & { percent: number })[];
}

/** The tenant's data keys (ids only) and its rotations, newest first, with their progress. */
export async function keysView(tenant: Tenant): Promise<KeysView> {
  const rotations = await tenant.store.collection<KeyRotationDoc>(KEY_ROTATIONS).find({}, { sort: { startedAt: -1 }, limit: 20 });
  return { activeKey: tenant.keys.activeKeyId, keys: tenant.keys.keyIds, rotations: rotations.map((rotation) => ({ ...rotation, percent: rotationPercent(rotation) })) };
}

/**
 * Makes a new data key, active at once (every value written from now on is sealed under it), and
 * starts the job that moves every stored value onto it; the former keys stay until it is done, so
 * every value opens throughout. One rotation at a time: 409 while one runs.
 */
export async function startKeyRotation(tenant: Tenant): Promise<KeyRotationDoc & { percent: number }> {
  const rotations = tenant.store.collection<KeyRotationDoc>(KEY_ROTATIONS);
  const running = await rotations.findOne({ status: 'running' });
  if (running) {
    throw new ConflictError('rotation_in_progress', msg`A key rotation is already running (${rotationPercent(running)}% done); start another once it ends.`);
  }
  const raw = unsealedStore(tenant.store);
  const from = tenant.keys.keyIds;
  const to = await tenant.keys.rotate(raw);
  const collections = (await raw.listCollections()).filter((name) => !HOLDING_NONE.has(name) && !name.startsWith('blobs.')).sort();
  let total = 0;
  for (const name of collections) total += await raw.collection(name).count({});
  const rotation: KeyRotationDoc = { _id: newId(), to, from, status: 'running', collections, current: 0, cursor: null, done: 0, resealed: 0, total, pass: 1, passResealed: 0, startedAt: new Date().toISOString() };
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection<KeyRotationDoc>(KEY_ROTATIONS).insertOne(rotation);
    await enqueueJob(tx, { kind: KEY_ROTATION_JOB, dueAt: new Date(), payload: { rotation: rotation._id } });
  });
  return { ...rotation, percent: 0 };
}
