import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { backfillFieldLabels, type BackfillProgress } from './backfill-progress';

/** How often the progress is asked for while a backfill runs; never once none does. */
const POLL_MS = 3000;

/**
 * A quiet line above a list or a record whose object is being recalculated in the background (a
 * formula added over many records): what, and how far. It asks once when the page opens and again
 * only while a backfill runs; when it ends the records are read again, with the values now complete.
 */
export function BackfillNotice({ object }: { object: ObjectDefinition }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const progress = useQuery({
    queryKey: ['backfills', object.name],
    queryFn: () => api<{ backfills: BackfillProgress[] }>('/meta/backfills', { query: { object: object.name, status: 'running' } }),
    // A user who may not follow it (403) sees no notice; the list itself says what it can.
    retry: false,
    refetchInterval: (query) => ((query.state.data?.backfills.length ?? 0) > 0 ? POLL_MS : false),
  });
  const running = progress.data?.backfills[0];
  const wasRunning = useRef(false);
  const answeredAt = progress.dataUpdatedAt;
  useEffect(() => {
    if (answeredAt === 0) return;
    if (!running) {
      // A list refused while it ran (409) is read again, however this page learnt that it ended.
      void client.invalidateQueries({ queryKey: ['records', object.name], predicate: (query) => isApiError(query.state.error) && query.state.error.code === 'backfill_in_progress' });
      if (wasRunning.current) void client.invalidateQueries({ queryKey: ['record', object.name] });
    }
    wasRunning.current = running !== undefined;
  }, [running, answeredAt, client, object.name]);
  if (!running) return null;
  const numbers = new Intl.NumberFormat(language);
  const text = t('list.backfillRunning', {
    fields: backfillFieldLabels(object, running.fields, language).join(language === 'en' ? ', ' : '、'),
    percent: running.percent,
    total: numbers.format(running.total),
    object: localize(object.pluralLabel ?? object.label, language, object.name),
  });
  // Spaced here, not in list.css: the record page shows it too.
  return <Alert className="backfill-notice" type="info" showIcon role="status" title={text} style={{ marginBottom: 12 }} />;
}
