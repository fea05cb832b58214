import { AppstoreOutlined } from '@ant-design/icons';
import { Empty, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../shared/api/session';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { useObjects } from '../../shared/metadata/use-objects';
import { RecentRecords } from './recent-records';

/** Its own chunk: the first load stays within the bundle budget. */
const WaitingForMe = lazy(() => import('./waiting-for-me').then((module) => ({ default: module.WaitingForMe })));

/** The landing page: what waits for the user's approval, the records they opened last, and a tile per object they may read. */
export function HomePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const objects = useObjects();
  const list = objects.data?.objects ?? [];

  return (
    <div className="page">
      <h1 className="page-title">{t('home.title', { name: session.data?.full_name ?? session.data?.email ?? '' })}</h1>
      <p className="page-subtitle">{t('home.subtitle')}</p>
      <Suspense fallback={null}>
        <WaitingForMe />
      </Suspense>
      <RecentRecords />
      {objects.isLoading && <Spin className="page-spinner" />}
      {!objects.isLoading && list.length === 0 && (
        <Empty
          description={
            <>
              <strong>{t('home.noObjects')}</strong>
              <br />
              {t('home.noObjectsHint')}
            </>
          }
        />
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
