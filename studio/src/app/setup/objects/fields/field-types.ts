/** The field types the engine accepts (engine/metadata/schemas/object.schema.json), one editor family each. */
export const FIELD_TYPES = [
  'text', 'longtext', 'richtext', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean',
  'picklist', 'multipicklist', 'email', 'phone', 'url', 'lookup', 'masterdetail', 'autonumber',
  'json', 'formula', 'rollup',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Which type-specific editor module a type's properties are edited with. */
export type EditorFamily = 'text' | 'number' | 'plain' | 'picklist' | 'relationship' | 'autonumber' | 'formula' | 'rollup';

function assertNever(value: never): never {
  throw new Error(`Unexpected field type: ${String(value)}`);
}

// A switch rather than a table, so a type added to the schema is a compile error here until it has an editor.
export function editorFamilyOf(type: FieldType): EditorFamily {
  switch (type) {
    case 'text': case 'longtext': case 'richtext': return 'text';
    case 'number': case 'currency': case 'percent': return 'number';
    case 'date': case 'datetime': case 'boolean': case 'email': case 'phone': case 'url': case 'json': return 'plain';
    case 'picklist': case 'multipicklist': return 'picklist';
    case 'lookup': case 'masterdetail': return 'relationship';
    case 'autonumber': return 'autonumber';
    case 'formula': return 'formula';
    case 'rollup': return 'rollup';
    default: return assertNever(type);
  }
}
