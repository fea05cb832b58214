import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { ObjectDefinition } from './object-definition';

/** What the user's permission sets let them do with an object's records (sharing still decides per record). */
export interface ObjectRights {
  readonly create: boolean;
  readonly read: boolean;
  readonly edit: boolean;
  readonly delete: boolean;
  readonly viewAll: boolean;
  readonly modifyAll: boolean;
}

interface ObjectList {
  readonly objects: readonly ObjectDefinition[];
  /** By object name: the server refuses what these do not grant, so the app does not offer it. */
  readonly rights: Readonly<Record<string, ObjectRights>>;
  readonly version: number;
}

const NO_RIGHTS: ObjectRights = { create: false, read: false, edit: false, delete: false, viewAll: false, modifyAll: false };

/**
 * The objects this user may read, with their fields (the server leaves out the rest). Labels
 * carry every language, so one cached copy serves all of them; it is fetched again after a
 * minute, when the metadata may have moved on.
 */
export const objectsQuery = queryOptions({ queryKey: ['meta', 'objects'], queryFn: () => api<ObjectList>('/meta/objects'), staleTime: 60_000 });

export function useObjects() {
  return useQuery(objectsQuery);
}

/** The user's rights on an object's records; none until known, so nothing is offered that might be refused. */
export function useObjectRights(): (name: string) => ObjectRights {
  const rights = useObjects().data?.rights;
  return (name) => rights?.[name] ?? NO_RIGHTS;
}

export function useObject(name: string | undefined): { object: ObjectDefinition | undefined; objects: readonly ObjectDefinition[]; rights: ObjectRights; isLoading: boolean; error: unknown } {
  const query = useObjects();
  const objects = query.data?.objects ?? [];
  const rights = (name !== undefined ? query.data?.rights[name] : undefined) ?? NO_RIGHTS;
  return { object: objects.find((object) => object.name === name), objects, rights, isLoading: query.isLoading, error: query.error };
}
