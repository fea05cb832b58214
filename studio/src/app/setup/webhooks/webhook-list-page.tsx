import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { WebhookDefinition } from './webhook-definition';
import './webhooks.css';

/** /setup/webhooks: every outgoing webhook with its receiver, its events and whether it is active. */
export function WebhookListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const webhooks = useQuery({ queryKey: ['meta', 'webhooks'], queryFn: () => api<{ webhooks: WebhookDefinition[] }>('/meta/webhooks') });
  const list = [...(webhooks.data?.webhooks ?? [])].sort((a, b) => localize(a.label, language, a.name).localeCompare(localize(b.label, language, b.name), language));
  const columns: TableColumnsType<WebhookDefinition> = [
    { key: 'label', title: t('setup.webhooks.label'), render: (_, webhook) => <Link to={`/setup/webhooks/${webhook.name}`}>{localize(webhook.label, language, webhook.name)}</Link> },
    { key: 'url', title: t('setup.webhooks.url'), responsive: ['md'], render: (_, webhook) => <span className="setup-api-name webhook-url">{webhook.url}</span> },
    {
      key: 'events',
      title: t('setup.webhooks.events'),
      responsive: ['sm'],
      render: (_, webhook) => [...new Set(webhook.events.map((event) => t(`setup.webhooks.eventNames.${event.on}`)))].join(', '),
    },
    {
      key: 'state',
      title: t('setup.webhooks.state'),
      render: (_, webhook) => (webhook.active === false ? <Tag className="setup-tone-plain">{t('setup.webhooks.inactive')}</Tag> : <Tag className="setup-tone-good">{t('setup.webhooks.active')}</Tag>),
    },
  ];
  return (
    <section aria-labelledby="setup-webhooks-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-webhooks-title">{t('setup.webhooks.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.webhooks.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/webhooks/new')}>
          {t('setup.webhooks.new')}
        </Button>
      </header>
      {webhooks.error && <Alert type="error" showIcon role="alert" title={t('setup.webhooks.loadFailed', { message: webhooks.error.message })} />}
      <Table<WebhookDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={webhooks.isPending}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.webhooks.empty')}</span> }}
      />
    </section>
  );
}
