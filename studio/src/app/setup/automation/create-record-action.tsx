import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ActionFormProps } from './action-editor';
import { settableFields } from './field-value-input';
import { RuleExpression } from './rule-expression';

/** Create a record of another (or the same) object: each of its fields an expression over the triggering record. */
export function CreateRecordAction({ index, path, position, object, objects }: ActionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const targetName = Form.useWatch([...path, 'object'], form) as string | undefined;
  const target = objects.find((candidate) => candidate.name === targetName);
  const fields = settableFields(target?.fields ?? []);
  const label = (part: string) => `${t('setup.automation.actionTitle', { position })}: ${part}`;
  return (
    <>
      <Form.Item name={[index, 'object']} label={t('setup.automation.createObject')} rules={[{ required: true, message: t('setup.automation.createObjectRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={label(t('setup.automation.createObject'))}
          options={objects.map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) }))}
          // The values name the old object's fields.
          onChange={() => form.setFieldValue([...path, 'values'], [])}
        />
      </Form.Item>
      {target && object && (
        <Form.List name={[index, 'values']}>
          {(rows, { add, remove }) => (
            <div className="automation-values" role="group" aria-label={label(t('setup.automation.values'))}>
              <p className="setup-fieldset-help">{t('setup.automation.valuesHelp')}</p>
              {rows.map((row, at) => (
                <div key={row.key} className="automation-value-row">
                  <Form.Item name={[at, 'field']} rules={[{ required: true, message: t('setup.automation.fieldRequired') }]}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      aria-label={t('setup.automation.valueField', { position: at + 1 })}
                      options={fields.map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[at, 'expression']} rules={[{ required: true, whitespace: true, message: t('setup.automation.expressionRequired') }]}>
                    <RuleExpression object={object.name} purpose="formula" aria-label={t('setup.automation.valueExpression', { position: at + 1 })} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(at)} aria-label={t('setup.automation.removeValue', { position: at + 1 })} />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ field: undefined, expression: '' })}>
                {t('setup.automation.addValue')}
              </Button>
            </div>
          )}
        </Form.List>
      )}
    </>
  );
}
