import { CheckSquareOutlined } from '@ant-design/icons';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/api-client';

/**
 * Every approval query's key starts with this: the pages invalidate it after an action, which
 * refreshes this badge with the inbox, the home page's list and the record's panel.
 */
export const APPROVALS_KEY = 'approvals';

/** How many approvals wait for the user: one small call, again every minute. */
export const approvalsCountQuery = queryOptions({ queryKey: [APPROVALS_KEY, 'count'], queryFn: () => api<{ total: number }>('/approvals/inbox', { query: { limit: 1 } }), staleTime: 5_000 });

/** The header's link to the approvals inbox with the number of items waiting: one small call, again every minute. */
export function ApprovalsBadge() {
  const { t } = useTranslation();
  const count = useQuery({ ...approvalsCountQuery, refetchInterval: 60_000 });
  const total = count.data?.total ?? 0;
  return (
    <Link to="/approvals" className="shell-header-button approvals-badge" aria-label={t('app.approvalsBadge', { count: total })}>
      <CheckSquareOutlined aria-hidden />
      {total > 0 && (
        <span className="approvals-badge-count" aria-hidden>
          {total > 99 ? '99+' : total}
        </span>
      )}
    </Link>
  );
}
