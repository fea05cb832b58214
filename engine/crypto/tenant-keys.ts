import { randomBytes } from 'node:crypto';
import type { Store } from '../store/port.js';
import { DuplicateKeyError } from '../store/duplicate-key-error.js';
import { gcmOpen, gcmSeal, IV_BYTES } from './aes-gcm.js';
import { deterministicKeys, syntheticIv, type DeterministicKeys } from './deterministic-iv.js';
import { DATA_KEYS, newDataKey, storedDataKeys, unwrapDataKey, type StoredDataKey } from './data-keys.js';
import type { MasterKey } from './master-key.js';
import { formatSealed, isSealed, parseSealed, sealedHeader, type SealMode } from './sealed-format.js';
import { SecretUnreadableError } from './secret-unreadable-error.js';

/**
 * What a sealed value is for, authenticated with it: a record's value cannot be passed off as a
 * metadata secret or the other way round by copying text inside the store.
 */
export type SealPurpose = 'record' | 'secret';

export interface SealOptions {
  purpose: SealPurpose;
  mode?: SealMode;
}

interface OpenKey {
  version: number;
  key: Buffer;
  deterministic: DeterministicKeys;
}

/**
 * One tenant's data keys, unwrapped in memory: seals with the active one, opens with any it holds.
 * Sealing and opening are synchronous (the keys are loaded when the tenant opens), so a write
 * path or a read path seals and opens without another round trip to the store.
 */
export class TenantKeys {
  private constructor(
    private readonly tenant: string,
    private readonly master: MasterKey,
    private keys: Map<string, OpenKey>,
    private activeId: string,
  ) {}

  /** The tenant's keys; its first one is made on its first opening (two instances opening it at once keep one). */
  static async open(tenant: string, store: Store, master: MasterKey): Promise<TenantKeys> {
    const ring = new TenantKeys(tenant, master, new Map(), '');
    await ring.reload(store);
    if (ring.activeId !== '') return ring;
    try {
      await store.collection<StoredDataKey>(DATA_KEYS).insertOne(newDataKey(master, 1, 'active').stored);
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    await ring.reload(store);
    return ring;
  }

  /** Reads the stored keys again (after another instance rotated them). */
  async reload(store: Store): Promise<void> {
    const stored = await storedDataKeys(store);
    const keys = new Map<string, OpenKey>();
    let active = '';
    for (const entry of stored) {
      const key = unwrapDataKey(this.master, entry, this.tenant);
      keys.set(entry._id, { version: entry.version, key, deterministic: deterministicKeys(key) });
      if (entry.state === 'active') active = entry._id;
    }
    this.keys = keys;
    this.activeId = active;
  }

  /** The id of the key new values are sealed under (`k1`, `k2` …). */
  get activeKeyId(): string {
    return this.activeId;
  }

  /** The ids of every key the tenant holds, oldest first. */
  get keyIds(): string[] {
    return [...this.keys.entries()].sort(([, a], [, b]) => a.version - b.version).map(([id]) => id);
  }

  seal(plaintext: string, options: SealOptions): string {
    const mode = options.mode ?? 'random';
    const open = this.keys.get(this.activeId);
    if (!open) throw new Error(`The tenant '${this.tenant}' has no active data key`);
    const header = sealedHeader(mode, this.activeId);
    const aad = Buffer.from(`${header}:${options.purpose}`);
    const bytes = Buffer.from(plaintext, 'utf8');
    const sealed =
      mode === 'random'
        ? gcmSeal(open.key, randomBytes(IV_BYTES), bytes, aad)
        : gcmSeal(open.deterministic.encKey, syntheticIv(open.deterministic.macKey, aad, bytes), bytes, aad);
    return formatSealed(header, sealed);
  }

  /**
   * Every text a value may be stored as in the deterministic mode: one per key held (values move to
   * a new key during a rotation), so an equality filter finds the value whichever key sealed it.
   */
  deterministicForms(plaintext: string, purpose: SealPurpose): string[] {
    const bytes = Buffer.from(plaintext, 'utf8');
    return this.keyIds.map((keyId) => {
      const { deterministic } = this.keys.get(keyId)!;
      const header = sealedHeader('deterministic', keyId);
      const aad = Buffer.from(`${header}:${purpose}`);
      return formatSealed(header, gcmSeal(deterministic.encKey, syntheticIv(deterministic.macKey, aad, bytes), bytes, aad));
    });
  }

  /** The plaintext of a sealed value; SecretUnreadableError when it was altered, sealed for another purpose or under a key not held. */
  open(sealed: string, purpose: SealPurpose): string {
    let parts;
    try {
      parts = parseSealed(sealed);
    } catch (error) {
      throw new SecretUnreadableError((error as Error).message);
    }
    const key = this.keys.get(parts.keyId);
    if (!key) throw new SecretUnreadableError(`sealed under the data key ${parts.keyId}, which the tenant '${this.tenant}' does not hold (it holds ${this.keyIds.join(', ')})`);
    const gcmKey = parts.mode === 'random' ? key.key : key.deterministic.encKey;
    const plaintext = gcmOpen(gcmKey, parts.payload, Buffer.from(`${parts.header}:${purpose}`));
    if (!plaintext) throw new SecretUnreadableError(`the value sealed under ${parts.keyId} fails its authentication (altered, or not a ${purpose} value)`);
    return plaintext.toString('utf8');
  }

  /**
   * A value sealed under a former key, sealed again under the active one in its mode and for its
   * purpose (a rotation does not know which it is: it tries both); one under the active key as it is.
   */
  resealUnderActive(sealed: string): string {
    const { keyId, mode } = parseSealed(sealed);
    if (keyId === this.activeId) return sealed;
    for (const purpose of ['record', 'secret'] as const) {
      let plaintext: string;
      try {
        plaintext = this.open(sealed, purpose);
      } catch {
        continue;
      }
      return this.seal(plaintext, { purpose, mode });
    }
    throw new SecretUnreadableError(`the value sealed under ${keyId} opens for no purpose`);
  }

  /** The key a sealed value names, undefined for a value that is not sealed. */
  keyIdOf(value: unknown): string | undefined {
    return isSealed(value) ? value.split(':')[2] : undefined;
  }

  /**
   * A new active data key; the former ones stay, as `previous`, so every value they sealed still
   * opens while a re-encryption moves them (see `removeKey`). 409 when another rotation made the
   * same version first.
   */
  async rotate(store: Store): Promise<string> {
    await this.reload(store);
    const version = Math.max(0, ...[...this.keys.values()].map((key) => key.version)) + 1;
    const { stored } = newDataKey(this.master, version, 'active');
    await store.unitOfWork(async (tx) => {
      await tx.collection(DATA_KEYS).updateMany({ state: 'active' }, { $set: { state: 'previous' } });
      await tx.collection<StoredDataKey>(DATA_KEYS).insertOne(stored);
    });
    await this.reload(store);
    return stored._id;
  }

  /** Drops a former key once nothing is sealed under it any more; the active key is never dropped. */
  async removeKey(store: Store, keyId: string): Promise<void> {
    if (keyId === this.activeId) throw new Error(`The data key ${keyId} is the active one`);
    await store.collection(DATA_KEYS).deleteOne({ _id: keyId, state: 'previous' });
    await this.reload(store);
  }
}
