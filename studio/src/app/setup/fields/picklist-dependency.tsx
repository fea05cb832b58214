import { Alert, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { BOOLEAN_CONTROLLING_VALUES } from './dependency-matrix';
import { DependencyMatrixEditor, type MatrixValue } from './dependency-matrix-editor';
import type { PicklistValueDraft } from './picklist-values';

/**
 * The controlling field of a picklist (another picklist or a checkbox of the same object, as the
 * engine's check-dependencies.ts accepts) and, once one is chosen, the matrix of the values each
 * of its values allows. Both are form values saved with the field (field-draft.ts).
 */
export function PicklistDependency({ object }: { readonly object: ObjectDefinition | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const name = Form.useWatch('name', form) as string | undefined;
  const controllingName = Form.useWatch('controllingField', form) as string | undefined;
  const values = (Form.useWatch('values', form) as PicklistValueDraft[] | undefined) ?? [];
  const candidates = (object?.fields ?? []).filter((field) => field.name !== name && (field.type === 'picklist' || field.type === 'boolean'));
  const controlling = candidates.find((field) => field.name === controllingName);
  const fieldLabel = (field: { name: string; label?: Parameters<typeof localize>[0] }) => localize(field.label, language, field.name);

  if (candidates.length === 0 && !controllingName) return <Alert type="info" showIcon className="setup-form-alert" title={t('setup.fieldDependency.none')} />;

  const columns: MatrixValue[] =
    controlling?.type === 'boolean'
      ? BOOLEAN_CONTROLLING_VALUES.map((value) => ({ value, label: t(value === 'true' ? 'setup.fieldDependency.yes' : 'setup.fieldDependency.no') }))
      : (controlling?.values ?? []).map((entry) => (typeof entry === 'string' ? { value: entry, label: entry } : { value: entry.value, label: localize(entry.label, language, entry.value) }));
  const rows: MatrixValue[] = values
    .filter((entry) => entry.value.trim() !== '')
    .map((entry) => ({ value: entry.value.trim(), label: localize({ en: entry.labelEn, 'zh-CN': entry.labelZh }, language, entry.value.trim()) }));

  return (
    <>
      <Form.Item name="controllingField" label={t('setup.fieldDependency.controllingField')} extra={t('setup.fieldDependency.controllingHelp')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={candidates.map((field) => ({ value: field.name, label: fieldLabel(field) }))}
          // Another controlling field has other values: the old map would name values it does not have.
          onChange={() => form.setFieldValue('dependencies', {})}
        />
      </Form.Item>
      {controllingName && (
        <Form.Item name="dependencies" label={t('setup.fieldDependency.matrix', { field: controlling ? fieldLabel(controlling) : controllingName })} extra={t('setup.fieldDependency.matrixHelp')}>
          <DependencyMatrixEditor controlling={columns} dependent={rows} />
        </Form.Item>
      )}
    </>
  );
}
