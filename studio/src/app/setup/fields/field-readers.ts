import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';

/** What still reads a field the admin wants to delete, as the server's refusal names it. */
export interface FieldReader {
  /** fields, validationRules, or the metadata kind of another definition (listViews, layouts, approvalProcesses …). */
  readonly kind: string;
  readonly name: string;
  readonly label?: LocalizedText;
  /** The server's words, in the admin's language. */
  readonly message: string;
}

interface ReadObject {
  readonly fields?: readonly { readonly name: string; readonly label?: LocalizedText }[];
  readonly validationRules?: readonly { readonly name: string }[];
}

/**
 * The readers of a field, from the refusal of its deletion. The server checks the object as it
 * would be without the field, so `/fields/<i>` counts the fields left and `/validationRules/<i>`
 * the rules; another definition is named by kind and name (`/listViews/<name>/…`). One line per
 * reader, in the order the server gave them.
 */
export function fieldReaders(details: readonly ErrorDetail[], object: ReadObject, removed: string): FieldReader[] {
  const left = (object.fields ?? []).filter((field) => field.name !== removed);
  const readers: FieldReader[] = [];
  for (const detail of details) {
    const [kind = '', key = ''] = detail.path.split('/').slice(1);
    const reader = readerOf(kind, key, left, object, detail.message);
    if (!readers.some((known) => known.kind === reader.kind && known.name === reader.name)) readers.push(reader);
  }
  return readers;
}

function readerOf(kind: string, key: string, left: NonNullable<ReadObject['fields']>, object: ReadObject, message: string): FieldReader {
  const index = Number(key);
  if (kind === 'fields' && Number.isInteger(index) && left[index]) return { kind, name: left[index].name, ...(left[index].label ? { label: left[index].label } : {}), message };
  if (kind === 'validationRules' && Number.isInteger(index) && object.validationRules?.[index]) return { kind, name: object.validationRules[index].name, message };
  return { kind: kind || 'other', name: key, message };
}
