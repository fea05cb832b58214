import { EngineError, ForbiddenError } from '../errors/index.js';
import type { StoredRecord } from '../records/index.js';
import { alive } from '../records/record-state.js';
import type { Tenant } from '../tenancy/tenant.js';
import type { Collections } from '../store/port.js';
import { appendAudit } from './audit-log.js';
import { CREDENTIALS, SESSIONS, type CredentialDoc, type SessionDoc } from './auth-collections.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newSecret, secretId } from './secret-token.js';
import { byCount, msg } from '../i18n/message.js';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export interface SignedIn {
  user: StoredRecord;
  /** The session's secret, for the HttpOnly cookie; never shown to scripts. */
  session: string;
  /** Sent back on every state-changing browser call, proving the page is ours (CSRF). */
  csrfToken: string;
  expiresAt: string;
}

// Compared against when the e-mail is unknown, so a miss costs as long as a wrong password.
const decoy = hashPassword('decoy password that matches nothing');

/**
 * Checks an e-mail and password and opens a session. Unknown e-mail, inactive user and wrong
 * password answer alike (no way to learn who has an account); five failures in a row lock the
 * account for fifteen minutes, and every attempt is in the audit log.
 */
export async function signIn(tenant: Tenant, email: unknown, password: unknown): Promise<SignedIn> {
  const users = tenant.metadata.snapshot.object('user')!;
  const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
  const user = address ? await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ email: address })) : null;
  const credentials = user ? await tenant.store.collection<CredentialDoc>(CREDENTIALS).findOne({ _id: user._id }) : null;
  const now = new Date();
  // A locked account is refused before the (deliberately slow) hash; the unit of work below checks again.
  if (credentials?.lockedUntil && credentials.lockedUntil > now.toISOString()) {
    await tenant.store.unitOfWork((tx) => appendAudit(tx, { actor: user!._id, action: 'auth.login_locked', record: user!._id }));
    throw accountLocked(credentials.lockedUntil, now);
  }
  const candidate = typeof password === 'string' ? password : '';
  const ok = credentials ? await verifyPassword(candidate, credentials.hash) : (await verifyPassword(candidate, await decoy), false);
  const session = newSecret('crms');
  const csrfToken = newSecret('csrf');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600000).toISOString();
  // The count and the lock are read and written in one unit of work, after the hash: guesses sent
  // all at once each count, and a right guess racing the lock's landing does not slip past it.
  const outcome = await tenant.store.unitOfWork(async (tx): Promise<{ lockedUntil: string } | { failed: true } | { user: StoredRecord }> => {
    const stored = tx.collection<CredentialDoc>(CREDENTIALS);
    const current = user ? await stored.findOne({ _id: user._id }) : null;
    if (current?.lockedUntil && current.lockedUntil > now.toISOString()) {
      await appendAudit(tx, { actor: user!._id, action: 'auth.login_locked', record: user!._id });
      return { lockedUntil: current.lockedUntil };
    }
    if (!ok || !user || user.active === false) {
      if (current) await countFailure(tx, current._id, now);
      await appendAudit(tx, { actor: user?._id ?? 'unknown', action: 'auth.login_failed', ...(user ? { record: user._id } : {}) });
      return { failed: true };
    }
    await stored.updateOne({ _id: user._id }, { $set: { failures: 0 }, $unset: { lockedUntil: '' } });
    await tx.collection<SessionDoc>(SESSIONS).insertOne({ _id: secretId(session), user: user._id, csrf: csrfToken, createdAt: now.toISOString(), expiresAt });
    await appendAudit(tx, { actor: user._id, action: 'auth.login', record: user._id });
    return { user };
  });
  if ('lockedUntil' in outcome) throw accountLocked(outcome.lockedUntil, now);
  if ('failed' in outcome) throw new EngineError('invalid_credentials', 401, msg`The e-mail or the password is not right.`);
  return { user: outcome.user, session, csrfToken, expiresAt };
}

/** One more wrong password in a row; the fifth locks the account. */
async function countFailure(tx: Collections, userId: string, now: Date): Promise<void> {
  const stored = tx.collection<CredentialDoc>(CREDENTIALS);
  const counted = await stored.findOneAndUpdate({ _id: userId }, { $inc: { failures: 1 } });
  if (counted && counted.failures >= MAX_FAILURES) {
    await stored.updateOne({ _id: userId }, { $set: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60000).toISOString(), failures: 0 } });
  }
}

/**
 * Checks a signed-in user's current password (before they change it). Wrong guesses count toward
 * the same lock-out as sign-ins: a stolen session must not become a way to guess the password.
 */
export async function checkCurrentPassword(tenant: Tenant, userId: string, candidate: unknown): Promise<void> {
  const now = new Date();
  const credentials = await tenant.store.collection<CredentialDoc>(CREDENTIALS).findOne({ _id: userId });
  if (credentials?.lockedUntil && credentials.lockedUntil > now.toISOString()) throw accountLocked(credentials.lockedUntil, now);
  const ok = credentials !== null && typeof candidate === 'string' && (await verifyPassword(candidate, credentials.hash));
  await tenant.store.unitOfWork(async (tx) => {
    if (ok) {
      await tx.collection<CredentialDoc>(CREDENTIALS).updateOne({ _id: userId }, { $set: { failures: 0 } });
      return;
    }
    if (credentials) await countFailure(tx, userId, now);
    await appendAudit(tx, { actor: userId, action: 'auth.password_check_failed', record: userId });
  });
  if (!ok) throw new ForbiddenError(msg`The current password is not right.`, [{ path: '/current', message: msg`is not your current password` }]);
}

function accountLocked(lockedUntil: string, now: Date): EngineError {
  const minutes = Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60000);
  return new EngineError('account_locked', 429, byCount(minutes, msg`Too many failed sign-ins: this account is locked for 1 more minute.`, msg`Too many failed sign-ins: this account is locked for ${minutes} more minutes.`));
}

export async function signOut(tenant: Tenant, session: string, userId: string): Promise<void> {
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection(SESSIONS).deleteOne({ _id: secretId(session) });
    await appendAudit(tx, { actor: userId, action: 'auth.logout', record: userId });
  });
}

/** Sets a user's password (by an admin, by the user, or for the first admin), unlocking the account. */
export async function setPassword(tenant: Tenant, userId: string, password: string, by: string): Promise<void> {
  const hash = await hashPassword(password);
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection<CredentialDoc>(CREDENTIALS).findOneAndUpdate(
      { _id: userId },
      { $set: { hash, failures: 0, changedAt: new Date().toISOString() }, $unset: { lockedUntil: '' } },
      { upsert: true },
    );
    // A new password ends every session the old one opened.
    await tx.collection(SESSIONS).deleteMany({ user: userId });
    await appendAudit(tx, { actor: by, action: 'auth.password_set', record: userId });
  });
}
