import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { GroupDefinition } from './group-draft';

/** Every public group: the groups page, and the pickers of sharing rules. */
export const groupsQuery = queryOptions({ queryKey: ['meta', 'groups'], queryFn: () => api<{ groups: GroupDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/groups') });
