import { Grid, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language';
import { EMAIL_FILTERS, formatWhen, outboxState, WEBHOOK_FILTERS } from './job-state';
import { loadOutbox, retryDelivery, type OutboxEntry, type OutboxKind } from './jobs-api';
import { PagedList } from './paged-list';
import { RetryButton } from './retry-button';
import { FailureReason, RowStatus } from './row-status';

/** What an entry is, in one line: an e-mail's subject and recipients, a webhook call's address. */
function headline(entry: OutboxEntry): { title: string; detail: string } {
  return 'url' in entry ? { title: entry.url, detail: entry.responseStatus === undefined ? '' : `HTTP ${entry.responseStatus}` } : { title: entry.subject, detail: entry.to.join(', ') };
}

/** The E-mails and Webhooks tabs: each entry with where its delivery stands, why it failed, and a retry. */
export function OutboxTab({ kind }: { kind: OutboxKind }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // On a phone the status goes under the entry, as on the Jobs tab.
  const wide = Grid.useBreakpoint().md !== false;
  const status = (entry: OutboxEntry) => (
    <RowStatus
      state={outboxState(entry)}
      {...(entry.delivery ? { attempts: entry.delivery.attempts, dueAt: entry.delivery.dueAt } : {})}
      endedAt={'sentAt' in entry ? entry.sentAt : 'deliveredAt' in entry ? entry.deliveredAt : undefined}
    />
  );
  const columns: TableColumnsType<OutboxEntry> = [
    {
      key: 'entry',
      title: kind === 'email' ? t('setup.jobs.subject') : t('setup.jobs.url'),
      render: (_, entry) => {
        const { title, detail } = headline(entry);
        const note = 'note' in entry ? entry.note : undefined;
        return (
          <div className="setup-jobs-cell">
            <strong className="setup-jobs-wrap">{title}</strong>
            {detail && <span className="setup-jobs-meta setup-jobs-wrap">{kind === 'email' ? `${t('setup.jobs.to')}: ${detail}` : detail}</span>}
            {entry.reason && <span className="setup-jobs-meta">{`${t('setup.jobs.reason')}: ${entry.reason}`}</span>}
            {note && <span className="setup-jobs-meta">{note}</span>}
            <FailureReason state={outboxState(entry)} error={entry.lastError} />
            {!wide && status(entry)}
          </div>
        );
      },
    },
    ...(wide
      ? ([
          { key: 'status', title: t('setup.jobs.status'), width: 200, render: (_, entry) => status(entry) },
          { key: 'queued', title: t('setup.jobs.queued'), responsive: ['lg'], width: 180, render: (_, entry) => formatWhen(entry.queuedAt, language) },
        ] satisfies TableColumnsType<OutboxEntry>)
      : []),
    {
      key: 'actions',
      title: t('setup.jobs.actions'),
      width: wide ? 110 : 96,
      render: (_, entry) =>
        outboxState(entry) === 'failed' ? <RetryButton name={headline(entry).title} confirm={t('setup.jobs.retryDeliveryConfirm')} retry={() => retryDelivery(kind, entry._id)} /> : null,
    },
  ];
  return (
    <PagedList<OutboxEntry>
      name={kind}
      filters={kind === 'email' ? EMAIL_FILTERS : WEBHOOK_FILTERS}
      load={(params) => loadOutbox(kind, params)}
      columns={columns}
      state={outboxState}
    />
  );
}
