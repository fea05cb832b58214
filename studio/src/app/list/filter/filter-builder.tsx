import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import { FieldValueInput } from '../field-value-input';
import { filterableFields, operatorsOf } from './filter-operators';
import { filterToModel, modelToFilter, rowOperatorsOf, takesList, takesValue, type FilterJoin, type FilterJson, type FilterModel, type FilterRow, type RowOperator } from './filter-rows';

export interface FilterBuilderProps {
  readonly fields: readonly FieldDefinition[];
  readonly filter: FilterJson | undefined;
  /** Called with the new filter (undefined: none) when the user applies or clears. */
  readonly onApply: (filter: FilterJson | undefined) => void;
}

/**
 * Conditions on the object's fields, each with the operators its type allows and a value widget of
 * its type, joined by "all" (and) or "any" (or). Nothing reaches the list until "Apply".
 */
export function FilterBuilder({ fields, filter, onApply }: FilterBuilderProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const offered = filterableFields(fields);
  const parsed = filterToModel(filter ?? {});
  const [model, setModel] = useState<FilterModel>(() => (parsed && parsed.rows.length > 0 ? parsed : { join: 'and', rows: [emptyRow(offered)] }));
  const fieldOf = (name: string) => offered.find((field) => field.name === name);
  const label = (field: FieldDefinition) => localize(field.label, language, field.name);

  function change(index: number, row: FilterRow) {
    setModel({ ...model, rows: model.rows.map((current, at) => (at === index ? row : current)) });
  }

  if (!parsed) {
    return (
      <div className="filter-builder">
        <Alert type="info" showIcon title={t('filter.custom')} action={<Button onClick={() => onApply(undefined)}>{t('filter.clear')}</Button>} />
      </div>
    );
  }
  return (
    <section className="filter-builder" aria-label={t('filter.title')}>
      <Radio.Group
        value={model.join}
        onChange={(event) => setModel({ ...model, join: event.target.value as FilterJoin })}
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
                options={offered.map((candidate) => ({ value: candidate.name, label: label(candidate) }))}
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
                  onEnter={() => onApply(modelToFilter(model))}
                />
              )}
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('filter.remove', { position })}
                onClick={() => setModel({ ...model, rows: model.rows.filter((_row, at) => at !== index) })}
              />
            </li>
          );
        })}
      </ol>
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => setModel({ ...model, rows: [...model.rows, emptyRow(offered)] })}>
          {t('filter.add')}
        </Button>
        <Button type="primary" onClick={() => onApply(modelToFilter(model))}>
          {t('filter.apply')}
        </Button>
        <Button
          onClick={() => {
            setModel({ join: 'and', rows: [emptyRow(offered)] });
            onApply(undefined);
          }}
        >
          {t('filter.clear')}
        </Button>
      </Space>
    </section>
  );
}

function emptyRow(fields: readonly FieldDefinition[]): FilterRow {
  const first = fields[0];
  return { field: first?.name ?? '', operator: first ? rowOperatorsOf(operatorsOf(first))[0]! : 'eq', value: undefined };
}
