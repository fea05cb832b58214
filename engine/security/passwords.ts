import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';

/** scrypt's cost: about 50 ms per hash here, slow for a guesser, quick for a sign-in. */
const COST: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Length is the rule that matters (NIST 800-63B); no composition rules that push people to patterns. */
export function checkPasswordPolicy(password: unknown, path = '/password'): string {
  if (typeof password !== 'string') throw new ValidationError([{ path, message: msg`is required` }]);
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError([{ path, message: msg`must be at least ${MIN_PASSWORD_LENGTH} characters long; a few unrelated words make a strong one` }]);
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new ValidationError([{ path, message: msg`must be at most ${MAX_PASSWORD_LENGTH} characters long` }]);
  return password;
}

/** `scrypt$N$r$p$salt$key`: the parameters travel with the hash, so the cost can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password for the first admin when none is configured: printed once, never stored in clear. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
