import { Grid, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language';
import { formatWhen, JOB_FILTERS, jobState, kindKey } from './job-state';
import { loadJobs, retryJob, type Job } from './jobs-api';
import { PagedList } from './paged-list';
import { RetryButton } from './retry-button';
import { FailureReason, RowStatus } from './row-status';

/** The Jobs tab: every due-job (timers, deliveries, backfills) with its state, its failure and a retry. */
export function JobListTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  // On a phone the status goes under the job: three columns side by side leave none of them room.
  const wide = Grid.useBreakpoint().md !== false;
  const status = (job: Job) => <RowStatus state={jobState(job, new Date())} attempts={job.attempts} dueAt={job.dueAt} endedAt={job.doneAt} />;
  const label = (job: Job) => {
    const key = kindKey(job.kind);
    return key ? t(key) : job.kind;
  };
  const columns: TableColumnsType<Job> = [
    {
      key: 'job',
      title: t('setup.jobs.job'),
      render: (_, job) => (
        <div className="setup-jobs-cell">
          <strong className="setup-jobs-wrap">{label(job)}</strong>
          {label(job) !== job.kind && <code className="setup-api-name">{job.kind}</code>}
          <FailureReason state={jobState(job, new Date())} error={job.lastError} />
          {!wide && status(job)}
        </div>
      ),
    },
    ...(wide
      ? ([
          { key: 'status', title: t('setup.jobs.status'), width: 200, render: (_, job) => status(job) },
          { key: 'created', title: t('setup.jobs.created'), responsive: ['lg'], width: 180, render: (_, job) => formatWhen(job.createdAt, language) },
        ] satisfies TableColumnsType<Job>)
      : []),
    {
      key: 'actions',
      title: t('setup.jobs.actions'),
      width: wide ? 110 : 96,
      render: (_, job) => (job.status === 'failed' ? <RetryButton name={label(job)} confirm={t('setup.jobs.retryConfirm')} retry={() => retryJob(job._id)} /> : null),
    },
  ];
  return <PagedList<Job> name="jobs" filters={JOB_FILTERS} load={loadJobs} columns={columns} state={(job) => jobState(job, new Date())} />;
}
