import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition, ObjectDefinition } from '../../../shared/metadata/object-definition';
import type { RecordLike } from '../../../shared/metadata/record-value';
import { FieldValueInput } from '../field-value-input';
import { serverMessage } from '../server-message';

export interface EditableCellProps {
  readonly object: ObjectDefinition;
  readonly field: FieldDefinition;
  readonly record: RecordLike;
  readonly editable: boolean;
  /** The value as the list shows it. */
  readonly children: ReactNode;
}

/**
 * A list cell that edits in place (double-click, or its edit button then Enter): one PATCH with
 * If-Match of the version shown, so a change made meanwhile is not overwritten. A refusal (a
 * validation rule, a field the user may not edit, a version conflict) stays on the cell with the
 * server's message, and nothing is saved.
 */
export function EditableCell({ object, field, record, editable, children }: EditableCellProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<unknown>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const label = localize(field.label, language, field.name);

  function start() {
    if (!editable) return;
    setValue(record[field.name]);
    setError(undefined);
    setEditing(true);
  }

  async function save() {
    setSaving(true);
    try {
      await api(`/records/${object.name}/${encodeURIComponent(record._id)}`, {
        method: 'PATCH',
        body: { [field.name]: value === undefined || value === '' ? null : value },
        headers: { 'If-Match': `"${record._version ?? ''}"` },
      });
      await queryClient.invalidateQueries({ queryKey: ['records', object.name] });
      setEditing(false);
      setError(undefined);
    } catch (refusal) {
      setError(serverMessage(refusal, language));
    } finally {
      setSaving(false);
    }
  }

  if (!editing) {
    return (
      <div className="cell-editable" onDoubleClick={start}>
        <span className="cell-value">{children}</span>
        {editable && <Button size="small" type="text" className="cell-edit-button" icon={<EditOutlined />} aria-label={t('inline.edit', { field: label })} onClick={start} />}
      </div>
    );
  }
  const errorId = `cell-error-${record._id}-${field.name}`;
  return (
    <div
      className="cell-editor"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setEditing(false);
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
        <Button size="small" icon={<CloseOutlined />} aria-label={t('inline.cancel')} onClick={() => setEditing(false)} />
      </div>
      {error && (
        <div id={errorId} role="alert" className="cell-error">
          {error}
        </div>
      )}
    </div>
  );
}
