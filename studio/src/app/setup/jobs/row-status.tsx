import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language';
import { formatWhen, isActive, type RowState } from './job-state';
import { StateTag } from './state-tag';

interface RowStatusProps {
  readonly state: RowState;
  readonly attempts?: number;
  /** When it runs next (while it waits) or when it ended. */
  readonly dueAt?: string;
  readonly endedAt?: string;
}

/** A row's status cell: its state, its attempts and when it runs next or ended, stacked so it fits a phone. */
export function RowStatus({ state, attempts, dueAt, endedAt }: RowStatusProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = isActive(state) ? (dueAt ? `${t('setup.jobs.nextRun')}: ${formatWhen(dueAt, language)}` : '') : endedAt ? `${t('setup.jobs.ended')}: ${formatWhen(endedAt, language)}` : '';
  return (
    <div className="setup-jobs-status">
      <StateTag state={state} />
      {attempts !== undefined && attempts > 0 && <span className="setup-jobs-meta">{`${t('setup.jobs.attempts')}: ${attempts}`}</span>}
      {when && <span className="setup-jobs-meta">{when}</span>}
    </div>
  );
}

/** Why the last attempt failed, under what the row is; a failed row says it as an error. */
export function FailureReason({ state, error }: { state: RowState; error: string | undefined }) {
  const { t } = useTranslation();
  if (!error || state === 'done' || state === 'sent' || state === 'delivered') return null;
  return state === 'failed' ? (
    <p className="setup-jobs-error">
      <span className="setup-jobs-error-label">{t('setup.jobs.error')}: </span>
      {error}
    </p>
  ) : (
    <p className="setup-jobs-meta">{t('setup.jobs.lastError', { message: error })}</p>
  );
}
