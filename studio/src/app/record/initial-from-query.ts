import type { FormDefinition, FormValues } from '../../shared/forms/form-definition';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';

/** A record id as the server writes them; anything else in the address is ignored. */
const RECORD_ID = /^[0-9a-f]{24}$/;

/**
 * The starting values a new-record address gives: only lookup and master-detail fields on the
 * user's form, only record ids (`/o/contact/new?account=<id>`). The server still checks that the
 * parent exists and that the user may see it.
 */
export function initialFromQuery(object: ObjectDefinition, form: FormDefinition, query: URLSearchParams): FormValues {
  const onForm = new Set(Object.keys(form.schema.properties ?? {}));
  const values: FormValues = {};
  for (const field of object.fields) {
    if (field.type !== 'lookup' && field.type !== 'masterdetail') continue;
    const value = query.get(field.name);
    if (value !== null && RECORD_ID.test(value) && onForm.has(field.name)) values[field.name] = value;
  }
  return values;
}
