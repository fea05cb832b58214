import type { Doc } from '../store/port.js';

/** Where a tenant keeps what proves who is who; none of it is reachable through the records API. */
export const CREDENTIALS = 'auth.credentials';
export const SESSIONS = 'auth.sessions';
export const TOKENS = 'auth.tokens';

export interface CredentialDoc extends Doc {
  /** The scrypt hash; the _id is the user's id. */
  hash: string;
  changedAt: string;
}

export interface SessionDoc extends Doc {
  /** _id is the SHA-256 of the cookie's secret; `id` is what the user and administrators see and end it by. */
  id?: string;
  user: string;
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export interface TokenDoc extends Doc {
  /** _id is the SHA-256 of the token; `id` is what the owner sees and revokes by. */
  id: string;
  user: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}
