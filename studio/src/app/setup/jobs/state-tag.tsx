import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowState } from './job-state';

const TONES: Record<RowState, string> = {
  waiting: 'plain',
  cancelled: 'plain',
  superseded: 'plain',
  running: 'info',
  retrying: 'warn',
  failed: 'bad',
  done: 'good',
  sent: 'good',
  delivered: 'good',
  held: 'hold',
};

/** A row's state in the setup tones (setup.css), which keep the contrast axe asks for. */
export function StateTag({ state }: { state: RowState }) {
  const { t } = useTranslation();
  return <Tag className={`setup-tone-${TONES[state]}`}>{t(`setup.jobs.state.${state}`)}</Tag>;
}
