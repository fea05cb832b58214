import { assertNever } from '../errors/index.js';
import type { PicklistDependency } from '../fields/picklist-values.js';
import type { JsonSchema, ResolvedField, ResolvedFormulaField } from '../fields/index.js';
import type { LocalizedText } from '../schemas/generated/common.js';
import type { FieldUiSchema } from './form-definition.js';
import { localize, type Language } from '../i18n/language.js';

/**
 * How a field is edited, by field type: the widget and its options. The storage and the value
 * rules stay with the field type; this is only the form's side (convention 4). Widgets named here
 * but not built into rjsf (`lookup`, the `json` field) are provided by the studio.
 */
export function fieldUi(field: ResolvedField, valueSchema: JsonSchema, language: Language): FieldUiSchema {
  switch (field.type) {
    case 'text':
    case 'autonumber':
      return {};
    case 'longtext':
      return { 'ui:widget': 'textarea' };
    case 'richtext':
      // The studio's editor (lazily loaded); it sends HTML that the server sanitises.
      return { 'ui:widget': 'richtext' };
    case 'number':
    case 'percent':
      return { 'ui:options': { step: stepOf(field.scale) } };
    case 'currency':
      return { 'ui:options': { currency: field.currency ?? null, step: stepOf(field.scale) } };
    case 'date':
      return { 'ui:widget': 'date' };
    case 'datetime':
      return { 'ui:widget': 'datetime' };
    case 'boolean':
      return { 'ui:widget': 'checkbox' };
    case 'picklist':
      return { 'ui:widget': 'select', 'ui:enumNames': choiceLabels(field.values, valueSchema.enum, language), ...dependencyOptions(field) };
    case 'multipicklist':
      return { 'ui:widget': 'checkboxes', 'ui:enumNames': choiceLabels(field.values, itemsOf(valueSchema).enum, language), ...dependencyOptions(field) };
    case 'email':
      return { 'ui:widget': 'email' };
    case 'phone':
      return { 'ui:inputType': 'tel' };
    case 'url':
      return { 'ui:widget': 'uri' };
    case 'lookup':
    case 'masterdetail':
      return { 'ui:widget': 'lookup', 'ui:options': { target: field.target } };
    case 'json':
      // rjsf renders a union type (object or array) as an empty object fieldset, and a widget
      // is ignored there: only a custom field can edit it, as JSON text in a textarea.
      return { 'ui:field': 'json', 'ui:widget': 'textarea', 'ui:options': { json: true } };
    case 'formula':
      return formulaUi(field.resultType, field.scale);
    case 'rollup':
      // A count or sum is a number, a min or max of dates a date string: plain text shows both.
      return { 'ui:widget': 'text' };
    default:
      return assertNever(field, 'field type');
  }
}

/** A formula is shown (read only) like a field of the type it returns. */
function formulaUi(resultType: ResolvedFormulaField['resultType'], scale: number): FieldUiSchema {
  switch (resultType) {
    case 'text':
      return {};
    case 'number':
    case 'percent':
      return { 'ui:options': { step: stepOf(scale) } };
    case 'currency':
      return { 'ui:options': { currency: null, step: stepOf(scale) } };
    case 'date':
      return { 'ui:widget': 'date' };
    case 'datetime':
      return { 'ui:widget': 'datetime' };
    case 'boolean':
      return { 'ui:widget': 'checkbox' };
    default:
      return assertNever(resultType, 'formula result type');
  }
}

/** 0.01 for scale 2; computed from the decimal so that scale 3 gives 0.001, not 0.0010000000000000002. */
function stepOf(scale: number): number {
  return Number(`1e-${scale}`);
}

/**
 * Labels of the choices, one per value of the value schema's `enum` and in its order (the active
 * values only), so that `ui:enumNames[i]` always names `enum[i]`.
 */
function choiceLabels(
  values: readonly { value: string; label: LocalizedText; active: boolean }[],
  allowed: unknown,
  language: Language,
): string[] {
  const labels = new Map(values.map((entry) => [entry.value, localize(entry.label, language, entry.value) ?? entry.value]));
  return (Array.isArray(allowed) ? allowed : []).map((value) => labels.get(String(value)) ?? String(value));
}

function itemsOf(schema: JsonSchema): JsonSchema {
  const items = schema.items;
  return items !== null && typeof items === 'object' && !Array.isArray(items) ? (items as JsonSchema) : {};
}

/**
 * A dependent picklist tells the form which values each controlling value allows, so the studio
 * narrows the choices as the user picks; the server checks the same rule on save.
 */
function dependencyOptions(field: { dependency?: PicklistDependency }): FieldUiSchema {
  return field.dependency ? { 'ui:options': { controllingField: field.dependency.controllingField, dependencies: field.dependency.allowed } } : {};
}
