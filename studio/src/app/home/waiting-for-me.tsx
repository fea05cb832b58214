import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api/api-client';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { approvalKeys, formatWhen, personName, type Inbox } from '../approvals/approval-model';

const FIRST = 5;

/** The home page's "waiting for me": the oldest items of the user's approvals inbox; nothing when it is empty. */
export function WaitingForMe() {
  const { t } = useTranslation();
  const language = useLanguage();
  const inbox = useQuery({ queryKey: approvalKeys.inbox(FIRST), queryFn: () => api<Inbox>('/approvals/inbox', { query: { limit: FIRST } }) });
  if (!inbox.data || inbox.data.items.length === 0) return null;
  const { items, users, total } = inbox.data;
  const names = { system: t('approvals.system'), approvers: t('approvals.allApprovers') };
  return (
    // Plain markup rather than antd's Card: this chunk then shares nothing new with the first load.
    <section aria-labelledby="waiting-for-me" className="home-section">
      <div className="home-section-header">
        <h2 id="waiting-for-me" className="home-section-title">
          {t('approvals.waitingTitle')}
        </h2>
        <Link to="/approvals">{t('approvals.waitingAll', { count: total })}</Link>
      </div>
        <ul className="waiting-list">
          {items.map((item) => (
            <li key={`${item.object}/${item.record}/${item.step}`}>
              <Link to={`/o/${item.object}/${encodeURIComponent(item.record)}`} className="waiting-title">
                {item.title ?? t('approvals.untitled')}
              </Link>
              <span className="waiting-meta">
                {[fromServer(item.objectLabel, language), fromServer(item.stepLabel, language), personName(users, item.submittedBy, names), formatWhen(item.submittedAt ?? item.assignedAt, language)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
    </section>
  );
}
