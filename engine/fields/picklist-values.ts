import type { LocalizedText, PicklistValue } from '../metadata/schemas/generated/object.js';

export interface ResolvedPicklistValue {
  readonly value: string;
  readonly label: LocalizedText;
  readonly active: boolean;
}

export function resolvePicklistValues(values: readonly PicklistValue[]): ResolvedPicklistValue[] {
  return values.map((entry) =>
    typeof entry === 'string'
      ? { value: entry, label: { en: entry }, active: true }
      : { value: entry.value, label: entry.label ?? { en: entry.value }, active: entry.active ?? true },
  );
}

export function activeValues(values: readonly ResolvedPicklistValue[]): string[] {
  return values.filter((entry) => entry.active).map((entry) => entry.value);
}
