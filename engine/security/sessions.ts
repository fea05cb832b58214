import { NotFoundError } from '../errors/index.js';
import type { Tenant } from '../context/index.js';
import { appendAudit } from '../audit/audit-log.js';
import { SESSIONS, TOKENS, type SessionDoc } from './auth-collections.js';
import { msg } from '../i18n/message.js';

/** A session as its user and administrators see it: never its secret nor its CSRF token. */
export interface SessionView {
  /** Absent on sessions opened before sessions had ids: those end with all of the user's sessions. */
  id?: string;
  createdAt: string;
  expiresAt: string;
}

/** A user's open sessions, newest first. */
export async function listSessions(tenant: Tenant, userId: string): Promise<SessionView[]> {
  const now = new Date().toISOString();
  const sessions = await tenant.store.collection<SessionDoc>(SESSIONS).find({ user: userId, expiresAt: { $gt: now } }, { sort: { createdAt: -1 } });
  return sessions.map(({ id, createdAt, expiresAt }) => ({ ...(id ? { id } : {}), createdAt, expiresAt }));
}

/** Ends one session of a user (`id`), or all of them; audited as done `by` whoever asked. */
export async function endSessions(tenant: Tenant, userId: string, by: string, id?: string): Promise<void> {
  await tenant.store.unitOfWork(async (tx) => {
    const ended = await tx.collection(SESSIONS).deleteMany(id === undefined ? { user: userId } : { user: userId, id });
    if (id !== undefined && ended === 0) throw new NotFoundError(msg`This user has no open session with id '${id}'.`);
    await appendAudit(tx, { actor: by, action: 'auth.sessions_ended', record: userId });
  });
}

/** Revokes every live API token of a user; audited as done `by` whoever asked. */
export async function revokeAllTokens(tenant: Tenant, userId: string, by: string): Promise<void> {
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection(TOKENS).updateMany({ user: userId, revokedAt: null }, { $set: { revokedAt: new Date().toISOString() } });
    await appendAudit(tx, { actor: by, action: 'auth.token_revoked', record: userId });
  });
}
