import { AppstoreOutlined, LockOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../shared/api/session';
import { loadPageMessages } from '../../shared/i18n/i18n';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { useApps } from '../../shared/metadata/use-apps';
import { rememberedApp } from '../../shared/shell/navigation';
import { useObjects } from '../../shared/metadata/use-objects';
import { EmptyState } from '../../shared/ui/empty-state';
import { RecentRecords } from './recent-records';

/** Its own chunk, with the pages' texts it uses: the first load stays within the bundle budget. */
const WaitingForMe = lazy(() => Promise.all([import('./waiting-for-me'), loadPageMessages()]).then(([module]) => ({ default: module.WaitingForMe })));
/** The home dashboard of the user's role or app, with the dashboards' code and texts in a chunk of their own. */
const HomeDashboard = lazy(() => Promise.all([import('../dashboards/home-dashboard'), loadPageMessages()]).then(([module]) => ({ default: module.HomeDashboard })));

/**
 * The landing page: what waits for the user's approval, their home dashboard if an admin made one, the records the user opened last, and a
 * tile per object the user may read. A user with no app and no object gets a page that says so
 * and what to ask the administrator for.
 */
export function HomePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const objects = useObjects();
  const apps = useApps();
  const list = objects.data?.objects ?? [];
  const user = session.data;

  if (!objects.isLoading && !apps.isPending && list.length === 0 && (apps.data?.apps.length ?? 0) === 0) {
    return (
      <div className="page no-access" role="status">
        <LockOutlined className="no-access-icon" aria-hidden />
        <h1 className="page-title">{t('home.noAccessTitle')}</h1>
        <p>{t('home.noAccessText', { email: user?.email ?? '' })}</p>
        <p>{t('home.noAccessAsk')}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1 className="page-title">{t('home.title', { name: user?.full_name ?? user?.email ?? '' })}</h1>
      <p className="page-subtitle">{t('home.subtitle')}</p>
      <Suspense fallback={null}>
        <WaitingForMe />
      </Suspense>
      <Suspense fallback={null}>
        <HomeDashboard app={rememberedApp() ?? undefined} />
      </Suspense>
      <RecentRecords />
      {objects.isLoading && <Spin className="page-spinner" />}
      {!objects.isLoading && list.length === 0 && (
        <EmptyState title={t('home.noObjects')} hint={t('home.noObjectsHint')} />
      )}
      <ul className="tile-grid">
        {list.map((object) => (
          <li key={object.name}>
            <Link to={`/o/${object.name}`} className="tile-link">
              <AppstoreOutlined className="tile-icon" aria-hidden />
              <span className="tile-label">{localize(object.pluralLabel ?? object.label, language, object.name)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
