import type { QueryClient } from '@tanstack/react-query';
import { onSessionEnded } from '../api/api-client';
import { SESSION_KEY } from '../api/session';

let expired = false;

/** Whether the last session ended by itself (a 401 mid-work) rather than by signing out. */
export function sessionExpired(): boolean {
  return expired;
}

export function clearSessionExpired(): void {
  expired = false;
}

/** A 401 from any call forgets the session; RequireSession then sends the user to sign in. */
export function watchSessionExpiry(queryClient: QueryClient): () => void {
  return onSessionEnded(() => {
    // Pages start their queries beside the session's own request: a 401 before it answered, or
    // once it said nobody is signed in, ends no session.
    if (!queryClient.getQueryData(SESSION_KEY)) return;
    expired = true;
    queryClient.setQueryData(SESSION_KEY, null);
  });
}
