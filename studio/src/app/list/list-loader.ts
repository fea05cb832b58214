import type { LoaderFunctionArgs } from 'react-router';
import { prefetchSignedIn } from '../../shared/api/query-client';
import { formQuery } from '../../shared/forms/use-form';
import { startLanguage } from '../../shared/i18n/i18n';
import { objectsQuery } from '../../shared/metadata/use-objects';
import { addressState, listQuery, recordsPageQuery } from './list-query';
import { listViewsQuery, viewColumns } from './list-views';

/**
 * The list route's loader, in a chunk of its own that arrives before the page's: it starts the
 * page's requests (its views, its form, and its first page of records as soon as the objects say
 * which fields to expand) while the session, the objects and the page's code are still on their
 * way, so the table renders once, with its rows. Nothing waits for it: the page asks for the same
 * queries and finds them in the cache or in flight.
 */
export function listLoader({ params, request }: LoaderFunctionArgs): null {
  const name = params.object ?? '';
  const address = new URL(request.url).searchParams;
  // The language the app starts in or was last switched to (kept by changeLanguage).
  const language = startLanguage();
  prefetchSignedIn((client) => {
    const views = listViewsQuery(name, language);
    const form = formQuery(name, language);
    void client.prefetchQuery(views);
    void client.prefetchQuery(form);
    // The board and the scrolling table ask for their records in their own way.
    const mode = address.get('mode');
    if (mode === 'scroll' || mode === 'kanban') return [views.queryKey, form.queryKey];
    const state = addressState(address);
    const page = recordsPageQuery(name, state.viewKey, undefined, async () => {
      const { objects } = await client.ensureQueryData(objectsQuery);
      const object = objects.find((candidate) => candidate.name === name);
      if (!object) throw new Error(`No object '${name}' to list.`);
      const view = address.get('view') ? (await client.ensureQueryData(views)).views.find((candidate) => candidate.name === address.get('view')) : undefined;
      return listQuery(object, viewColumns(object, view), { ...state, cursor: undefined }, objects);
    });
    const viewName = address.get('view');
    if (viewName && mode === null) {
      // A kanban view named without a mode opens its board: the table's page waits for the view to say it is no board.
      void client.ensureQueryData(views).then(
        (answer) => {
          if (answer.views.find((candidate) => candidate.name === viewName)?.kanbanField === undefined) void client.prefetchQuery(page);
        },
        () => undefined,
      );
    } else void client.prefetchQuery(page);
    return [views.queryKey, form.queryKey, page.queryKey];
  });
  return null;
}
