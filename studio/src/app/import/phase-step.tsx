import { Alert, Button, Progress, Result, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { errorFileHref, isActive, percentDone, settingsProblems, type ImportSettings, type ImportView, type Problem, type UploadedImport } from './import-logic';

const POLL_MS = 400;
const PROBLEM_ROWS = 200;

interface PhaseStepProps {
  object: ObjectDefinition;
  uploaded: UploadedImport;
  settings: ImportSettings;
  /** Told which phase is shown: the dry run's report, or the run. */
  onPhase: (phase: 'check' | 'run') => void;
  onEdit: () => void;
  onAnother: () => void;
}

/**
 * The dry run, then the run: started here with the settings of the mapping step, followed with a
 * progress bar while the job works, cancellable; the problems of each row once it ended, and the
 * rows with problems as a file to download, fix and import again.
 */
export function PhaseStep({ object, uploaded, settings, onPhase, onEdit, onAnother }: PhaseStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [view, setView] = useState<ImportView>();
  const [problems, setProblems] = useState<readonly string[]>();
  const started = useRef(false);
  const plural = localize(object.pluralLabel ?? object.label, language, object.name);

  async function start(phase: 'check' | 'run') {
    setProblems(undefined);
    try {
      setView(await api<ImportView>(`/imports/${uploaded.id}/${phase}`, { method: 'POST', body: settings }));
    } catch (error) {
      setProblems(isApiError(error) && error.details.length > 0 ? settingsProblems(error.details, settings.mapping) : [error instanceof Error ? error.message : String(error)]);
    }
  }

  useEffect(() => {
    // Once, whatever React's development mode does with effects: a second start would be refused (409).
    if (started.current) return;
    started.current = true;
    void start('check');
  }, []);

  useEffect(() => {
    if (!view || !isActive(view.status)) return;
    const timer = setTimeout(() => {
      api<ImportView>(`/imports/${uploaded.id}`).then(setView, (error: unknown) => setProblems([error instanceof Error ? error.message : String(error)]));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [view, uploaded.id]);

  useEffect(() => {
    if (view?.phase) onPhase(view.phase);
  }, [view?.phase, onPhase]);

  const ended = view !== undefined && !isActive(view.status);
  const report = useQuery({
    queryKey: ['import-problems', uploaded.id, view?.phase, view?.status, language],
    queryFn: () => api<{ problems: Problem[]; next: number | null }>(`/imports/${uploaded.id}/problems`, { query: { limit: PROBLEM_ROWS } }),
    enabled: ended && (view?.progress.failed ?? 0) > 0,
  });

  if (problems) {
    return (
      <div className="import-phase">
        <Alert type="error" showIcon role="alert" className="import-alert" title={problems.map((line) => fromServer(line, language)).join(' · ')} />
        <Button onClick={onEdit}>{t('import.check.edit')}</Button>
      </div>
    );
  }
  if (!view) return <Progress percent={0} status="active" aria-label={t('import.steps.check')} />;

  const { done, failed, created, updated, skipped, rate } = view.progress;
  const good = created + updated;
  const downloads = failed > 0 && (
    <div className="import-downloads">
      <Typography.Text strong>{t('import.check.download')}</Typography.Text>
      <Space wrap>
        <Button href={errorFileHref(view.id, 'csv', language)} download>
          {t('import.check.downloadCsv')}
        </Button>
        <Button href={errorFileHref(view.id, 'xlsx', language)} download>
          {t('import.check.downloadXlsx')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('import.check.fixHint')}</Typography.Paragraph>
    </div>
  );
  const problemTable = failed > 0 && report.data && (
    <>
      <Typography.Title level={3} className="import-subtitle">
        {t('import.check.problems')}
      </Typography.Title>
      <div className="import-table-scroll" role="region" aria-label={t('import.check.problems')} tabIndex={0}>
      <Table
        size="small"
        className="import-problems"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowKey={(problem) => `${problem.row}:${problem.column ?? ''}:${problem.message}`}
        dataSource={report.data.problems}
        columns={[
          { key: 'row', title: t('import.check.row'), dataIndex: 'row', width: 64 },
          { key: 'column', title: t('import.map.column'), render: (_: unknown, problem: Problem) => problem.column ?? t('import.check.whole') },
          { key: 'value', title: t('import.check.value'), render: (_: unknown, problem: Problem) => (problem.value === null ? '' : String(problem.value)) },
          { key: 'message', title: t('import.check.message'), render: (_: unknown, problem: Problem) => fromServer(problem.message, language) },
        ]}
      />
      </div>
      {report.data.next !== null && <Typography.Paragraph type="secondary">{t('import.check.more', { count: report.data.problems.length })}</Typography.Paragraph>}
    </>
  );

  if (isActive(view.status)) {
    return (
      <div className="import-phase" aria-live="polite">
        <Typography.Paragraph>{t(view.status === 'checking' ? 'import.progress.checking' : 'import.progress.running', { done, total: view.total })}</Typography.Paragraph>
        <Progress percent={percentDone(view)} status="active" aria-label={t(view.status === 'checking' ? 'import.steps.check' : 'import.steps.run')} />
        <Typography.Paragraph type="secondary">
          {t('import.progress.rate', { rate })} · {t('import.progress.errors', { count: failed })}
        </Typography.Paragraph>
        <Button onClick={() => void api<ImportView>(`/imports/${view.id}/cancel`, { method: 'POST' }).then(setView, () => undefined)}>{t('import.progress.cancel')}</Button>
      </div>
    );
  }

  if (view.status === 'failed' || view.status === 'cancelled') {
    return (
      <div className="import-phase">
        <Alert
          type={view.status === 'failed' ? 'error' : 'warning'}
          showIcon
          role="alert"
          className="import-alert"
          title={view.status === 'failed' ? t('import.progress.failed', { message: fromServer(view.lastError ?? '', language) }) : t('import.progress.cancelled', { done, total: view.total })}
        />
        <Space wrap>
          <Button onClick={onEdit}>{t('import.check.edit')}</Button>
          {view.phase === 'run' && (
            <Button type="primary" onClick={() => void start('run')}>
              {t('import.check.run', { count: view.total })}
            </Button>
          )}
        </Space>
      </div>
    );
  }

  if (view.status === 'done') {
    return (
      <div className="import-phase">
        <Result
          status={failed > 0 ? 'warning' : 'success'}
          title={t('import.done.title')}
          subTitle={
            <>
              {t('import.done.summary', { created, updated, failed })}
              {skipped > 0 && <> {t('import.done.skipped', { count: skipped })}</>}
            </>
          }
        />
        {downloads}
        {problemTable}
        <Space wrap className="import-actions">
          <Button onClick={onAnother}>{t('import.done.another')}</Button>
          <Link to={`/o/${object.name}`}>
            <Button type="primary">{t('import.done.list', { object: plural })}</Button>
          </Link>
        </Space>
      </div>
    );
  }

  // checked: the dry run's report, then the run
  return (
    <div className="import-phase">
      <Alert type={failed > 0 ? 'warning' : 'success'} showIcon className="import-alert" title={failed > 0 ? t('import.check.summary', { ok: good, failed }) : t('import.check.passed', { count: good })} />
      {downloads}
      {problemTable}
      <Space wrap className="import-actions">
        <Button onClick={onEdit}>{t('import.check.edit')}</Button>
        <Button onClick={() => void start('check')}>{t('import.check.recheck')}</Button>
        {good > 0 && (
          <Button type="primary" onClick={() => void start('run')}>
            {failed > 0 ? t('import.check.runAnyway', { count: good }) : t('import.check.run', { count: good })}
          </Button>
        )}
      </Space>
    </div>
  );
}
