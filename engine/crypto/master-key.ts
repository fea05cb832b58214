import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { log } from '../observability/index.js';
import { KEY_BYTES } from './aes-gcm.js';

/** The key file a data directory gets when the operator gave no master key. */
export const GENERATED_MASTER_KEY_FILE = 'master.key';

/**
 * The process's master key: it only wraps the tenants' data keys (data-keys.ts), never a value.
 * `id` is a fingerprint (the first bytes of its SHA-256) kept beside each wrapped key, so that a
 * start under another master key is told which one the tenant needs instead of failing to decrypt.
 */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
  /** Where it came from, for the messages: `CRM_MASTER_KEY`, the file's path. */
  readonly source: string;
}

export function masterKeyOf(key: Buffer, source: string): MasterKey {
  if (key.length !== KEY_BYTES) throw new Error(`The master key from ${source} must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32), got ${key.length} bytes`);
  return Object.freeze({ id: createHash('sha256').update(key).digest('hex').slice(0, 12), key, source });
}

/** 32 bytes in base64, trimmed; anything else stops the start rather than being padded or cut. */
function decodeKey(text: string, source: string): MasterKey {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new Error(`The master key from ${source} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return masterKeyOf(Buffer.from(trimmed, 'base64'), source);
}

/** Where the operator put the master key: CRM_MASTER_KEY (`key`) or CRM_MASTER_KEY_FILE (`file`); neither, a generated file. */
export interface MasterKeySetting {
  key?: string;
  file?: string;
}

/** CRM_MASTER_KEY and CRM_MASTER_KEY_FILE, as set (README, Configuration). */
export function masterKeySettingFromEnv(env: NodeJS.ProcessEnv = process.env): MasterKeySetting {
  const key = env.CRM_MASTER_KEY?.trim();
  const file = env.CRM_MASTER_KEY_FILE?.trim();
  return { ...(key ? { key } : {}), ...(file ? { file } : {}) };
}

/**
 * The master key, in this order: `CRM_MASTER_KEY` (base64 of 32 bytes), the file `CRM_MASTER_KEY_FILE`
 * names, or `<dataDir>/master.key`, generated on the first start with 0600 permissions. The last is
 * for trying the platform out: a key on the same disk as the data it protects protects nothing from
 * whoever copies the disk, which the log says loudly at every start (docs/operations.md, Keys).
 */
export function loadMasterKey(setting: MasterKeySetting, dataDir: string): MasterKey {
  const inline = setting.key?.trim();
  if (inline) return decodeKey(inline, 'CRM_MASTER_KEY');
  const file = setting.file?.trim();
  if (file) {
    if (!existsSync(file)) throw new Error(`CRM_MASTER_KEY_FILE names ${file}, which does not exist`);
    return decodeKey(readFileSync(file, 'utf8'), file);
  }
  const generated = join(dataDir, GENERATED_MASTER_KEY_FILE);
  const created = !existsSync(generated) && writeNewKeyFile(generated);
  log.warn(
    { masterKeyFile: generated },
    `${created ? 'Generated the master key' : 'Using the master key'} in the data directory (${generated}). ` +
      'Encrypted fields and secrets are only as safe as this file: in production set CRM_MASTER_KEY or CRM_MASTER_KEY_FILE ' +
      'to a key kept outside the data directory and its backups, and keep a copy of it — without it the encrypted values cannot be read.',
  );
  return decodeKey(readFileSync(generated, 'utf8'), generated);
}

/** Creates the file exclusively (`wx`), so two processes starting together keep one key; false when another one won. */
function writeNewKeyFile(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  // The umask may have narrowed the mode further, never widened it; set it exactly.
  chmodSync(path, 0o600);
  return true;
}
