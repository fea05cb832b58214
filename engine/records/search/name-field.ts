import type { ResolvedField } from '../../fields/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';

/** Field names that name a record by convention, in order of preference (the web app uses the same). */
const NAME_FIELDS = ['name', 'full_name', 'title', 'subject'];

/** A field whose value can name a record: text, an auto-number, or a formula giving text (a contact's full_name). */
function names(field: ResolvedField): boolean {
  return field.type === 'text' || field.type === 'autonumber' || (field.type === 'formula' && field.resultType === 'text');
}

/**
 * The field that names a record among those the user may read: `name`-like by convention (a text
 * formula too: first and last name joined), else the first text or auto-number field. A user who may not read `name` sees records named by the next
 * candidate, as the web app does with the fields the server lets it know of.
 */
export function nameField(object: CompiledObject, hidden: ReadonlySet<string>): ResolvedField | undefined {
  const readable = object.object.fields.filter((field) => !hidden.has(field.name));
  return (
    NAME_FIELDS.map((name) => readable.find((field) => field.name === name && names(field))).find(Boolean) ??
    readable.find((field) => field.type === 'text' || field.type === 'autonumber')
  );
}
