import { Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';

/** Field types whose value the engine computes: an action cannot set them. */
const COMPUTED = new Set(['formula', 'rollup', 'autonumber']);

export function settableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => !COMPUTED.has(field.type) && !field.name.startsWith('_'));
}

interface FieldValueInputProps {
  readonly field: FieldDefinition | undefined;
  readonly id?: string;
  readonly value?: unknown;
  readonly onChange?: (value: unknown) => void;
  readonly 'aria-label'?: string;
}

/** A fixed value for a field, in the control its type takes (Form.Item passes id, value and onChange). */
export function FieldValueInput({ field, id, value, onChange, 'aria-label': label }: FieldValueInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const common = { id, 'aria-label': label };
  switch (field?.type) {
    case 'boolean':
      return (
        <Select
          {...common}
          value={value as boolean | undefined}
          onChange={onChange}
          options={[
            { value: true, label: t('setup.automation.yes') },
            { value: false, label: t('setup.automation.no') },
          ]}
        />
      );
    case 'number':
    case 'currency':
    case 'percent':
      return <InputNumber {...common} className="setup-number-input" value={value as number | undefined} onChange={(next) => onChange?.(next ?? undefined)} />;
    case 'picklist':
    case 'multipicklist':
      return (
        <Select
          {...common}
          mode={field.type === 'multipicklist' ? 'multiple' : undefined}
          showSearch={{ optionFilterProp: 'label' }}
          value={value as string | string[] | undefined}
          onChange={onChange}
          options={(field.values ?? []).map((option) => (typeof option === 'string' ? { value: option, label: option } : { value: option.value, label: localize(option.label, language, option.value) }))}
        />
      );
    default:
      return <Input {...common} autoComplete="off" value={(value as string | undefined) ?? ''} onChange={(event) => onChange?.(event.target.value)} />;
  }
}
