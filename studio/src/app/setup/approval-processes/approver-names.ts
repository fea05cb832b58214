import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { RecordLike } from '../../../shared/metadata/record-value';
import { useObjects } from '../../../shared/metadata/use-objects';
import { groupsQuery } from '../groups/groups-query';
import { rolesQuery } from '../roles/roles-query';
import type { ApproverDraft } from './approver-draft';

/**
 * Whom an approver names, as people read it: a role's or group's label, a field's label, a user's
 * full name (the users the steps name read in one request), the API name or id until known.
 */
export function useApproverNames(object: string, userIds: readonly string[]): (approver: ApproverDraft) => string {
  const language = useLanguage();
  const roles = useQuery(rolesQuery);
  const groups = useQuery(groupsQuery);
  const objects = useObjects();
  const ids = [...new Set(userIds)].sort();
  const users = useQuery({
    queryKey: ['lookup', 'user', 'ids', ids],
    queryFn: () => api<{ records: RecordLike[] }>('/records/user', { query: { limit: 200, filter: JSON.stringify({ _id: { in: ids } }) } }),
    enabled: ids.length > 0,
  });
  const fields = objects.data?.objects.find((candidate) => candidate.name === object)?.fields ?? [];
  return ({ kind, value }) => {
    if (kind === 'role') return localize(roles.data?.roles.find((role) => role.name === value)?.label, language, value);
    if (kind === 'group') return localize(groups.data?.groups.find((group) => group.name === value)?.label, language, value);
    if (kind === 'field') return localize(fields.find((field) => field.name === value)?.label, language, value);
    if (kind === 'user') {
      const user = users.data?.records.find((record) => record._id === value);
      return typeof user?.full_name === 'string' ? user.full_name : value;
    }
    return '';
  };
}
