import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Grid, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api/api-client';
import { fromServer } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { approvalKeys, formatWhen, personName, type Inbox, type InboxItem } from './approval-model';
import { DecisionDialog, type Decision } from './decision-dialog';

const INBOX_LIMIT = 200;

/** /approvals: the user's pending approvals across objects, to open or decide on the spot. */
export function InboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const wide = Grid.useBreakpoint().md !== false;
  const [decision, setDecision] = useState<Decision | null>(null);
  const inbox = useQuery({ queryKey: approvalKeys.inbox(INBOX_LIMIT), queryFn: () => api<Inbox>('/approvals/inbox', { query: { limit: INBOX_LIMIT } }) });
  const items = inbox.data?.items ?? [];
  const users = inbox.data?.users ?? {};
  const names = { system: t('approvals.system'), approvers: t('approvals.allApprovers') };
  const title = (item: InboxItem) => item.title ?? t('approvals.untitled');
  const decide = (item: InboxItem, action: 'approve' | 'reject') => setDecision({ object: item.object, id: item.record, action, subject: title(item) });
  const buttons = (item: InboxItem) => (
    <Space wrap>
      <Button type="primary" size="small" onClick={() => decide(item, 'approve')} aria-label={`${t('approvals.action.approve')}: ${title(item)}`}>
        {t('approvals.action.approve')}
      </Button>
      <Button danger size="small" onClick={() => decide(item, 'reject')} aria-label={`${t('approvals.action.reject')}: ${title(item)}`}>
        {t('approvals.action.reject')}
      </Button>
    </Space>
  );
  const link = (item: InboxItem) => <Link to={`/o/${item.object}/${encodeURIComponent(item.record)}`}>{title(item)}</Link>;
  const submitter = (item: InboxItem) => personName(users, item.submittedBy, names);

  const columns: TableProps<InboxItem>['columns'] = [
    { key: 'record', title: t('approvals.record'), render: (_, item) => link(item) },
    { key: 'object', title: t('approvals.object'), render: (_, item) => fromServer(item.objectLabel, language) },
    { key: 'step', title: t('approvals.step'), render: (_, item) => fromServer(item.stepLabel, language) },
    { key: 'submittedBy', title: t('approvals.submittedBy'), render: (_, item) => submitter(item) },
    { key: 'when', title: t('approvals.when'), render: (_, item) => formatWhen(item.submittedAt ?? item.assignedAt, language) },
    { key: 'actions', title: t('approvals.actions'), render: (_, item) => buttons(item) },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('approvals.inboxTitle')}
        </Typography.Title>
        {inbox.data && <span className="page-subtitle">{t('approvals.inboxTotal', { count: inbox.data.total })}</span>}
      </div>
      <p className="page-subtitle">{t('approvals.inboxSubtitle')}</p>
      {inbox.isLoading && <Skeleton active />}
      {inbox.error && <Alert type="error" showIcon role="alert" title={t('approvals.loadFailed', { message: fromServer(inbox.error.message, language) })} />}
      {inbox.data && items.length === 0 && <Empty description={t('approvals.inboxEmpty')} />}
      {items.length > 0 &&
        (wide ? (
          <Table<InboxItem> rowKey={(item) => `${item.object}/${item.record}/${item.step}`} columns={columns} dataSource={[...items]} pagination={false} size="middle" />
        ) : (
          <ul className="list-cards">
            {items.map((item) => (
              <li key={`${item.object}/${item.record}/${item.step}`}>
                <Card size="small">
                  <span className="list-card-title">{link(item)}</span>
                  <dl style={{ margin: '0 0 8px' }}>
                    <div className="list-card-row">
                      <dt>{t('approvals.object')}</dt>
                      <dd>{fromServer(item.objectLabel, language)}</dd>
                    </div>
                    <div className="list-card-row">
                      <dt>{t('approvals.step')}</dt>
                      <dd>{fromServer(item.stepLabel, language)}</dd>
                    </div>
                    <div className="list-card-row">
                      <dt>{t('approvals.submittedBy')}</dt>
                      <dd>{submitter(item)}</dd>
                    </div>
                    <div className="list-card-row">
                      <dt>{t('approvals.when')}</dt>
                      <dd>{formatWhen(item.submittedAt ?? item.assignedAt, language)}</dd>
                    </div>
                  </dl>
                  {buttons(item)}
                </Card>
              </li>
            ))}
          </ul>
        ))}
      <DecisionDialog decision={decision} onClose={() => setDecision(null)} />
    </div>
  );
}
