import { UndoOutlined } from '@ant-design/icons';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/api-client';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { recordTitle, type RecordLike } from '../../shared/metadata/record-value';
import { useObjectRights, useObjects } from '../../shared/metadata/use-objects';
import { binScope } from './bin-scope';

/** One entry of GET /recycle-bin/:object. */
interface BinEntry {
  readonly record: RecordLike;
  readonly deletedAt: string;
  readonly deletedBy: string;
  readonly alsoDeleted: number;
}

const DATE_LOCALE = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' } as const;

/**
 * The records the user deleted (everyone's, for objects they may modify all of, as the subtitle
 * says), newest first, across the objects they may read, each with "Restore".
 */
export function RecycleBinPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const objects = useObjects();
  const list = objects.data?.objects ?? [];
  const [restoring, setRestoring] = useState<string>();
  const scope = binScope(list, useObjectRights());
  const subtitle =
    scope.kind === 'everyone'
      ? t('recycleBin.subtitleEveryone')
      : scope.kind === 'some'
        ? t('recycleBin.subtitleSome', { objects: scope.objects.map((object) => localize(object.pluralLabel ?? object.label, language, object.name)).join(t('recycleBin.listSeparator')) })
        : t('recycleBin.subtitle');
  const bins = useQueries({
    queries: list.map((object) => ({
      queryKey: ['recycle-bin', object.name],
      queryFn: () => api<{ entries: BinEntry[] }>(`/recycle-bin/${encodeURIComponent(object.name)}`, { query: { limit: 100 } }),
      retry: false,
    })),
  });
  const loading = objects.isLoading || bins.some((bin) => bin.isLoading);
  const entries = bins
    .flatMap((bin, index) => (bin.data?.entries ?? []).map((entry) => ({ ...entry, object: list[index]! })))
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));

  async function restore(object: ObjectDefinition, entry: BinEntry) {
    setRestoring(entry.record._id);
    try {
      await api(`/recycle-bin/${encodeURIComponent(object.name)}/${encodeURIComponent(entry.record._id)}/restore`, { method: 'POST' });
      await queryClient.invalidateQueries({ queryKey: ['recycle-bin', object.name] });
      await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
      void message.success(t('recycleBin.restored', { name: recordTitle(object, entry.record) }));
    } catch (error) {
      void message.error(error instanceof Error ? fromServer(error.message, language) : String(error));
    } finally {
      setRestoring(undefined);
    }
  }

  return (
    <div className="page">
      <Typography.Title level={2} className="page-title">
        {t('recycleBin.title')}
      </Typography.Title>
      <p className="page-subtitle">{subtitle}</p>
      {loading && <Skeleton active />}
      {objects.error && <Alert type="error" showIcon role="alert" title={t('errors.generic', { message: fromServer(objects.error.message, language) })} />}
      {!loading && entries.length === 0 && <Empty description={t('recycleBin.empty')} />}
      {entries.length > 0 && (
        <ul className="bin-rows">
          {entries.map((entry) => {
            const name = recordTitle(entry.object, entry.record);
            return (
              <li key={`${entry.object.name}/${entry.record._id}`} className="bin-row">
                <div className="bin-what">
                  <span className="bin-name">{name}</span>
                  <span className="bin-meta">
                    {localize(entry.object.label, language, entry.object.name)}
                    {' · '}
                    {t('recycleBin.deletedAt', { when: new Date(entry.deletedAt).toLocaleString(DATE_LOCALE[language]) })}
                    {entry.alsoDeleted > 0 && ` · ${t('recycleBin.alsoDeleted', { count: entry.alsoDeleted })}`}
                  </span>
                </div>
                <Button icon={<UndoOutlined />} loading={restoring === entry.record._id} aria-label={t('recycleBin.restoreName', { name })} onClick={() => void restore(entry.object, entry)}>
                  {t('recycleBin.restore')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
