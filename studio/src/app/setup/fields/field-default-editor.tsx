import { Button, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { draftText } from '../draft-text';
import { ExpressionInput } from '../expressions/expression-input';
import { takesDefault, takesDefaultValue, type DefaultMode } from './field-default';
import type { FieldType } from './field-types';
import type { PicklistValueDraft } from './picklist-values';

interface FieldDefaultEditorProps {
  readonly type: FieldType;
  readonly object: string;
  /** A saved field whose default is saved: offers to give it to the records without a value. */
  readonly onApplyToExisting?: () => void;
  readonly applying?: boolean;
}

/**
 * A new record's value when the client sends none: nothing, a value typed with the type's own
 * control, or an expression ($today, $user, account.region). Computed fields have none.
 */
export function FieldDefaultEditor({ type, object, onApplyToExisting, applying }: FieldDefaultEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const mode = (Form.useWatch('defaultMode', form) ?? 'none') as DefaultMode;
  const values = (Form.useWatch('values', form) ?? []) as PicklistValueDraft[];
  if (!takesDefault(type)) return null;
  const modes: DefaultMode[] = takesDefaultValue(type) ? ['none', 'value', 'expression'] : ['none', 'expression'];
  const choices = values
    .filter((value) => value.value.trim() !== '' && value.active)
    .map((value) => ({ value: value.value, label: localize(draftText(value.labelEn, value.labelZh), language, value.value) }));

  return (
    <fieldset className="setup-fieldset field-default">
      <legend>{t('setup.fieldDefault.title')}</legend>
      <Form.Item name="defaultMode" label={t('setup.fieldDefault.mode')} className="field-default-mode">
        <Radio.Group optionType="button" options={modes.map((candidate) => ({ value: candidate, label: t(`setup.fieldDefault.modes.${candidate}`) }))} />
      </Form.Item>
      {mode === 'value' && (
        <Form.Item name="defaultValue" label={t('setup.fieldDefault.value')} valuePropName={type === 'boolean' ? 'checked' : 'value'} extra={t('setup.fieldDefault.valueHelp')}>
          {valueControl(type, choices, t)}
        </Form.Item>
      )}
      {mode === 'expression' && (
        <Form.Item name="defaultExpression" label={t('setup.fieldDefault.expression')} extra={t('setup.fieldDefault.expressionHelp')}>
          <ExpressionInput value="" onChange={() => undefined} object={object} purpose="default" aria-label={t('setup.fieldDefault.expression')} />
        </Form.Item>
      )}
      {onApplyToExisting && (
        <div className="field-default-apply">
          <Button onClick={onApplyToExisting} loading={applying}>
            {t('setup.fieldDefault.apply')}
          </Button>
          <span className="setup-fieldset-help">{t('setup.fieldDefault.applyHelp')}</span>
        </div>
      )}
    </fieldset>
  );
}

function valueControl(type: FieldType, choices: { value: string; label: string }[], t: (key: string) => string) {
  switch (type) {
    case 'boolean':
      return <Switch aria-label={t('setup.fieldDefault.value')} />;
    case 'picklist':
      return <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices} />;
    case 'multipicklist':
      return <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={choices} />;
    case 'number':
    case 'currency':
    case 'percent':
      return <InputNumber className="field-default-number" />;
    case 'date':
      return <Input type="date" />;
    case 'datetime':
      return <Input placeholder="2026-12-31T09:00:00Z" spellCheck={false} />;
    default:
      return <Input autoComplete="off" />;
  }
}
