import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import { OrderedList } from '../ordered-list';

interface ViewColumnsControlProps {
  readonly id?: string;
  readonly value?: readonly string[];
  readonly onChange?: (columns: string[]) => void;
  /** The fields a list can show as columns. */
  readonly fields: readonly FieldDefinition[];
}

/**
 * A view's columns, left to right: added from the fields not shown yet, put in order by dragging
 * or the move buttons, removed. A Form.Item passes value and onChange.
 */
export function ViewColumnsControl({ id, value = [], onChange, fields }: ViewColumnsControlProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labelOf = (name: string) => {
    const field = fields.find((candidate) => candidate.name === name);
    return field ? localize(field.label, language, name) : name;
  };
  const items = value.map((name) => ({ id: name, name: labelOf(name) }));
  return (
    <div className="ordered-control">
      <OrderedList items={items} label={t('setup.listViews.columns')} onChange={(next) => onChange?.(next.map((item) => item.id))} />
      <Select
        id={id}
        className="ordered-control-add"
        value={null}
        placeholder={t('setup.listViews.addColumn')}
        aria-label={t('setup.listViews.addColumn')}
        showSearch={{ optionFilterProp: 'label' }}
        options={fields.filter((field) => !value.includes(field.name)).map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))}
        onChange={(name: string) => onChange?.([...value, name])}
      />
    </div>
  );
}
