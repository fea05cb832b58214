import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import type { ReportResult } from '../../reports/report-result';
import { ReportView } from '../../reports/report-view';
import type { ReportDefinition } from './report-draft';

/** Whether a draft has what a run needs: an object and, by its type, columns or groupings. */
function runnable(definition: ReportDefinition): boolean {
  if (!definition.object) return false;
  if (definition.type === 'tabular') return (definition.columns?.length ?? 0) > 0;
  return (definition.groupings?.length ?? 0) > 0 && (definition.type !== 'matrix' || (definition.columnGroupings?.length ?? 0) > 0);
}

/**
 * The report as it stands in the builder, run on the server (POST /reports/preview) a moment after
 * the last change: the admin sees their own access's figures and the chart they picked.
 */
export function ReportPreview({ definition }: { readonly definition: ReportDefinition }) {
  const { t } = useTranslation();
  const text = JSON.stringify(definition);
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), 350);
    return () => window.clearTimeout(timer);
  }, [text]);
  const draft = JSON.parse(settled) as ReportDefinition;
  const enabled = runnable(draft);
  const preview = useQuery({
    queryKey: ['report-preview', settled],
    queryFn: () => api<ReportResult>('/reports/preview', { method: 'POST', body: { definition: { ...draft, name: draft.name || 'preview' } } }),
    enabled,
    retry: false,
    placeholderData: (previous) => previous,
  });
  return (
    <section className="report-preview" aria-labelledby="report-preview-title" aria-busy={preview.isFetching}>
      <h3 id="report-preview-title">{t('setup.reports.preview')}</h3>
      {!enabled && <Empty description={t('setup.reports.previewHint')} />}
      {enabled && preview.error && <Alert type="warning" showIcon title={t('setup.reports.previewFailed', { message: preview.error.message })} />}
      {enabled && preview.isPending && <Spin />}
      {enabled && preview.data && !preview.error && <ReportView result={preview.data} chart={draft.chart ?? { type: 'table' }} />}
    </section>
  );
}
