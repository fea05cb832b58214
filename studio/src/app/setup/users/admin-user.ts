import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import type { PermissionSetDefinition } from '../permission-sets/permission-set-draft';

/** A user record as /records/user answers it (metadata/user.object.json). */
export interface AdminUser {
  readonly _id: string;
  readonly _version: number;
  readonly full_name?: string;
  readonly email?: string;
  readonly role?: string | null;
  readonly permission_sets?: unknown;
  readonly language?: string | null;
  readonly active?: boolean | null;
}

/** A permission set as /meta/permission-sets answers it. */
export type PermissionSetSummary = PermissionSetDefinition;

/** Pages of the biggest size the records API serves; a setup list of users is read whole. */
const PAGE = 200;
/** Past this many users the list stops reading (and says so); search then narrows the first ones. */
export const MAX_USERS = 2000;

/** Every user (up to MAX_USERS), page by page, ordered by name. */
export async function loadUsers(): Promise<{ users: AdminUser[]; complete: boolean }> {
  const users: AdminUser[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ records: AdminUser[]; next: string | null }>('/records/user', { query: { limit: PAGE, sort: 'full_name', cursor } });
    users.push(...page.records);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined && users.length < MAX_USERS);
  return { users, complete: cursor === undefined };
}

export const USERS_KEY = ['setup', 'users'] as const;
export const usersQuery = queryOptions({ queryKey: USERS_KEY, queryFn: loadUsers });

export const permissionSetsQuery = queryOptions({
  queryKey: ['meta', 'permission-sets'],
  queryFn: () => api<{ permissionSets: PermissionSetSummary[]; etags?: Readonly<Record<string, string>> }>('/meta/permission-sets'),
});

/** A user's permission set names: the field is JSON, so anything else than a list of names reads as none. */
export function permissionSetsOf(user: Pick<AdminUser, 'permission_sets'>): string[] {
  return Array.isArray(user.permission_sets) ? user.permission_sets.filter((name): name is string => typeof name === 'string') : [];
}

/** Inactive only when the record says so: the field defaults to active. */
export function isActive(user: Pick<AdminUser, 'active'>): boolean {
  return user.active !== false;
}
