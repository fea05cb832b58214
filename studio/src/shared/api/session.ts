import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from './api-client';
import { isApiError } from './api-error';

/** The signed-in user as /auth/me returns their record. */
export interface SessionUser {
  readonly _id: string;
  readonly _version: number;
  readonly full_name?: string;
  readonly email?: string;
  readonly language?: string;
}

interface SignedIn {
  readonly user: SessionUser;
  readonly csrfToken?: string;
}

export const SESSION_KEY = ['session'] as const;

/** The session behind the cookie, or null when there is none; its CSRF token goes to the client's memory. */
async function loadSession(): Promise<SessionUser | null> {
  try {
    const me = await api<SignedIn>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me.user;
  } catch (error) {
    if (!isApiError(error, 401)) throw error;
    setCsrfToken(undefined);
    return null;
  }
}

export const sessionQuery = queryOptions({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: Infinity, retry: false });

export function useSession() {
  return useQuery(sessionQuery);
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const signedIn = await api<SignedIn>('/auth/login', { method: 'POST', body: { email, password } });
  setCsrfToken(signedIn.csrfToken);
  return signedIn.user;
}

export async function signOut(): Promise<void> {
  try {
    await api<void>('/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(undefined);
  }
}
