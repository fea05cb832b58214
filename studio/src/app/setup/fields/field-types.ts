/** The field types of object.schema.json, in the order the type picker offers them. */
export const FIELD_TYPES = [
  'text',
  'longtext',
  'richtext',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'picklist',
  'multipicklist',
  'email',
  'phone',
  'url',
  'lookup',
  'masterdetail',
  'autonumber',
  'formula',
  'rollup',
  'json',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Which part of the editor holds a type's own properties. */
export type FieldTypeEditor = 'length' | 'precision' | 'currency' | 'picklist' | 'reference' | 'masterdetail' | 'autonumber' | 'formula' | 'rollup' | 'none';

export function isFieldType(type: string): type is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(type);
}

/** The editor of a type's own properties; a type added to FIELD_TYPES fails to compile until it has one. */
export function editorOf(type: FieldType): FieldTypeEditor {
  switch (type) {
    case 'text':
    case 'longtext':
    case 'richtext':
      return 'length';
    case 'number':
    case 'percent':
      return 'precision';
    case 'currency':
      return 'currency';
    case 'picklist':
    case 'multipicklist':
      return 'picklist';
    case 'lookup':
      return 'reference';
    case 'masterdetail':
      return 'masterdetail';
    case 'autonumber':
      return 'autonumber';
    case 'formula':
      return 'formula';
    case 'rollup':
      return 'rollup';
    case 'date':
    case 'datetime':
    case 'boolean':
    case 'email':
    case 'phone':
    case 'url':
    case 'json':
      return 'none';
    default:
      return assertNever(type);
  }
}

/** Computed types: the engine fills them, so they are never required, unique or defaulted by the admin. */
export function isComputed(type: FieldType): boolean {
  return type === 'formula' || type === 'rollup' || type === 'autonumber';
}

function assertNever(value: never): never {
  throw new Error(`Unknown field type: ${String(value)}`);
}
