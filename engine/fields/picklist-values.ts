import type { LocalizedText } from '../schemas/generated/common.js';
import type { PicklistValue } from '../schemas/generated/object.js';

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

/** A dependent picklist: which of its values each value of the controlling field allows. */
export interface PicklistDependency {
  readonly controllingField: string;
  readonly allowed: Readonly<Record<string, readonly string[]>>;
}

export function resolveDependency(definition: { controllingField?: string; dependencies?: Record<string, string[]> }): PicklistDependency | undefined {
  if (!definition.controllingField) return undefined;
  return { controllingField: definition.controllingField, allowed: definition.dependencies ?? {} };
}

export function activeValues(values: readonly ResolvedPicklistValue[]): string[] {
  return values.filter((entry) => entry.active).map((entry) => entry.value);
}
