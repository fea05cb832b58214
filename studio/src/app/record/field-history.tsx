import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { fromServer, localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import { formatValue } from '../../shared/metadata/format-value';
import type { FieldDefinition, ObjectDefinition } from '../../shared/metadata/object-definition';
import { historyQuery, type HistoryEntry } from './record-queries';
import { useRecordNames } from './use-record-names';

const DATE_LOCALE = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' } as const;

/**
 * Who changed which tracked field from what to what, and when, newest first. The server leaves
 * out the fields the user may not read; a field missing from the user's definition of the object
 * is skipped here too. Values read as the record page shows them.
 */
export function FieldHistory({ object, id }: { object: ObjectDefinition; id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useQuery(historyQuery(object.name, id));
  const fields = new Map(object.fields.map((field) => [field.name, field]));
  const entries = (history.data?.entries ?? []).filter((entry) => entry.action !== 'updated' || (entry.field !== undefined && fields.has(entry.field)));
  const users = useRecordNames('user', entries.map((entry) => entry.by));
  const texts = { yes: t('value.yes'), no: t('value.no'), empty: t('value.empty') };

  return (
    <Card size="small" title={<h2 className="panel-title">{t('history.title')}</h2>}>
      {history.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {history.error && <Alert type="error" showIcon title={t('errors.generic', { message: fromServer(history.error.message, language) })} />}
      {history.data && entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />}
      {entries.length > 0 && (
        <ol className="history-entries">
          {entries.map((entry) => {
            const field = entry.field ? fields.get(entry.field) : undefined;
            const user = users.get(entry.by) ?? entry.by;
            return (
              <li key={entry._id} className="history-entry">
                <div className="history-meta">
                  <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(DATE_LOCALE[language])}</time>
                  <span>{user}</span>
                </div>
                {field ? (
                  <div className="history-change">
                    <strong>{localize(field.label, language, field.name)}</strong>
                    <span className="history-values">
                      <HistoryValue field={field} value={entry.old} texts={texts} />
                      <span aria-hidden> → </span>
                      <span className="sr-only">{t('history.to')}</span>
                      <HistoryValue field={field} value={entry.new} texts={texts} />
                    </span>
                  </div>
                ) : (
                  <div className="history-change">{t(`history.${entry.action}`)}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

function HistoryValue({ field, value, texts }: { field: FieldDefinition; value: unknown; texts: { yes: string; no: string; empty: string } }) {
  const language = useLanguage();
  const isReference = (field.type === 'lookup' || field.type === 'masterdetail') && field.target;
  const names = useRecordNames(isReference ? field.target! : '', isReference && typeof value === 'string' ? [value] : []);
  const text = isReference && typeof value === 'string' ? (names.get(value) ?? value) : formatValue(field, value, language, texts);
  return <span className="history-value">{text}</span>;
}
