import type { FormDefinition, FormValues } from '../../shared/forms/form-definition';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { isRecordId } from '../../shared/metadata/record-id';


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
    if (value !== null && isRecordId(value) && onForm.has(field.name)) values[field.name] = value;
  }
  return values;
}
