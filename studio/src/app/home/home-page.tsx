import { AppstoreOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../shared/api/session';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { useObjects } from '../../shared/metadata/use-objects';
import { EmptyState } from '../../shared/ui/empty-state';
import { RecentRecords } from './recent-records';


/** The landing page: the records the user opened last, and a tile per object the user may read. */
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
