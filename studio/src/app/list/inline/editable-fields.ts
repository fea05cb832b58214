import type { FormDefinition } from '../../../shared/forms/form-definition';
import type { FieldDefinition } from '../../../shared/metadata/object-definition';

/** Types whose value one cell's widget can edit (the rest open the record's form). */
const INLINE_TYPES = new Set(['text', 'email', 'phone', 'url', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean', 'picklist', 'multipicklist', 'lookup', 'masterdetail']);

/**
 * The fields this user may edit in place: those the object's form for them offers and does not mark
 * read-only (the server marks formulas, roll-ups, auto-numbers and fields the user may not edit),
 * and of a type a cell can edit. A field not on the form is not edited from the list either.
 */
export function editableFields(form: FormDefinition | undefined, fields: readonly FieldDefinition[]): ReadonlySet<string> {
  if (!form) return new Set();
  const properties = form.schema.properties ?? {};
  return new Set(
    fields
      .filter((field) => INLINE_TYPES.has(field.type))
      .filter((field) => {
        const property = properties[field.name];
        if (!property || typeof property !== 'object') return false;
        const ui = form.uiSchema[field.name] as Record<string, unknown> | undefined;
        return property.readOnly !== true && ui?.['ui:readonly'] !== true;
      })
      .map((field) => field.name),
  );
}
