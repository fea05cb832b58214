import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { objectsQuery } from '../metadata/use-objects';
import { appsQuery } from '../metadata/use-apps';
import { approvalsCountQuery } from '../shell/approvals-badge';
import type { UiLanguage } from '../i18n/languages';
import { isApiError } from './api-error';
import { SESSION_KEY, sessionQuery } from './session';

/** The app's one server-state cache. */
export const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) is an answer, not a glitch: retrying it only delays the message.
    queries: { retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500), refetchOnWindowFocus: false },
  },
});

/**
 * Starts the queries a page is going to need without waiting for the session's answer: asking for
 * them only once the session answered (and the shell rendered) made a waterfall of several hundred
 * milliseconds. When the answer is that nobody is signed in, their answers (401s) are dropped from
 * the cache, so nothing of them shows and the pages ask again after signing in; the sign-in page
 * comes instead of the page either way. Once signed out, nothing is started.
 */
export function prefetchSignedIn(start: (client: QueryClient) => readonly QueryKey[]): void {
  const session = queryClient.getQueryState(SESSION_KEY);
  if (session?.status === 'success' && session.data === null) return;
  const keys = start(queryClient);
  void queryClient.fetchQuery(sessionQuery).then(
    (user) => {
      if (!user) for (const queryKey of keys) queryClient.removeQueries({ queryKey, exact: true });
    },
    () => undefined,
  );
}

/** The session, and beside it what the shell shows on every page: the objects, the user's apps, the approvals waiting. */
export function prefetchStartData(language: UiLanguage): void {
  void queryClient.prefetchQuery(sessionQuery);
  prefetchSignedIn((client) => {
    const apps = appsQuery(language);
    void client.prefetchQuery(objectsQuery);
    void client.prefetchQuery(apps);
    void client.prefetchQuery(approvalsCountQuery);
    return [objectsQuery.queryKey, apps.queryKey, approvalsCountQuery.queryKey];
  });
}
