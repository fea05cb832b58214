import type { FieldDefinition } from '../../shared/metadata/object-definition';
import { FilterConditions } from '../list/filter/filter-conditions';
import type { FilterModel } from '../list/filter/filter-rows';

/** Conditions built as in a list's filter, as a form control (Form.Item passes value and onChange): a sharing rule's criteria, a list view's filter. */
export function ConditionsControl({ value, onChange, fields }: { value?: FilterModel; onChange?: (model: FilterModel) => void; fields: readonly FieldDefinition[] }) {
  return (
    <div className="filter-builder">
      <FilterConditions fields={fields} model={value ?? { join: 'and', rows: [] }} onChange={(model) => onChange?.(model)} />
    </div>
  );
}
