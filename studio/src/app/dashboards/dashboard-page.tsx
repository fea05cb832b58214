import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/api-client';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { EmptyState } from '../../shared/ui/empty-state';
import { DashboardBoard } from './dashboard-board';

interface DashboardListing {
  readonly dashboards: readonly { readonly name: string; readonly label?: Readonly<Record<string, string>>; readonly description?: string }[];
}

/** /dashboards and /dashboards/:name: the dashboards shown to the user, and one of them run. */
export function DashboardPage() {
  const { name } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery({ queryKey: ['meta', 'dashboards'], queryFn: () => api<DashboardListing>('/meta/dashboards'), enabled: name === undefined });
  if (name) return <div className="page"><DashboardBoard name={name} /></div>;
  return (
    <div className="page">
      <h1 className="page-title">{t('dashboards.title')}</h1>
      <p className="page-subtitle">{t('dashboards.subtitle')}</p>
      {list.isPending && <Spin className="page-spinner" />}
      {list.error && <Alert type="error" showIcon role="alert" title={t('dashboards.loadFailed', { message: list.error.message })} />}
      {list.data?.dashboards.length === 0 && <EmptyState title={t('dashboards.empty')} />}
      <ul className="tile-grid">
        {list.data?.dashboards.map((dashboard) => (
          <li key={dashboard.name}>
            <Link to={`/dashboards/${dashboard.name}`} className="tile-link">
              <span className="tile-label">{localize(dashboard.label, language, dashboard.name)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
