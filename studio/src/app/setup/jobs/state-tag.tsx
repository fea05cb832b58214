import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowState } from './job-state';

/** Tags in colours of their own (jobs.css): antd's preset colours fall short of the contrast axe asks for. */
export function StateTag({ state }: { state: RowState }) {
  const { t } = useTranslation();
  return <Tag className={`setup-jobs-tag setup-jobs-tag-${state}`}>{t(`setup.jobs.state.${state}`)}</Tag>;
}
