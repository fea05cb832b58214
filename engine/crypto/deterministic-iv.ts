import { createHmac, hkdfSync } from 'node:crypto';
import { IV_BYTES, KEY_BYTES } from './aes-gcm.js';

/**
 * The deterministic mode, for values an equality filter must find: the IV is not random but
 * HMAC-SHA256(macKey, aad ‖ plaintext) cut to 12 bytes (a synthetic IV, the construction of
 * RFC 5297's SIV with HMAC as its PRF), and the value is then sealed with AES-256-GCM as usual.
 *
 * Why this and not AES-SIV: node's crypto (OpenSSL through node's API) offers no SIV mode, and the
 * brief is node's crypto only; AES-GCM with an HMAC-derived IV is built from the two primitives it
 * has and keeps one decryption path for both modes. GCM's weakness is an IV used for two different
 * plaintexts; here an IV repeats only when the plaintext (and AAD) repeats, which gives the same
 * ciphertext — exactly the equality the mode is chosen to reveal, and nothing more — unless two
 * different values collide on 96 bits of HMAC, which takes about 2^48 values under one key.
 * The HMAC key and the GCM key of this mode are derived from the data key with HKDF under their own
 * labels, so a deterministic IV can never collide with a random one under the same GCM key.
 *
 * What it costs: equal values are visibly equal in the store (and their frequency shows), which is
 * why the mode is a choice per field, not the default.
 */
export interface DeterministicKeys {
  encKey: Buffer;
  macKey: Buffer;
}

export function deterministicKeys(dataKey: Buffer): DeterministicKeys {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `lowcode-crm deterministic ${label}`, KEY_BYTES));
  return { encKey: derive('encryption'), macKey: derive('iv') };
}

export function syntheticIv(macKey: Buffer, aad: Buffer, plaintext: Buffer): Buffer {
  const mac = createHmac('sha256', macKey);
  // The AAD's length first, so that (aad, plaintext) pairs cannot slide into one another.
  const length = Buffer.alloc(4);
  length.writeUInt32BE(aad.length);
  return mac.update(length).update(aad).update(plaintext).digest().subarray(0, IV_BYTES);
}
