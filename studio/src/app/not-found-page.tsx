import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Empty className="not-found" description={t('errors.notFound')}>
      <Link to="/">
        <Button type="primary">{t('app.home')}</Button>
      </Link>
    </Empty>
  );
}
