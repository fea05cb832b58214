import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import { FieldValueInput } from '../field-value-input';
import { operatorsOf } from './filter-operators';
import { rowOperatorsOf, takesList, takesValue, type FilterJoin, type FilterModel, type FilterRow, type RowOperator } from './filter-rows';
import './filter.css';

export interface FilterConditionsProps {
  /** The fields conditions may name (filterableFields). */
  readonly fields: readonly FieldDefinition[];
  readonly model: FilterModel;
  readonly onChange: (model: FilterModel) => void;
  /** Enter in a value: the list applies the filter. */
  readonly onEnter?: () => void;
}

/**
 * Conditions on an object's fields, each with the operators its type allows and a value widget of
 * its type, joined by "all" (and) or "any" (or): the list's filter builder, and every setup editor
 * that takes a filter (sharing rules, roll-ups), edit conditions with it.
 */
export function FilterConditions({ fields, model, onChange, onEnter }: FilterConditionsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldOf = (name: string) => fields.find((field) => field.name === name);
  const label = (field: FieldDefinition) => localize(field.label, language, field.name);

  function change(index: number, row: FilterRow) {
    onChange({ ...model, rows: model.rows.map((current, at) => (at === index ? row : current)) });
  }

  return (
    <>
      <Radio.Group
        value={model.join}
        onChange={(event) => onChange({ ...model, join: event.target.value as FilterJoin })}
        options={[
          { value: 'and', label: t('filter.all') },
          { value: 'or', label: t('filter.any') },
        ]}
        aria-label={t('filter.join')}
      />
      <ol className="filter-rows">
        {model.rows.map((row, index) => {
          const field = fieldOf(row.field);
          const operators = field ? rowOperatorsOf(operatorsOf(field)) : [];
          const position = index + 1;
          return (
            <li key={index} className="filter-row">
              <Select
                aria-label={t('filter.field', { position })}
                value={row.field || undefined}
                placeholder={t('filter.fieldPlaceholder')}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(name: string) => change(index, { field: name, operator: rowOperatorsOf(operatorsOf(fieldOf(name)!))[0]!, value: undefined })}
                options={fields.map((candidate) => ({ value: candidate.name, label: label(candidate) }))}
                style={{ minWidth: 160 }}
                popupMatchSelectWidth={false}
              />
              <Select
                aria-label={t('filter.operator', { position })}
                value={field ? row.operator : undefined}
                disabled={!field}
                onChange={(operator: RowOperator) => change(index, { ...row, operator, value: takesList(operator) === takesList(row.operator) ? row.value : undefined })}
                options={operators.map((operator) => ({ value: operator, label: t(`filter.op.${operator}`) }))}
                style={{ minWidth: 140 }}
                popupMatchSelectWidth={false}
              />
              {field && takesValue(row.operator) && (
                <FieldValueInput
                  key={`${row.field}:${takesList(row.operator)}`}
                  field={field}
                  value={row.value}
                  multiple={takesList(row.operator)}
                  ariaLabel={t('filter.value', { position })}
                  onChange={(value) => change(index, { ...row, value })}
                  onEnter={() => onEnter?.()}
                />
              )}
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('filter.remove', { position })}
                onClick={() => onChange({ ...model, rows: model.rows.filter((_row, at) => at !== index) })}
              />
            </li>
          );
        })}
      </ol>
      <Button icon={<PlusOutlined />} onClick={() => onChange({ ...model, rows: [...model.rows, emptyRow(fields)] })}>
        {t('filter.add')}
      </Button>
    </>
  );
}

/** A new condition on the first field, with that field's first operator. */
export function emptyRow(fields: readonly FieldDefinition[]): FilterRow {
  const first = fields[0];
  return { field: first?.name ?? '', operator: first ? rowOperatorsOf(operatorsOf(first))[0]! : 'eq', value: undefined };
}
