import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { RoleDefinition } from './role-tree';

/** Every role (read with manage-users or manage-metadata): the tree, the users' role select and the groups' members. */
export const rolesQuery = queryOptions({
  queryKey: ['meta', 'roles'],
  queryFn: () => api<{ roles: RoleDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/roles'),
});
