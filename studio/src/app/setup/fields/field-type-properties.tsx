import { Alert, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { FilterConditions } from '../../list/filter/filter-conditions';
import { filterableFields } from '../../list/filter/filter-operators';
import { filterToModel, modelToFilter, type FilterJson } from '../../list/filter/filter-rows';
import { ExpressionInput } from '../expressions/expression-input';
import { autoNumberPreview } from './autonumber-preview';
import { editorOf, type FieldType } from './field-types';
import { PicklistValuesEditor } from './picklist-values-editor';

const RESULT_TYPES = ['text', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean'] as const;
const FUNCTIONS = ['count', 'sum', 'min', 'max'] as const;
/** Field types a roll-up can sum, or take the smallest or largest of. */
const AGGREGATABLE = new Set(['number', 'currency', 'percent', 'date', 'datetime']);

interface FieldTypePropertiesProps {
  readonly type: FieldType;
  /** The object the field belongs to. */
  readonly object: string;
  readonly objects: readonly ObjectDefinition[];
  /** Picklist values already saved (their stored value no longer changes). */
  readonly savedValues: readonly string[];
}

/** The roll-up's filter as a form control over the child's fields (Form.Item passes value and onChange). */
function RollupFilter({ value, onChange, child }: { value?: FilterJson; onChange?: (filter: FilterJson | undefined) => void; child: ObjectDefinition | undefined }) {
  const model = filterToModel(value ?? {}) ?? { join: 'and' as const, rows: [] };
  return (
    <div className="filter-builder">
      <FilterConditions fields={filterableFields(child?.fields ?? [])} model={model} onChange={(next) => onChange?.(modelToFilter(next))} />
    </div>
  );
}

/** The properties of the field's own type, by the editor its type has (field-types.ts). */
export function FieldTypeProperties({ type, object, objects, savedValues }: FieldTypePropertiesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const format = Form.useWatch('format', form) as string | undefined;
  const startAt = Form.useWatch('startAt', form) as number | null | undefined;
  const childName = Form.useWatch('child', form) as string | undefined;
  const fn = Form.useWatch('function', form) as string | undefined;
  const objectOptions = objects.map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) }));

  switch (editorOf(type)) {
    case 'length':
      return (
        <Form.Item name="maxLength" label={t('setup.fieldEditor.maxLength')}>
          <InputNumber min={1} max={type === 'text' ? 255 : 100000} precision={0} />
        </Form.Item>
      );
    case 'precision':
    case 'currency':
      return (
        <>
          <div className="setup-form-grid">
            <Form.Item name="precision" label={t('setup.fieldEditor.precision')}>
              <InputNumber min={1} max={18} precision={0} />
            </Form.Item>
            <Form.Item name="scale" label={t('setup.fieldEditor.scale')}>
              <InputNumber min={0} max={8} precision={0} />
            </Form.Item>
            <Form.Item name="min" label={t('setup.fieldEditor.min')}>
              <InputNumber />
            </Form.Item>
            <Form.Item name="max" label={t('setup.fieldEditor.max')}>
              <InputNumber />
            </Form.Item>
          </div>
          {type === 'currency' && (
            <Form.Item name="currency" label={t('setup.fieldEditor.currency')} extra={t('setup.fieldEditor.currencyHelp')} normalize={(value: string) => value.toUpperCase()}>
              <Input maxLength={3} style={{ width: 120 }} />
            </Form.Item>
          )}
        </>
      );
    case 'picklist':
      return (
        <Form.Item name="values" label={t('setup.fieldEditor.values')} extra={t('setup.fieldEditor.valuesHelp')}>
          <PicklistValuesEditor saved={savedValues} />
        </Form.Item>
      );
    case 'reference':
    case 'masterdetail':
      return (
        <>
          <Form.Item name="target" label={t('setup.fieldEditor.target')} rules={[{ required: true, message: t('setup.fieldEditor.targetRequired') }]} extra={type === 'masterdetail' ? t('setup.fieldEditor.masterHelp') : undefined}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={objectOptions} />
          </Form.Item>
          {type === 'lookup' && (
            <Form.Item name="onDelete" label={t('setup.fieldEditor.onDelete')}>
              <Radio.Group
                options={[
                  { value: 'clear', label: t('setup.fieldEditor.onDeleteClear') },
                  { value: 'restrict', label: t('setup.fieldEditor.onDeleteRestrict') },
                ]}
              />
            </Form.Item>
          )}
        </>
      );
    case 'autonumber': {
      const preview = autoNumberPreview(format ?? '', startAt ?? 1);
      return (
        <>
          <div className="setup-form-grid">
            <Form.Item name="format" label={t('setup.fieldEditor.format')} extra={t('setup.fieldEditor.formatHelp')}>
              <Input spellCheck={false} placeholder="PR-{0000}" />
            </Form.Item>
            <Form.Item name="startAt" label={t('setup.fieldEditor.startAt')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </div>
          <p className="field-preview" aria-live="polite">
            {preview === undefined ? t('setup.fieldEditor.previewInvalid') : t('setup.fieldEditor.preview', { value: preview })}
          </p>
        </>
      );
    }
    case 'formula':
      return (
        <>
          <Form.Item name="resultType" label={t('setup.fieldEditor.resultType')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={RESULT_TYPES.map((result) => ({ value: result, label: t(`setup.fields.types.${result}`) }))} />
          </Form.Item>
          <Form.Item name="expression" label={t('setup.fieldEditor.expression')} extra={t('setup.fieldEditor.expressionHelp')}>
            <ExpressionInput value="" onChange={() => undefined} object={object} purpose="formula" />
          </Form.Item>
          <Form.Item name="scale" label={t('setup.fieldEditor.scale')}>
            <InputNumber min={0} max={8} precision={0} />
          </Form.Item>
        </>
      );
    case 'rollup': {
      const children = objects.filter((candidate) => candidate.fields.some((field) => field.type === 'masterdetail' && field.target === object));
      const child = children.find((candidate) => candidate.name === childName);
      const fields = (child?.fields ?? []).filter((field) => AGGREGATABLE.has(field.type) || (field.type === 'formula' && AGGREGATABLE.has(String(field.resultType))));
      if (children.length === 0) return <Alert type="info" showIcon title={t('setup.fieldEditor.noChildren')} />;
      return (
        <>
          <Form.Item name="child" label={t('setup.fieldEditor.child')} extra={t('setup.fieldEditor.childHelp')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={children.map((candidate) => ({ value: candidate.name, label: localize(candidate.label, language, candidate.name) }))} />
          </Form.Item>
          <Form.Item name="function" label={t('setup.fieldEditor.function')}>
            <Radio.Group options={FUNCTIONS.map((name) => ({ value: name, label: t(`setup.fieldEditor.functions.${name}`) }))} />
          </Form.Item>
          {fn !== 'count' && (
            <Form.Item name="field" label={t('setup.fieldEditor.field')}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={fields.map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))} />
            </Form.Item>
          )}
          {child && (
            <Form.Item name="filter" label={t('setup.fieldEditor.filter')}>
              <RollupFilter child={child} />
            </Form.Item>
          )}
        </>
      );
    }
    case 'none':
      return null;
  }
}
