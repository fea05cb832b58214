import { randomBytes } from 'node:crypto';
import { NotFoundError, ValidationError } from '../errors/index.js';
import type { Tenant } from '../context/index.js';
import { appendAudit } from '../audit/audit-log.js';
import { TOKENS, type TokenDoc } from './auth-collections.js';
import { newSecret, secretId } from './secret-token.js';
import { msg } from '../i18n/message.js';

export interface IssuedToken {
  id: string;
  name: string;
  /** Shown this once; only its hash is kept. */
  token: string;
  createdAt: string;
}

export type TokenView = Pick<TokenDoc, 'id' | 'name' | 'createdAt' | 'lastUsedAt'>;

/** How stale a token's last-used time may get: recording every use would be a write per read. */
export const LAST_USED_PRECISION_MS = 60_000;

/** A token for an integration, acting as its user with the user's permissions. */
export async function issueToken(tenant: Tenant, userId: string, name: unknown): Promise<IssuedToken> {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100) {
    throw new ValidationError([{ path: '/name', message: msg`is required: say what the token is for (at most 100 characters)` }]);
  }
  const token = newSecret('crmt');
  const doc: TokenDoc = { _id: secretId(token), id: randomBytes(8).toString('hex'), user: userId, name: name.trim(), createdAt: new Date().toISOString() };
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection<TokenDoc>(TOKENS).insertOne(doc);
    await appendAudit(tx, { actor: userId, action: 'auth.token_created', record: userId });
  });
  return { id: doc.id, name: doc.name, token, createdAt: doc.createdAt };
}

export async function listTokens(tenant: Tenant, userId: string): Promise<TokenView[]> {
  const tokens = await tenant.store.collection<TokenDoc>(TOKENS).find({ user: userId, revokedAt: null }, { sort: { createdAt: -1 } });
  return tokens.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, ...(lastUsedAt ? { lastUsedAt } : {}) }));
}

/** Revokes one token of a user, by the user themselves or (`by`) someone who manages users. */
export async function revokeToken(tenant: Tenant, userId: string, id: string, by = userId): Promise<void> {
  await tenant.store.unitOfWork(async (tx) => {
    const revoked = await tx.collection<TokenDoc>(TOKENS).findOneAndUpdate({ id, user: userId, revokedAt: null }, { $set: { revokedAt: new Date().toISOString() } });
    if (!revoked) throw new NotFoundError(by === userId ? msg`You have no token with id '${id}'.` : msg`This user has no token with id '${id}'.`);
    await appendAudit(tx, { actor: by, action: 'auth.token_revoked', record: userId });
  });
}

/** The owner of a live token (by its id, the hash of its secret) and when its use was last recorded (ms), noting this use (to the minute) in the token and the audit log. */
export async function tokenOwner(tenant: Tenant, id: string): Promise<{ user: string; lastUsedAt: number } | undefined> {
  const doc = await tenant.store.collection<TokenDoc>(TOKENS).findOne({ _id: id });
  if (!doc || doc.revokedAt) return undefined;
  const now = Date.now();
  if (doc.lastUsedAt && now - Date.parse(doc.lastUsedAt) <= LAST_USED_PRECISION_MS) return { user: doc.user, lastUsedAt: Date.parse(doc.lastUsedAt) };
  await tenant.store.unitOfWork(async (tx) => {
    await tx.collection<TokenDoc>(TOKENS).updateOne({ _id: doc._id }, { $set: { lastUsedAt: new Date(now).toISOString() } });
    await appendAudit(tx, { actor: doc.user, action: 'auth.token_used', record: doc.user });
  });
  return { user: doc.user, lastUsedAt: now };
}
