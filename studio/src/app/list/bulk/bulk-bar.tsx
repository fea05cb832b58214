import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../../shared/metadata/object-definition';
import { recordTitle, type RecordLike } from '../../../shared/metadata/record-value';
import { serverMessage } from '../server-message';
import { BulkEditDialog } from './bulk-edit-dialog';
import { runEach, type EachResult } from './run-each';

export interface BulkBarProps {
  readonly object: ObjectDefinition;
  readonly selected: readonly RecordLike[];
  /** The fields the user may set on all of them: none, and there is no "Edit field". */
  readonly editable: readonly FieldDefinition[];
  /** Whether the user's object rights allow deleting: if not, there is no "Delete". */
  readonly deletable: boolean;
  readonly onClear: () => void;
}

interface Outcome extends EachResult {
  readonly action: 'edit' | 'delete';
  /** The records' names when the action ran: a deleted record is gone from the list afterwards. */
  readonly titles: ReadonlyMap<string, string>;
}

/**
 * What to do with the selected rows: set one field to one value, or move them to the recycle bin.
 * Each record goes through the API on its own (so access and validation rules apply to each), and
 * the bar says how many succeeded and which failed, with the server's message.
 */
export function BulkBar({ object, selected, editable, deletable, onClear }: BulkBarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const path = (id: string) => `/records/${object.name}/${encodeURIComponent(id)}`;

  const describe = (error: unknown) => serverMessage(error, language);

  async function finish(action: Outcome['action'], result: EachResult) {
    setOutcome({ action, titles: new Map(selected.map((record) => [record._id, recordTitle(object, record)])), ...result });
    await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
    if (result.failed.length === 0) onClear();
  }

  async function applyEdit(field: string, value: unknown) {
    const ids = selected.map((record) => record._id);
    const result = await runEach(ids, (id) => api(path(id), { method: 'PATCH', body: { [field]: value === undefined || value === '' ? null : value } }), describe);
    setEditing(false);
    await finish('edit', result);
  }

  function confirmDelete() {
    const ids = selected.map((record) => record._id);
    modal.confirm({
      title: t('bulk.deleteTitle', { count: ids.length }),
      content: t('bulk.deleteText'),
      okText: t('bulk.delete'),
      okButtonProps: { danger: true },
      cancelText: t('record.cancel'),
      onOk: async () => finish('delete', await runEach(ids, (id) => api(path(id), { method: 'DELETE' }), describe)),
    });
  }

  return (
    <div className="bulk-area">
      {selected.length > 0 && (
        <div className="bulk-bar" role="region" aria-label={t('bulk.region')}>
          <Typography.Text strong>{t('bulk.selected', { count: selected.length })}</Typography.Text>
          {editable.length > 0 && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('bulk.edit')}
            </Button>
          )}
          {deletable && (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              {t('bulk.delete')}
            </Button>
          )}
          <Button type="link" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </div>
      )}
      {outcome && (
        <Alert
          className="bulk-outcome"
          type={outcome.failed.length === 0 ? 'success' : 'warning'}
          showIcon
          closable={{ 'aria-label': t('bulk.dismiss') }}
          onClose={() => setOutcome(undefined)}
          role="status"
          title={t(outcome.action === 'edit' ? 'bulk.edited' : 'bulk.deleted', { count: outcome.succeeded.length, failed: outcome.failed.length })}
          description={
            outcome.failed.length > 0 && (
              <ul className="bulk-failures">
                {outcome.failed.map((failure) => (
                  <li key={failure.id}>
                    <strong>{outcome.titles.get(failure.id) ?? failure.id}</strong>: {failure.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {editing && <BulkEditDialog fields={editable} count={selected.length} onApply={applyEdit} onCancel={() => setEditing(false)} />}
    </div>
  );
}
