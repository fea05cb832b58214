import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';
import { emptyRow, FilterConditions } from './filter-conditions';
import { filterableFields } from './filter-operators';
import { filterToModel, modelToFilter, type FilterJson, type FilterModel } from './filter-rows';

export interface FilterBuilderProps {
  readonly fields: readonly FieldDefinition[];
  readonly filter: FilterJson | undefined;
  /** Called with the new filter (undefined: none) when the user applies or clears. */
  readonly onApply: (filter: FilterJson | undefined) => void;
}

/** The list's filter: conditions (filter-conditions.tsx) that reach the list only on "Apply". */
export function FilterBuilder({ fields, filter, onApply }: FilterBuilderProps) {
  const { t } = useTranslation();
  const offered = filterableFields(fields);
  const parsed = filterToModel(filter ?? {});
  const [model, setModel] = useState<FilterModel>(() => (parsed && parsed.rows.length > 0 ? parsed : { join: 'and', rows: [emptyRow(offered)] }));

  if (!parsed) {
    return (
      <div className="filter-builder">
        <Alert type="info" showIcon title={t('filter.custom')} action={<Button onClick={() => onApply(undefined)}>{t('filter.clear')}</Button>} />
      </div>
    );
  }
  return (
    <section className="filter-builder" aria-label={t('filter.title')}>
      <FilterConditions fields={offered} model={model} onChange={setModel} onEnter={() => onApply(modelToFilter(model))} />
      <Space wrap className="filter-builder-actions">
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
