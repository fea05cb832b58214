import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../shared/api/session';
import { BackfillTab } from './backfill-tab';
import { JobListTab } from './job-list-tab';
import { OutboxTab } from './outbox-tab';
import './jobs.css';

const TABS = ['jobs', 'emails', 'webhooks', 'backfills'] as const;
type Tab = (typeof TABS)[number];

/**
 * /setup/jobs?tab=…: the background work of the tenant for whoever may read the audit log: due-jobs,
 * the e-mail and webhook outboxes, and (for those who may manage metadata) the backfills.
 */
export function JobsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rights = useSession().data?.rights;
  const tabs = TABS.filter((tab) => tab !== 'backfills' || rights?.manageMetadata === true);
  const wanted = params.get('tab');
  const active: Tab = tabs.find((tab) => tab === wanted) ?? 'jobs';
  const content: Record<Tab, React.ReactNode> = {
    jobs: <JobListTab />,
    emails: <OutboxTab kind="email" />,
    webhooks: <OutboxTab kind="webhook" />,
    backfills: <BackfillTab />,
  };
  return (
    <section aria-labelledby="setup-jobs-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-jobs-title">{t('setup.jobs.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.jobs.subtitle')}</p>
        </div>
      </header>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams(tab === 'jobs' ? {} : { tab }, { replace: true })}
        destroyOnHidden
        items={tabs.map((tab) => ({ key: tab, label: t(`setup.jobs.tabs.${tab}`), children: content[tab] }))}
      />
    </section>
  );
}
