import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Active or inactive, in colours dark enough to read (antd's green tag is below WCAG's 4.5:1). */
export function StatusTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Tag className={active ? 'setup-status-active' : 'setup-status-inactive'}>{active ? t('setup.users.active') : t('setup.users.inactive')}</Tag>;
}
