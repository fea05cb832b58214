import { ReloadOutlined, RedoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { useLanguage } from '../../../shared/i18n/use-language';
import { formatWhen } from '../jobs/job-state';
import '../jobs/jobs.css';

interface DeliveryAttempt {
  readonly at: string;
  readonly durationMs: number;
  readonly responseStatus?: number;
  readonly error?: string;
  readonly replay?: boolean;
}

interface Delivery {
  readonly _id: string;
  readonly event: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly createdAt: string;
  readonly nextAttemptAt?: string;
  readonly responseStatus?: number;
  readonly lastError?: string;
  readonly attempts: readonly DeliveryAttempt[];
}

/** The setup tones (setup.css), which keep the contrast axe asks for. */
const STATUS_TONE = { pending: 'info', delivered: 'good', failed: 'bad' } as const;

/** A webhook's deliveries, newest first, page by page: each with its attempts and a replay button. */
export function DeliveryLog({ name }: { name: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().md !== false;
  const [pages, setPages] = useState<string[]>([]);
  const before = pages.at(-1);
  const key = ['webhooks', name, 'deliveries', before ?? ''];
  const deliveries = useQuery({
    queryKey: key,
    queryFn: () => api<{ deliveries: Delivery[]; next: string | null }>(`/webhooks/${encodeURIComponent(name)}/deliveries?limit=20${before ? `&before=${before}` : ''}`),
    // While a delivery waits for an attempt, the log follows it.
    refetchInterval: (query) => (query.state.data?.deliveries.some((delivery) => delivery.status === 'pending') ? 3000 : false),
  });
  const [replaying, setReplaying] = useState<string>();

  async function replay(id: string) {
    setReplaying(id);
    try {
      await api(`/webhooks/${encodeURIComponent(name)}/deliveries/${id}/replay`, { method: 'POST' });
      void message.success(t('setup.webhooks.replayed', { id }));
      await queryClient.invalidateQueries({ queryKey: ['webhooks', name] });
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setReplaying(undefined);
    }
  }

  const attemptLine = (attempt: DeliveryAttempt) =>
    `${formatWhen(attempt.at, language)} · ${attempt.responseStatus === undefined ? t('setup.webhooks.noAnswer') : `HTTP ${attempt.responseStatus}`} · ${attempt.durationMs} ms${attempt.replay ? ` · ${t('setup.webhooks.replay')}` : ''}`;
  const status = (delivery: Delivery) => (
    <div className="setup-jobs-cell">
      <Tag className={`setup-tone-${STATUS_TONE[delivery.status]}`}>{t(`setup.webhooks.statuses.${delivery.status}`)}</Tag>
      {delivery.nextAttemptAt && <span className="setup-jobs-meta">{t('setup.webhooks.nextAttempt', { when: formatWhen(delivery.nextAttemptAt, language) })}</span>}
    </div>
  );
  const columns: TableColumnsType<Delivery> = [
    {
      key: 'delivery',
      title: t('setup.webhooks.delivery'),
      render: (_, delivery) => (
        <div className="setup-jobs-cell">
          <strong>{t(`setup.webhooks.eventNames.${delivery.event}`, { defaultValue: delivery.event })}</strong>
          <code className="setup-jobs-meta webhook-delivery-id">{delivery._id}</code>
          <span className="setup-jobs-meta">{formatWhen(delivery.createdAt, language)}</span>
          {delivery.status !== 'delivered' && delivery.lastError && <span className="setup-jobs-meta setup-jobs-wrap setup-jobs-error">{delivery.lastError}</span>}
          {!wide && status(delivery)}
        </div>
      ),
    },
    ...(wide ? ([{ key: 'status', title: t('setup.webhooks.state'), width: 200, render: (_, delivery) => status(delivery) }] satisfies TableColumnsType<Delivery>) : []),
    {
      key: 'attempts',
      title: t('setup.webhooks.attempts'),
      responsive: ['sm'],
      render: (_, delivery) => (
        <details>
          <summary>{t('setup.webhooks.attemptsCount', { count: delivery.attempts.length })}</summary>
          <ol className="webhook-attempts">
            {delivery.attempts.map((attempt) => (
              <li key={attempt.at}>
                {attemptLine(attempt)}
                {attempt.error && <div className="setup-jobs-meta setup-jobs-wrap">{attempt.error}</div>}
              </li>
            ))}
          </ol>
        </details>
      ),
    },
    {
      key: 'actions',
      title: t('setup.webhooks.replay'),
      width: wide ? 120 : 96,
      render: (_, delivery) => (
        <Button size="small" icon={<RedoOutlined />} loading={replaying === delivery._id} disabled={delivery.status === 'pending'} aria-label={t('setup.webhooks.replayLabel', { id: delivery._id })} onClick={() => void replay(delivery._id)}>
          {t('setup.webhooks.replay')}
        </Button>
      ),
    },
  ];

  return (
    <section aria-labelledby="webhook-deliveries-title" className="webhook-deliveries">
      <header className="setup-page-header">
        <div>
          <h3 id="webhook-deliveries-title">{t('setup.webhooks.deliveries')}</h3>
          <p className="setup-page-subtitle">{t('setup.webhooks.deliveriesHelp')}</p>
        </div>
        <Button icon={<ReloadOutlined />} onClick={() => void deliveries.refetch()}>
          {t('setup.webhooks.refresh')}
        </Button>
      </header>
      {deliveries.error && <Alert type="error" showIcon role="alert" title={t('setup.webhooks.deliveriesFailed', { message: deliveries.error.message })} />}
      <Table<Delivery>
        rowKey="_id"
        size="middle"
        columns={columns}
        dataSource={deliveries.data?.deliveries ?? []}
        loading={deliveries.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.webhooks.deliveriesEmpty')}</span> }}
      />
      <div className="setup-form-actions">
        {pages.length > 0 && <Button onClick={() => setPages([])}>{t('setup.webhooks.newest')}</Button>}
        {deliveries.data?.next && <Button onClick={() => setPages([...pages, deliveries.data.next!])}>{t('setup.webhooks.older')}</Button>}
      </div>
    </section>
  );
}
