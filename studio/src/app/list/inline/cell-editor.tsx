import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../../shared/metadata/object-definition';
import type { RecordLike } from '../../../shared/metadata/record-value';
import { FieldValueInput } from '../field-value-input';
import { serverMessage } from '../server-message';

export interface CellEditorProps {
  readonly object: ObjectDefinition;
  readonly field: FieldDefinition;
  readonly record: RecordLike;
  readonly label: string;
  readonly onClose: () => void;
}

/**
 * One cell's value being edited: one PATCH with If-Match of the version shown, so a change made
 * meanwhile is not overwritten. A refusal (a validation rule, a field the user may not edit, a
 * version conflict) stays on the cell with the server's message, and nothing is saved.
 */
export function CellEditor({ object, field, record, label, onClose }: CellEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<unknown>(record[field.name]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      await api(`/records/${object.name}/${encodeURIComponent(record._id)}`, {
        method: 'PATCH',
        body: { [field.name]: value === undefined || value === '' ? null : value },
        headers: { 'If-Match': `"${record._version ?? ''}"` },
      });
      await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
      onClose();
    } catch (refusal) {
      setError(serverMessage(refusal, language));
    } finally {
      setSaving(false);
    }
  }

  const errorId = `cell-error-${record._id}-${field.name}`;
  return (
    <div
      className="cell-editor"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="cell-editor-row">
        <FieldValueInput
          field={field}
          value={value}
          onChange={(next) => {
            setValue(next);
            setError(undefined);
          }}
          multiple={field.type === 'multipicklist'}
          ariaLabel={label}
          autoFocus
          invalid={Boolean(error)}
          onEnter={() => void save()}
        />
        <Button size="small" type="primary" icon={<CheckOutlined />} aria-label={t('inline.save', { field: label })} loading={saving} onClick={() => void save()} />
        <Button size="small" icon={<CloseOutlined />} aria-label={t('inline.cancel')} onClick={onClose} />
      </div>
      {error && (
        <div id={errorId} role="alert" className="cell-error">
          {error}
        </div>
      )}
    </div>
  );
}
