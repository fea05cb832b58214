import type { LocalizedText } from '../../../../shared/i18n/localize';

/** A picklist value as the editor holds it: always the long form, so labels and activity can be edited. */
export interface EditableValue {
  value: string;
  label?: LocalizedText;
  active?: boolean;
}

export type StoredValue = string | EditableValue;

export function toEditable(values: readonly StoredValue[]): EditableValue[] {
  return values.map((entry) => (typeof entry === 'string' ? { value: entry } : { ...entry }));
}

/** Back to metadata: a value with no label and still active is written bare, so the diff shows only what differs. */
export function toStored(values: readonly EditableValue[]): StoredValue[] {
  return values.map((entry) => {
    const hasLabel = entry.label !== undefined && Object.values(entry.label).some((text) => text);
    if (!hasLabel && entry.active !== false) return entry.value;
    return { value: entry.value, ...(hasLabel ? { label: entry.label } : {}), ...(entry.active === false ? { active: false } : {}) };
  });
}

/** Moves one value (by its value) to where another one is, as a drag or a keyboard move ends. */
export function moveValue(values: readonly EditableValue[], from: string, to: string): EditableValue[] {
  const fromIndex = values.findIndex((entry) => entry.value === from);
  const toIndex = values.findIndex((entry) => entry.value === to);
  if (fromIndex < 0 || toIndex < 0 || fromIndex === toIndex) return [...values];
  const next = [...values];
  next.splice(toIndex, 0, ...next.splice(fromIndex, 1));
  return next;
}

export function setActive(values: readonly EditableValue[], value: string, active: boolean): EditableValue[] {
  return values.map((entry) => (entry.value === value ? { ...entry, active } : entry));
}
