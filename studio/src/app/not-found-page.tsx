import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../shared/ui/empty-state';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState className="not-found" title={t('errors.notFound')}>
      <Link to="/">
        <Button type="primary">{t('app.home')}</Button>
      </Link>
    </EmptyState>
  );
}
