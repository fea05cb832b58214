import { QueryClient } from '@tanstack/react-query';
import { objectsQuery } from '../metadata/use-objects';
import { isApiError } from './api-error';
import { sessionQuery } from './session';

/** The app's one server-state cache. */
export const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) is an answer, not a glitch: retrying it only delays the message.
    queries: { retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500), refetchOnWindowFocus: false },
  },
});

/**
 * Asks for the session, and once signed in for the objects, while the app is still starting: the
 * first page then finds both in the cache instead of asking after its first render (a waterfall
 * of several hundred milliseconds on a busy phone).
 */
export function prefetchStartData(): void {
  void queryClient
    .fetchQuery(sessionQuery)
    .then((user) => (user ? queryClient.prefetchQuery(objectsQuery) : undefined))
    .catch(() => undefined);
}
