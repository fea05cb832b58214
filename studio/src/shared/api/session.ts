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
  /** The user's system rights from the server (not a field of the record): what the app offers depends on them. */
  readonly rights?: SystemRights;
}

/** The system rights /auth/me and /auth/login answer, as the engine checks them. */
export interface SystemRights {
  readonly manageMetadata: boolean;
  readonly manageUsers: boolean;
  readonly viewAllData: boolean;
  readonly modifyAllData: boolean;
  readonly viewAuditLog: boolean;
  readonly editLockedRecords: boolean;
}

interface SignedIn {
  readonly user: SessionUser;
  readonly rights?: SystemRights;
  readonly csrfToken?: string;
}

export const SESSION_KEY = ['session'] as const;

/** The session behind the cookie, or null when there is none; its CSRF token goes to the client's memory. */
async function loadSession(): Promise<SessionUser | null> {
  try {
    const me = await api<SignedIn>('/auth/me');
    setCsrfToken(me.csrfToken);
    return { ...me.user, rights: me.rights };
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
  return { ...signedIn.user, rights: signedIn.rights };
}

export async function signOut(): Promise<void> {
  try {
    await api<void>('/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(undefined);
  }
}

/** Whether the user may open the setup area: any of the rights its sections need. */
export function hasSetupRight(user: SessionUser | null | undefined): boolean {
  const rights = user?.rights;
  return rights !== undefined && (rights.manageMetadata || rights.manageUsers || rights.viewAuditLog);
}
