import { EngineError, ForbiddenError } from '../errors/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { Tenant } from '../context/index.js';
import { randomBytes } from 'node:crypto';
import { checkThrottle, clearFailures, countFailure, SignInThrottledError, type Attempt } from './sign-in-throttle.js';
import { appendAudit } from '../audit/audit-log.js';
import { CREDENTIALS, SESSIONS, type CredentialDoc, type SessionDoc } from './auth-collections.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newSecret, secretId } from './secret-token.js';
import { endCredentials } from './user-lifecycle.js';
import { msg } from '../i18n/message.js';

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
 * password take the same steps and answer alike (the hash runs on a decoy when there is no
 * account), so neither the answer nor its timing says who has an account. Failures are counted
 * per client address and account (sign-in-throttle.ts): the address waits, never the account.
 * Every attempt is in the audit log.
 */
export async function signIn(tenant: Tenant, email: unknown, password: unknown, client: string): Promise<SignedIn> {
  const users = tenant.metadata.snapshot.object('user')!;
  const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
  const attempt: Attempt = { client, account: address };
  const now = new Date();
  const user = address ? await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ email: address })) : null;
  const actor = { actor: user?._id ?? 'unknown', ...(user ? { record: user._id } : {}) };
  // A throttled address is refused before the (deliberately slow) hash; the unit of work below checks again.
  await refuseThrottled(tenant, attempt, now, actor);
  const credentials = user ? await tenant.store.collection<CredentialDoc>(CREDENTIALS).findOne({ _id: user._id }) : null;
  const candidate = typeof password === 'string' ? password : '';
  const matches = await verifyPassword(candidate, credentials?.hash ?? (await decoy));
  const ok = matches && credentials !== null && user !== null && user.active !== false;
  const session = newSecret('crms');
  const csrfToken = newSecret('csrf');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600000).toISOString();
  // The count is read and written in one unit of work, after the hash: guesses sent all at once
  // each count, and a right guess racing the wait's start does not slip past it.
  const outcome = await tenant.store.unitOfWork(async (tx): Promise<{ throttled: SignInThrottledError } | { failed: true } | { user: StoredRecord }> => {
    try {
      await checkThrottle(tx, attempt, now);
    } catch (error) {
      if (!(error instanceof SignInThrottledError)) throw error;
      await appendAudit(tx, { ...actor, action: 'auth.login_throttled' });
      return { throttled: error };
    }
    if (!ok) {
      await countFailure(tx, attempt, now);
      await appendAudit(tx, { ...actor, action: 'auth.login_failed' });
      return { failed: true };
    }
    await clearFailures(tx, attempt);
    await tx.collection<SessionDoc>(SESSIONS).insertOne({ _id: secretId(session), id: randomBytes(8).toString('hex'), user: user._id, csrf: csrfToken, createdAt: now.toISOString(), expiresAt });
    await appendAudit(tx, { actor: user._id, action: 'auth.login', record: user._id });
    return { user };
  });
  if ('throttled' in outcome) throw outcome.throttled;
  if ('failed' in outcome) throw new EngineError('invalid_credentials', 401, msg`The e-mail or the password is not right.`);
  return { user: outcome.user, session, csrfToken, expiresAt };
}

/** The throttle's check outside a unit of work, audited like every other attempt. */
async function refuseThrottled(tenant: Tenant, attempt: Attempt, now: Date, actor: { actor: string; record?: string }): Promise<void> {
  try {
    await checkThrottle(tenant.store, attempt, now);
  } catch (error) {
    if (error instanceof SignInThrottledError) await tenant.store.unitOfWork((tx) => appendAudit(tx, { ...actor, action: 'auth.login_throttled' }));
    throw error;
  }
}

/**
 * Checks a signed-in user's current password (before they change it). Wrong guesses count toward
 * the same throttle as sign-ins from that address for that account: a stolen session must not
 * become a way to guess the password.
 */
export async function checkCurrentPassword(tenant: Tenant, userId: string, candidate: unknown, client: string): Promise<void> {
  const now = new Date();
  const users = tenant.metadata.snapshot.object('user')!;
  const user = await tenant.store.collection<StoredRecord>(users.collection).findOne({ _id: userId });
  const attempt: Attempt = { client, account: typeof user?.email === 'string' ? user.email : `user:${userId}` };
  await refuseThrottled(tenant, attempt, now, { actor: userId, record: userId });
  const credentials = await tenant.store.collection<CredentialDoc>(CREDENTIALS).findOne({ _id: userId });
  const ok = credentials !== null && typeof candidate === 'string' && (await verifyPassword(candidate, credentials.hash));
  await tenant.store.unitOfWork(async (tx) => {
    if (ok) return clearFailures(tx, attempt);
    await countFailure(tx, attempt, now);
    await appendAudit(tx, { actor: userId, action: 'auth.password_check_failed', record: userId });
  });
  if (!ok) throw new ForbiddenError(msg`The current password is not right.`, [{ path: '/current', message: msg`is not your current password` }]);
}

/** The CSRF token of a live session (the web app asks for it again after a reload). */
export async function sessionCsrfToken(tenant: Tenant, session: string): Promise<string | undefined> {
  const found = await tenant.store.collection<SessionDoc>(SESSIONS).findOne({ _id: secretId(session) });
  return found?.csrf;
}

export async function signOut(tenant: Tenant, session: string, userId: string): Promise<void> {
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection(SESSIONS).deleteOne({ _id: secretId(session) });
    await appendAudit(tx, { actor: userId, action: 'auth.logout', record: userId });
  });
}

/**
 * Sets a user's password (by an administrator, by the user, or for the first admin). A new password
 * ends every session the old one opened and revokes every API token: whoever learnt the old
 * password may have made them. `keepSession` keeps the session in which users changed their own.
 */
export async function setPassword(tenant: Tenant, userId: string, password: string, by: string, keepSession?: string): Promise<void> {
  const hash = await hashPassword(password);
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection<CredentialDoc>(CREDENTIALS).findOneAndUpdate({ _id: userId }, { $set: { hash, changedAt: new Date().toISOString() } }, { upsert: true });
    await endCredentials(tx, by, userId, keepSession);
    await appendAudit(tx, { actor: by, action: 'auth.password_set', record: userId });
  });
}
