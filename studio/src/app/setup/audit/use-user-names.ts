import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usersQuery, type AdminUser } from '../users/admin-user';

/**
 * Users by name for logs that store ids (the audit log's actor, the history's author): the users
 * list setup already reads (and caches), `system` in the user's language, an unknown id as itself.
 */
export function useUserNames(): { name: (id: string) => string; users: readonly AdminUser[] } {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  return useMemo(() => {
    const names = new Map((users.data?.users ?? []).map((user) => [user._id, user.full_name || user.email || user._id]));
    return { name: (id: string) => (id === 'system' ? t('setup.audit.system') : (names.get(id) ?? id)), users: users.data?.users ?? [] };
  }, [users.data, t]);
}
