import { randomBytes } from 'node:crypto';
import type { Collections, Doc } from '../store/port.js';
import { gcmOpen, gcmSeal, IV_BYTES, KEY_BYTES } from './aes-gcm.js';
import type { MasterKey } from './master-key.js';

/** Each tenant's data keys, wrapped under the master key, in the tenant's own store (and so in its backups). */
export const DATA_KEYS = 'crypto.dataKeys';

/**
 * `active` seals new values; `previous` keys still open what they sealed until a rotation's
 * re-encryption has moved every value off them, when they are removed.
 */
export type DataKeyState = 'active' | 'previous';

export interface StoredDataKey extends Doc {
  /** `k<version>`: the id every value sealed under the key names. */
  _id: string;
  version: number;
  state: DataKeyState;
  /** base64 of iv ‖ tag ‖ the key, AES-256-GCM under the master key, the key id authenticated with it. */
  wrapped: string;
  /** The fingerprint of the master key that wrapped it (MasterKey.id). */
  masterKeyId: string;
  createdAt: string;
}

export function dataKeyId(version: number): string {
  return `k${version}`;
}

function wrapAad(keyId: string): Buffer {
  return Buffer.from(`lowcode-crm data key ${keyId}`);
}

/** A new random data key, wrapped for storage. */
export function newDataKey(master: MasterKey, version: number, state: DataKeyState): { stored: StoredDataKey; key: Buffer } {
  const key = randomBytes(KEY_BYTES);
  const id = dataKeyId(version);
  const wrapped = gcmSeal(master.key, randomBytes(IV_BYTES), key, wrapAad(id)).toString('base64');
  return { key, stored: { _id: id, version, state, wrapped, masterKeyId: master.id, createdAt: new Date().toISOString() } };
}

/** The data key, or an error saying which master key it needs when this process has another one. */
export function unwrapDataKey(master: MasterKey, stored: StoredDataKey, tenant: string): Buffer {
  const key = gcmOpen(master.key, Buffer.from(stored.wrapped, 'base64'), wrapAad(stored._id));
  if (key) return key;
  if (stored.masterKeyId !== master.id) {
    throw new Error(
      `The tenant '${tenant}' has its data key ${stored._id} wrapped under the master key ${stored.masterKeyId}, but this process has the master key ${master.id} (from ${master.source}). ` +
        'Start with the master key the tenant was encrypted under (CRM_MASTER_KEY or CRM_MASTER_KEY_FILE; see docs/operations.md, Keys).',
    );
  }
  throw new Error(`The tenant '${tenant}' has its data key ${stored._id} damaged: it does not open under the master key ${master.id}.`);
}

export async function storedDataKeys(tx: Collections): Promise<StoredDataKey[]> {
  return tx.collection<StoredDataKey>(DATA_KEYS).find({}, { sort: { version: 1 } });
}
