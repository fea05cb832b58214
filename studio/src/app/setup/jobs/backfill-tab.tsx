import { Grid, Progress, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { backfillState, formatWhen } from './job-state';
import { loadBackfills, type Backfill } from './jobs-api';
import { PagedList } from './paged-list';
import { FailureReason, RowStatus } from './row-status';

/**
 * The Backfills tab: what metadata changes still recompute in the background, with their progress.
 * A backfill has no retry of its own: its batches are a job (Recompute records) that the Jobs tab retries.
 */
export function BackfillTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const wide = Grid.useBreakpoint().md !== false;
  const objects = useObjects().data?.objects ?? [];
  const objectLabel = (name: string) => {
    const object = objects.find((candidate) => candidate.name === name);
    return object ? localize(object.label, language, name) : name;
  };
  const columns: TableColumnsType<Backfill> = [
    {
      key: 'object',
      title: t('setup.jobs.object'),
      render: (_, backfill) => (
        <div className="setup-jobs-cell">
          <strong>{objectLabel(backfill.object)}</strong>
          <code className="setup-api-name">{backfill.object}</code>
          <FailureReason state={backfillState(backfill) === 'running' ? 'retrying' : backfillState(backfill)} error={backfill.lastError} />
        </div>
      ),
    },
    {
      key: 'progress',
      title: t('setup.jobs.progress'),
      render: (_, backfill) => (
        <div className="setup-jobs-cell">
          <Progress percent={backfill.percent} size="small" aria-label={t('setup.jobs.progress')} />
          <span className="setup-jobs-meta">{t('setup.jobs.progressValue', { done: backfill.done, total: backfill.total })}</span>
          {!wide && <RowStatus state={backfillState(backfill)} endedAt={backfill.finishedAt} />}
        </div>
      ),
    },
    ...(wide
      ? ([
          { key: 'status', title: t('setup.jobs.status'), width: 200, render: (_, backfill) => <RowStatus state={backfillState(backfill)} endedAt={backfill.finishedAt} /> },
          { key: 'started', title: t('setup.jobs.started'), responsive: ['lg'], width: 180, render: (_, backfill) => formatWhen(backfill.startedAt, language) },
        ] satisfies TableColumnsType<Backfill>)
      : []),
  ];
  return <PagedList<Backfill> name="backfills" filters={[]} load={loadBackfills} columns={columns} state={backfillState} />;
}
