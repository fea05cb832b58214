import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import { FieldValueInput } from '../field-value-input';

export interface BulkEditDialogProps {
  readonly fields: readonly FieldDefinition[];
  readonly count: number;
  readonly onApply: (field: string, value: unknown) => Promise<void>;
  readonly onCancel: () => void;
}

/** "Set this field to this value on the N selected records": one field, one value of its type. */
export function BulkEditDialog({ fields, count, onApply, onCancel }: BulkEditDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [name, setName] = useState(fields[0]?.name ?? '');
  const [value, setValue] = useState<unknown>(undefined);
  const [running, setRunning] = useState(false);
  const field = fields.find((candidate) => candidate.name === name);

  return (
    <Modal
      open
      title={t('bulk.editTitle', { count })}
      okText={t('bulk.apply')}
      cancelText={t('record.cancel')}
      confirmLoading={running}
      onCancel={onCancel}
      onOk={async () => {
        setRunning(true);
        try {
          await onApply(name, value);
        } finally {
          setRunning(false);
        }
      }}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('bulk.field')} htmlFor="bulk-edit-field">
          <Select
            id="bulk-edit-field"
            value={name}
            onChange={(next: string) => {
              setName(next);
              setValue(undefined);
            }}
            options={fields.map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) }))}
          />
        </Form.Item>
        {field && (
          <Form.Item label={t('bulk.value')} htmlFor="bulk-edit-value">
            <FieldValueInput key={field.name} id="bulk-edit-value" field={field} value={value} onChange={setValue} multiple={field.type === 'multipicklist'} ariaLabel={t('bulk.value')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
