import type { Collections, Doc } from '../store/port.js';
import { appendAudit } from '../audit/audit-log.js';
import { SESSIONS, TOKENS } from './auth-collections.js';
import { secretId } from './secret-token.js';

/**
 * When a user record is deactivated (or deleted), in the same unit of work: their sessions end and
 * their API tokens are revoked, so that reactivating them later does not bring old credentials
 * back to life. They sign in again and issue new tokens.
 */
export async function endCredentialsOfDeparted(tx: Collections, actor: string, before: Doc | null, after: Doc | null): Promise<void> {
  const departed = before !== null && before.active !== false && (after === null || after.active === false || after._deleted === true);
  if (departed) await endCredentials(tx, actor, before._id);
}

/**
 * Ends a user's sessions and revokes their API tokens, in the caller's unit of work: whoever held
 * one of them (a stolen cookie, a leaked token) loses it. `keepSession` is the secret of the one
 * session to keep: the user's own, when they changed their password in it.
 */
export async function endCredentials(tx: Collections, actor: string, userId: string, keepSession?: string): Promise<void> {
  const ended = await tx.collection(SESSIONS).deleteMany(keepSession ? { user: userId, _id: { $ne: secretId(keepSession) } } : { user: userId });
  const revoked = await tx.collection(TOKENS).updateMany({ user: userId, revokedAt: null }, { $set: { revokedAt: new Date().toISOString() } });
  if (ended > 0 || revoked.modified > 0) await appendAudit(tx, { actor, action: 'auth.credentials_ended', record: userId });
}
