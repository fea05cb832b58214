import type { Field } from '../schemas/generated/object.js';
import { autoNumberField, type ResolvedAutoNumberField } from './auto-number.js';
import { booleanField, type ResolvedBooleanField } from './boolean.js';
import { currencyField, type ResolvedCurrencyField } from './currency.js';
import { dateField, type ResolvedDateField } from './date.js';
import { dateTimeField, type ResolvedDateTimeField } from './date-time.js';
import { emailField, type ResolvedEmailField } from './email.js';
import type { FieldType, FieldTypeName } from './field-type.js';
import { formulaField, type ResolvedFormulaField } from './formula.js';
import { jsonField, type ResolvedJsonField } from './json.js';
import { longTextField, type ResolvedLongTextField } from './long-text.js';
import { lookupField, type ResolvedLookupField } from './lookup.js';
import { masterDetailField, type ResolvedMasterDetailField } from './master-detail.js';
import { multiPicklistField, type ResolvedMultiPicklistField } from './multi-picklist.js';
import { numberField, type ResolvedNumberField } from './number.js';
import { percentField, type ResolvedPercentField } from './percent.js';
import { phoneField, type ResolvedPhoneField } from './phone.js';
import { picklistField, type ResolvedPicklistField } from './picklist.js';
import { rollupField, type ResolvedRollupField } from './rollup.js';
import { richTextField, type ResolvedRichTextField } from './rich-text.js';
import { textField, type ResolvedTextField } from './text.js';
import { urlField, type ResolvedUrlField } from './url.js';

export type ResolvedField =
  | ResolvedTextField
  | ResolvedLongTextField
  | ResolvedRichTextField
  | ResolvedNumberField
  | ResolvedCurrencyField
  | ResolvedPercentField
  | ResolvedDateField
  | ResolvedDateTimeField
  | ResolvedBooleanField
  | ResolvedPicklistField
  | ResolvedMultiPicklistField
  | ResolvedEmailField
  | ResolvedPhoneField
  | ResolvedUrlField
  | ResolvedLookupField
  | ResolvedMasterDetailField
  | ResolvedAutoNumberField
  | ResolvedJsonField
  | ResolvedFormulaField
  | ResolvedRollupField;

type Registry = {
  readonly [K in FieldTypeName]: FieldType<Extract<Field, { type: K }>, Extract<ResolvedField, { type: K }>>;
};

/** Every field type by name. The mapped type makes a type missing here a compile error. */
export const fieldTypes: Registry = {
  text: textField,
  longtext: longTextField,
  richtext: richTextField,
  number: numberField,
  currency: currencyField,
  percent: percentField,
  date: dateField,
  datetime: dateTimeField,
  boolean: booleanField,
  picklist: picklistField,
  multipicklist: multiPicklistField,
  email: emailField,
  phone: phoneField,
  url: urlField,
  lookup: lookupField,
  masterdetail: masterDetailField,
  autonumber: autoNumberField,
  json: jsonField,
  formula: formulaField,
  rollup: rollupField,
};

/** The field type of a resolved field, with its generic parameters erased for generic callers. */
export function fieldTypeOf(field: ResolvedField): FieldType<Field, ResolvedField> {
  return fieldTypes[field.type] as unknown as FieldType<Field, ResolvedField>;
}

export { SYSTEM_FIELD_SCHEMAS, SYSTEM_FIELDS } from './system-fields.js';
export type { FieldEncryption, FieldType, FieldTypeName, FilterOperator, JsonSchema, Labels, ResolvedFieldCommon } from './field-type.js';
export { formatAutoNumber } from './auto-number.js';
export { COMPARABLE, EQUALITY, TEXTUAL } from './field-type.js';
export type { ResolvedLookupField, ResolvedMasterDetailField, ResolvedAutoNumberField, ResolvedPicklistField, ResolvedFormulaField, ResolvedRollupField };
export { formulaOperators } from './formula.js';
export { corporateAmountField, type ResolvedCurrencyField } from './currency.js';
