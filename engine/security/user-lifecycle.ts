import type { Collections, Doc } from '../store/port.js';
import { appendAudit } from './audit-log.js';
import { SESSIONS, TOKENS } from './auth-collections.js';

/**
 * When a user record is deactivated (or deleted), in the same unit of work: their sessions end and
 * their API tokens are revoked, so that reactivating them later does not bring old credentials
 * back to life. They sign in again and issue new tokens.
 */
export async function endCredentialsOfDeparted(tx: Collections, actor: string, before: Doc | null, after: Doc | null): Promise<void> {
  const departed = before !== null && before.active !== false && (after === null || after.active === false || after._deleted === true);
  if (!departed) return;
  const userId = before._id;
  const ended = await tx.collection(SESSIONS).deleteMany({ user: userId });
  const revoked = await tx.collection(TOKENS).updateMany({ user: userId, revokedAt: null }, { $set: { revokedAt: new Date().toISOString() } });
  if (ended > 0 || revoked.modified > 0) await appendAudit(tx, { actor, action: 'auth.credentials_ended', record: userId });
}
