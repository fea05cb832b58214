import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LookupSelect } from '../../shared/forms/lookup-select';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { FieldDefinition } from '../../shared/metadata/object-definition';
import { valueTypeOf } from './filter/filter-operators';

export interface FieldValueInputProps {
  readonly field: FieldDefinition;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly ariaLabel: string;
  /** A list of values (`in` / `nin` in a filter, or a multi-select picklist's value). */
  readonly multiple?: boolean;
  readonly autoFocus?: boolean;
  readonly onEnter?: () => void;
  readonly invalid?: boolean;
  readonly id?: string;
}

const NUMERIC = new Set(['number', 'currency', 'percent', 'rollup']);

/**
 * One value of a field, entered with the widget of its type: picklist values by their labels,
 * dates with a calendar, numbers, a lookup's records by name. Shared by the filter builder, the
 * bulk edit and the inline edit, which all hand the result to the API as is.
 */
export function FieldValueInput(props: FieldValueInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { field, value, onChange, ariaLabel, multiple } = props;
  const type = valueTypeOf(field);
  const status = props.invalid ? 'error' : undefined;
  const common = { id: props.id, 'aria-label': ariaLabel, autoFocus: props.autoFocus, status } as const;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && props.onEnter) props.onEnter();
  };

  if (type === 'picklist' || type === 'multipicklist') {
    const options = (field.values ?? []).map((entry) =>
      typeof entry === 'string' ? { value: entry, label: entry } : { value: entry.value, label: localize(entry.label, language, entry.value) },
    );
    return (
      <Select
        {...common}
        mode={multiple ? 'multiple' : undefined}
        allowClear
        value={value ?? undefined}
        onChange={(next: unknown) => onChange(next)}
        options={options}
        style={{ minWidth: 180 }}
        popupMatchSelectWidth={false}
      />
    );
  }
  if (multiple) {
    // A list of free values (`in` on text, numbers or ids): one tag per value.
    const list = Array.isArray(value) ? value.map(String) : [];
    return (
      <Select
        {...common}
        mode="tags"
        open={false}
        suffixIcon={null}
        value={list}
        onChange={(next: string[]) => onChange(NUMERIC.has(type) ? next.map(Number).filter((item) => !Number.isNaN(item)) : next)}
        style={{ minWidth: 200 }}
      />
    );
  }
  if (type === 'boolean') {
    return (
      <Select
        {...common}
        allowClear
        value={typeof value === 'boolean' ? String(value) : undefined}
        onChange={(next: string | undefined) => onChange(next === undefined ? undefined : next === 'true')}
        options={[
          { value: 'true', label: t('value.yes') },
          { value: 'false', label: t('value.no') },
        ]}
        style={{ minWidth: 120 }}
      />
    );
  }
  if (NUMERIC.has(type)) {
    return (
      <InputNumber
        {...common}
        value={typeof value === 'number' ? value : null}
        onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
        onKeyDown={onKeyDown}
        style={{ minWidth: 140 }}
      />
    );
  }
  if (type === 'date' || type === 'datetime') {
    const parsed = typeof value === 'string' && value ? dayjs(value) : null;
    return (
      <DatePicker
        {...common}
        showTime={type === 'datetime'}
        value={parsed?.isValid() ? parsed : null}
        onChange={(next) => onChange(next ? (type === 'date' ? next.format('YYYY-MM-DD') : next.toISOString()) : undefined)}
      />
    );
  }
  if ((type === 'lookup' || type === 'masterdetail') && field.target) {
    return <LookupSelect id={props.id} target={field.target} value={typeof value === 'string' ? value : undefined} onChange={onChange} ariaLabel={ariaLabel} />;
  }
  return <Input {...common} value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)} onChange={(event) => onChange(event.target.value)} onKeyDown={onKeyDown} />;
}
