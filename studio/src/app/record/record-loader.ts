import type { FetchQueryOptions, QueryKey } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { prefetchSignedIn } from '../../shared/api/query-client';
import { formQuery } from '../../shared/forms/use-form';
import { startLanguage } from '../../shared/i18n/i18n';
import { objectsQuery } from '../../shared/metadata/use-objects';
import { approvalQuery, definitionsQuery, filesQuery, historyQuery, permissionsQuery, recordQuery, sharesQuery } from './record-queries';

/**
 * The record route's loader, in a chunk of its own that arrives before the page's: it starts every
 * request of the page (the record as soon as the objects say which lookups to expand, its form,
 * permissions, approval, owner and sharing, history and files) while the session, the objects and
 * the page's code are on their way, instead of the page asking for the record after its first
 * render and each panel for its own data after the record came. Nothing waits for it.
 */
export function recordLoader({ params }: LoaderFunctionArgs): null {
  const name = params.object ?? '';
  const id = params.id ?? '';
  const language = startLanguage();
  prefetchSignedIn((client) => {
    const record = recordQuery(name, id, async () => {
      const { objects } = await client.ensureQueryData(objectsQuery);
      const object = objects.find((candidate) => candidate.name === name);
      if (!object) throw new Error(`No object '${name}'.`);
      return { object, objects };
    });
    const started: QueryKey[] = [];
    const start = <T, K extends QueryKey>(query: FetchQueryOptions<T, Error, T, K>) => {
      void client.prefetchQuery(query);
      started.push(query.queryKey);
    };
    start(record);
    start(formQuery(name, language));
    start(permissionsQuery(name, id, language));
    start(approvalQuery(name, id, language));
    start(historyQuery(name, id));
    start(filesQuery(name, id));
    start(sharesQuery(name, id));
    start(definitionsQuery('roles'));
    start(definitionsQuery('groups'));
    return started;
  });
  return null;
}
