import { EngineError, ForbiddenError } from '../errors/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { principalOf, type Principal } from '../context/principal.js';
import type { Tenant } from '../context/index.js';
import { tokenOwner } from './api-tokens.js';
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
  let userId: string | undefined;
  let session: string | undefined;
  if (credentials.bearer) {
    userId = await tokenOwner(tenant, credentials.bearer);
    if (!userId) throw new UnauthenticatedError(msg`This API token is not valid: it was revoked, or never issued here.`);
  } else if (credentials.session) {
    const found = await tenant.store.collection<SessionDoc>(SESSIONS).findOne({ _id: secretId(credentials.session) });
    if (!found || found.expiresAt <= new Date().toISOString()) throw new UnauthenticatedError(msg`Your session has ended; sign in again.`);
    if (!credentials.safeMethod && credentials.csrf !== found.csrf) {
      throw new ForbiddenError(msg`This request changes data but lacks the ${CSRF_HEADER} header the sign-in returned (protection against cross-site requests).`);
    }
    userId = found.user;
    session = credentials.session;
  } else {
    throw new UnauthenticatedError();
  }
  const users = tenant.metadata.snapshot.object('user')!;
  const user = await tenant.store.collection<StoredRecord>(users.collection).findOne(alive({ _id: userId }));
  if (!user || user.active === false) throw new UnauthenticatedError(msg`This user is no longer active.`);
  return { ...principalOf(user), ...(session ? { session } : {}) };
}
