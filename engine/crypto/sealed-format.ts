/**
 * How a sealed value is written: `enc:<format>:<keyId>:<base64 of iv ‖ tag ‖ ciphertext>`.
 *
 * - `v1`: AES-256-GCM with a random 12-byte IV (the same plaintext seals differently each time);
 * - `d1`: deterministic (see deterministic-iv.ts): the same plaintext under the same key seals to
 *   the same text, so a store can answer an equality filter on it.
 *
 * The format names its version so a later one can be read beside it; one this code does not know is
 * refused by name rather than guessed at. The header (`enc:v1:k2`) is authenticated with the
 * ciphertext: a value cannot be given another key id or mode without failing to open.
 */
export type SealMode = 'random' | 'deterministic';

export const SEALED_PREFIX = 'enc:';

const FORMAT_OF: Record<SealMode, string> = { random: 'v1', deterministic: 'd1' };
const MODE_OF: Record<string, SealMode> = { v1: 'random', d1: 'deterministic' };

/** Key ids are short words of letters and digits (`k1`, `k2`): they never hold the separator. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface SealedParts {
  mode: SealMode;
  keyId: string;
  /** `enc:<format>:<keyId>`, authenticated as the AAD's first part. */
  header: string;
  payload: Buffer;
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

export function sealedHeader(mode: SealMode, keyId: string): string {
  if (!KEY_ID.test(keyId)) throw new Error(`A data key id is letters, digits, '_' or '-', got '${keyId}'`);
  return `${SEALED_PREFIX}${FORMAT_OF[mode]}:${keyId}`;
}

export function formatSealed(header: string, payload: Buffer): string {
  return `${header}:${payload.toString('base64')}`;
}

/** The parts of a sealed text; throws (naming what is wrong, never the value) when it is not one this code reads. */
export function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split(':');
  if (parts.length !== 4 || `${parts[0]}:` !== SEALED_PREFIX) throw new Error('not a sealed value (expected enc:<format>:<keyId>:<data>)');
  const [, format, keyId, data] = parts as [string, string, string, string];
  const mode = MODE_OF[format];
  if (!mode) throw new Error(`sealed with format '${format}', which this version does not read (it reads ${Object.keys(MODE_OF).join(', ')})`);
  if (!KEY_ID.test(keyId)) throw new Error(`sealed under a malformed key id '${keyId}'`);
  return { mode, keyId, header: `${SEALED_PREFIX}${format}:${keyId}`, payload: Buffer.from(data, 'base64') };
}
