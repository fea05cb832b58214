import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ActionFormProps } from './action-editor';
import type { ValueMode } from './automation-rule-draft';
import { FieldValueInput, settableFields } from './field-value-input';
import { CLEARS_SERVER_ERROR } from './server-error-rule';
import { RuleExpression } from './rule-expression';

const MODES: readonly ValueMode[] = ['value', 'expression', 'clear'];

/** Update a field of the record: to a fixed value, to an expression's result, or empty. */
export function SetFieldAction({ index, path, position, object }: ActionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const fields = settableFields(object?.fields ?? []);
  const fieldName = Form.useWatch([...path, 'field'], form) as string | undefined;
  const mode = (Form.useWatch([...path, 'mode'], form) as ValueMode | undefined) ?? 'value';
  const field = fields.find((candidate) => candidate.name === fieldName);
  return (
    <div className="setup-form-grid">
      <Form.Item name={[index, 'field']} label={t('setup.automation.field')} rules={[{ required: true, message: t('setup.automation.fieldRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={`${t('setup.automation.actionTitle', { position })}: ${t('setup.automation.field')}`}
          options={fields.map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) }))}
          // A value of the old field's type means nothing to the new one.
          onChange={() => form.setFieldValue([...path, 'value'], undefined)}
        />
      </Form.Item>
      <Form.Item name={[index, 'mode']} label={t('setup.automation.valueMode')}>
        <Radio.Group optionType="button" options={MODES.map((value) => ({ value, label: t(`setup.automation.modes.${value}`) }))} />
      </Form.Item>
      {mode === 'value' && (
        <Form.Item name={[index, 'value']} label={t('setup.automation.value')} className="automation-wide" rules={[CLEARS_SERVER_ERROR]}>
          <FieldValueInput field={field} aria-label={`${t('setup.automation.actionTitle', { position })}: ${t('setup.automation.value')}`} />
        </Form.Item>
      )}
      {mode === 'expression' && object && (
        <Form.Item name={[index, 'expression']} label={t('setup.automation.expression')} className="automation-wide" rules={[{ required: true, whitespace: true, message: t('setup.automation.expressionRequired') }]}>
          <RuleExpression object={object.name} purpose="formula" />
        </Form.Item>
      )}
    </div>
  );
}
