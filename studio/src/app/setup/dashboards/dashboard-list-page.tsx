import { PlusOutlined } from '@ant-design/icons';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { DashboardDefinition } from './dashboard-draft';
import { DashboardEditor } from './dashboard-editor';
import './dashboard-editor.css';

const dashboardsQuery = queryOptions({ queryKey: ['meta', 'dashboards'], queryFn: () => api<{ dashboards: DashboardDefinition[]; etags?: Readonly<Record<string, string>> }>('/meta/dashboards') });

/** /setup/dashboards (and /new, /:name, which open the editor): the dashboards with their components, and a link to each as users see it. */
export function DashboardListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { name } = useParams();
  const dashboards = useQuery(dashboardsQuery);
  const list = [...(dashboards.data?.dashboards ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const close = () => void navigate('/setup/dashboards');

  if (name !== undefined) {
    const dashboard = name === 'new' ? undefined : list.find((one) => one.name === name);
    if (name !== 'new' && !dashboard) return dashboards.isPending ? null : <Alert type="error" showIcon title={t('setup.dashboards.loadFailed', { message: name })} />;
    return (
      <section aria-labelledby="setup-dashboard-editor-title">
        <header className="setup-page-header">
          <h2 id="setup-dashboard-editor-title">{dashboard ? localize(dashboard.label, language, dashboard.name) : t('setup.dashboards.new')}</h2>
          {dashboard && <Link to={`/dashboards/${dashboard.name}`}>{t('setup.dashboards.view')}</Link>}
        </header>
        <DashboardEditor
          key={name}
          {...(dashboard ? { dashboard, etag: dashboards.data?.etags?.[dashboard.name] } : {})}
          onSaved={(saved) => void navigate(`/setup/dashboards/${saved}`, { replace: true })}
          onDeleted={close}
          onCancel={close}
        />
      </section>
    );
  }
  const columns: TableColumnsType<DashboardDefinition> = [
    { key: 'label', title: t('setup.dashboards.label'), render: (_, dashboard) => <Link to={`/setup/dashboards/${dashboard.name}`}>{localize(dashboard.label, language, dashboard.name)}</Link> },
    { key: 'components', title: t('setup.dashboards.components'), render: (_, dashboard) => dashboard.components.length },
    { key: 'view', title: '', render: (_, dashboard) => <Link to={`/dashboards/${dashboard.name}`} aria-label={`${t('setup.dashboards.view')}: ${localize(dashboard.label, language, dashboard.name)}`}>{t('setup.dashboards.view')}</Link> },
  ];
  return (
    <section aria-labelledby="setup-dashboards-title">
      <header className="setup-page-header">
        <div>
          <h2 id="setup-dashboards-title">{t('setup.dashboards.title')}</h2>
          <p className="setup-page-subtitle">{t('setup.dashboards.subtitle')}</p>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/setup/dashboards/new')}>
          {t('setup.dashboards.new')}
        </Button>
      </header>
      {dashboards.error && <Alert type="error" showIcon role="alert" title={t('setup.dashboards.loadFailed', { message: dashboards.error.message })} />}
      <Table<DashboardDefinition> rowKey="name" size="middle" columns={columns} dataSource={list} loading={dashboards.isPending} pagination={false} locale={{ emptyText: <span className="setup-empty">{t('setup.dashboards.empty')}</span> }} />
    </section>
  );
}
