import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client';
import { recordTitle, type RecordLike } from '../../shared/metadata/record-value';
import { isRecordId } from '../../shared/metadata/record-id';
import { useObject } from '../../shared/metadata/use-objects';

/**
 * The names of some records of one object (the users in a history, the parents of lookup values),
 * in one request: ids the user may not see stay without a name and show as they are. So do values
 * that are no record ids (the platform's own principal, `admin`, owns what it creates; an address
 * may carry anything), which the server would refuse and fail the whole request for.
 */
export function useRecordNames(objectName: string, ids: readonly string[]): ReadonlyMap<string, string> {
  const { object } = useObject(objectName);
  const wanted = [...new Set(ids)].filter(isRecordId).sort();
  const names = useQuery({
    queryKey: ['names', objectName, wanted],
    enabled: Boolean(object) && wanted.length > 0,
    staleTime: 60_000,
    queryFn: () =>
      api<{ records: RecordLike[] }>(`/records/${encodeURIComponent(objectName)}`, {
        query: { filter: JSON.stringify({ _id: { in: wanted } }), limit: wanted.length },
      }),
  });
  return new Map((names.data?.records ?? []).map((record) => [record._id, object ? recordTitle(object, record) : record._id]));
}
