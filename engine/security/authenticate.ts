import { EngineError, ForbiddenError } from '../errors/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { principalOf, type Principal } from '../context/principal.js';
import type { Tenant } from '../context/index.js';
import { LAST_USED_PRECISION_MS, tokenOwner } from './api-tokens.js';
import { changeCounts, recall, remember, type KnownCredential } from './known-credentials.js';
import { SESSIONS, type SessionDoc } from './auth-collections.js';
import { secretId } from './secret-token.js';
import { msg, type Text } from '../i18n/message.js';

export const SESSION_COOKIE = 'crm_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Credentials {
  /** `Authorization: Bearer <token>`. */
  bearer?: string;
  /** The session cookie's secret. */
  session?: string;
  /** The CSRF header, required with a session on state-changing calls. */
  csrf?: string;
  /** GET, HEAD and OPTIONS change nothing and need no CSRF token. */
  safeMethod: boolean;
}

export class UnauthenticatedError extends EngineError {
  constructor(message: Text = msg`Sign in first: send a session cookie from POST /api/v1/auth/login, or an API token as "Authorization: Bearer <token>".`) {
    super('unauthenticated', 401, message);
  }
}

/**
 * The principal behind a request: an API token, or a session cookie with its CSRF token for
 * anything that changes state. The user must still exist and be active, so deactivating a user
 * stops their sessions and tokens at once.
 */
export async function authenticate(tenant: Tenant, credentials: Credentials): Promise<Principal & { session?: string }> {
  const secret = credentials.bearer ?? credentials.session;
  if (!secret) throw new UnauthenticatedError();
  const id = secretId(secret);
  const users = tenant.metadata.snapshot.object('user')!;
  const counts = changeCounts(tenant.store, users.collection);
  const recalled = counts && recall(tenant.store, id, counts);
  const known = recalled && (recalled.lastUsedAt === undefined || Date.now() - recalled.lastUsedAt <= LAST_USED_PRECISION_MS) ? recalled : await lookUp(tenant, credentials, id, users.collection);
  if (counts && known !== recalled) remember(tenant.store, id, counts, users.collection, known);
  if (!known.session) return known.principal;
  checkSession(known.session, credentials);
  return { ...known.principal, session: credentials.session! };
}

/** What the store says of a token or a session and its user, refused as the request must be when either is no longer valid. */
async function lookUp(tenant: Tenant, credentials: Credentials, id: string, usersCollection: string): Promise<KnownCredential> {
  let userId: string;
  let known: Omit<KnownCredential, 'principal'>;
  if (credentials.bearer) {
    const token = await tokenOwner(tenant, id);
    if (!token) throw new UnauthenticatedError(msg`This API token is not valid: it was revoked, or never issued here.`);
    userId = token.user;
    known = { lastUsedAt: token.lastUsedAt };
  } else {
    const found = await tenant.store.collection<SessionDoc>(SESSIONS).findOne({ _id: id });
    if (!found || found.expiresAt <= new Date().toISOString()) throw new UnauthenticatedError(msg`Your session has ended; sign in again.`);
    userId = found.user;
    known = { session: { expiresAt: found.expiresAt, csrf: found.csrf } };
  }
  const user = await tenant.store.collection<StoredRecord>(usersCollection).findOne(alive({ _id: userId }));
  if (!user || user.active === false) throw new UnauthenticatedError(msg`This user is no longer active.`);
  return { ...known, principal: principalOf(user) };
}

function checkSession(session: NonNullable<KnownCredential['session']>, credentials: Credentials): void {
  if (session.expiresAt <= new Date().toISOString()) throw new UnauthenticatedError(msg`Your session has ended; sign in again.`);
  if (!credentials.safeMethod && credentials.csrf !== session.csrf) {
    throw new ForbiddenError(msg`This request changes data but lacks the ${CSRF_HEADER} header the sign-in returned (protection against cross-site requests).`);
  }
}
