import type { LocalizedText } from '../i18n/localize';

/** A picklist value as metadata writes it: a bare value or one with labels. */
export type PicklistValue = string | { readonly value: string; readonly label?: LocalizedText };

/** What the studio reads of a field definition (GET /api/v1/meta/objects). */
export interface FieldDefinition {
  readonly name: string;
  readonly type: string;
  readonly label?: LocalizedText;
  readonly helpText?: LocalizedText;
  readonly required?: boolean;
  readonly values?: readonly PicklistValue[];
  readonly target?: string;
  readonly scale?: number;
  readonly currency?: string;
  /** A formula's result type (text, number, currency, percent, date, datetime, boolean). */
  readonly resultType?: string;
  /** The record's id in another system: what imports match records and parents by. */
  readonly externalId?: boolean;
}

export interface ObjectDefinition {
  readonly name: string;
  readonly label?: LocalizedText;
  readonly pluralLabel?: LocalizedText;
  readonly description?: string;
  /** An Ant Design icon name (icon-names.ts); none: the default object icon. */
  readonly icon?: string;
  readonly fields: readonly FieldDefinition[];
}

/** Field types a list can show in a column and sort by. */
const LISTABLE = new Set(['text', 'email', 'phone', 'url', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean', 'picklist', 'multipicklist', 'lookup', 'masterdetail', 'autonumber', 'formula', 'rollup']);
/** Field types the list's search looks into with `contains`. */
const SEARCHABLE = new Set(['text', 'email', 'phone', 'url', 'autonumber']);
const NAME_FIELDS = ['name', 'full_name', 'title', 'subject'];

export function listColumns(object: ObjectDefinition, limit = 6): FieldDefinition[] {
  return object.fields.filter((field) => LISTABLE.has(field.type)).slice(0, limit);
}

export function searchableFields(object: ObjectDefinition): FieldDefinition[] {
  return object.fields.filter((field) => SEARCHABLE.has(field.type));
}

/**
 * The lookups among the fields whose parent object the user may read, to ask the server to embed
 * (`expand`): it refuses the whole request (403) when asked to expand an object the user may not read.
 */
export function expandableLookups(fields: readonly FieldDefinition[], readable: readonly ObjectDefinition[]): string[] {
  const names = new Set(readable.map((object) => object.name));
  return fields.filter((field) => (field.type === 'lookup' || field.type === 'masterdetail') && field.target !== undefined && names.has(field.target)).map((field) => field.name);
}

/** The field that names a record: `name`-like by convention, else the first text field. */
export function nameField(object: ObjectDefinition): FieldDefinition | undefined {
  return (
    NAME_FIELDS.map((name) => object.fields.find((field) => field.name === name)).find(Boolean) ??
    object.fields.find((field) => field.type === 'text' || field.type === 'autonumber')
  );
}
