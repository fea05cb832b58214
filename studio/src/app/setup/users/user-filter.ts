import { isActive, permissionSetsOf, type AdminUser } from './admin-user';

export type ActiveFilter = 'all' | 'active' | 'inactive';

/** How the list names roles and permission sets: their labels in the user's language. */
export interface UserLabels {
  role(name: string): string;
  permissionSet(name: string): string;
}

/**
 * The users whose name, e-mail (their user name), role or permission sets (label or API name)
 * hold the text, active, inactive or both.
 */
export function filterUsers(users: readonly AdminUser[], text: string, status: ActiveFilter, labels: UserLabels): AdminUser[] {
  const needle = text.trim().toLocaleLowerCase();
  return users.filter((user) => {
    if (status !== 'all' && isActive(user) !== (status === 'active')) return false;
    if (needle === '') return true;
    const role = user.role ? [user.role, labels.role(user.role)] : [];
    const sets = permissionSetsOf(user).flatMap((name) => [name, labels.permissionSet(name)]);
    return [user.full_name ?? '', user.email ?? '', ...role, ...sets].some((value) => value.toLocaleLowerCase().includes(needle));
  });
}
