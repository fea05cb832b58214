import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowState } from './job-state';

const COLORS: Record<RowState, string | undefined> = {
  waiting: undefined,
  running: 'processing',
  retrying: 'warning',
  failed: 'error',
  done: 'success',
  sent: 'success',
  delivered: 'success',
  held: 'gold',
  cancelled: undefined,
  superseded: undefined,
};

export function StateTag({ state }: { state: RowState }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[state]}>{t(`setup.jobs.state.${state}`)}</Tag>;
}
