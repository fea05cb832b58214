import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { ObjectDefinition } from './object-definition';

interface ObjectList {
  readonly objects: readonly ObjectDefinition[];
  readonly version: number;
}

/**
 * The objects this user may read, with their fields (the server leaves out the rest). Labels
 * carry every language, so one cached copy serves all of them; it is fetched again after a
 * minute, when the metadata may have moved on.
 */
export const objectsQuery = queryOptions({ queryKey: ['meta', 'objects'], queryFn: () => api<ObjectList>('/meta/objects'), staleTime: 60_000 });

export function useObjects() {
  return useQuery(objectsQuery);
}

export function useObject(name: string | undefined): { object: ObjectDefinition | undefined; objects: readonly ObjectDefinition[]; isLoading: boolean; error: unknown } {
  const query = useObjects();
  const objects = query.data?.objects ?? [];
  return { object: objects.find((object) => object.name === name), objects, isLoading: query.isLoading, error: query.error };
}
