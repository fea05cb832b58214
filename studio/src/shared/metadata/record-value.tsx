import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../i18n/use-language';
import type { UiLanguage } from '../i18n/languages';
import { formatValue, type FormatTexts } from './format-value';
import { RichTextView } from './rich-text-view';
import { nameField, type FieldDefinition, type ObjectDefinition } from './object-definition';

export interface RecordLike {
  readonly _id: string;
  readonly _version?: number;
  readonly _expanded?: Readonly<Record<string, RecordLike | null>>;
  readonly [field: string]: unknown;
}

/**
 * One value of a record, always as text (React escapes it). A lookup shows its parent's name when
 * the list expanded it, and links to the parent.
 */
export function RecordValue({ field, record, objects }: { field: FieldDefinition; record: RecordLike; objects: readonly ObjectDefinition[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return <PlainRecordValue field={field} record={record} objects={objects} language={language} texts={{ yes: t('value.yes'), no: t('value.no'), empty: t('value.empty') }} />;
}

/**
 * RecordValue without hooks, given the language and the texts: for table cells, which render by
 * the hundred (and a virtual table mounts new ones on every frame of a scroll); the table works
 * the language and texts out once.
 */
export function PlainRecordValue({ field, record, objects, language, texts }: { field: FieldDefinition; record: RecordLike; objects: readonly ObjectDefinition[]; language: UiLanguage; texts: FormatTexts }) {
  const value = record[field.name];
  if ((field.type === 'lookup' || field.type === 'masterdetail') && typeof value === 'string' && field.target) {
    const target = objects.find((object) => object.name === field.target);
    const text = recordValueText(field, record, objects, language, texts);
    return target ? <Link to={`/o/${field.target}/${encodeURIComponent(value)}`}>{text}</Link> : <span>{text}</span>;
  }
  if (field.type === 'richtext' && typeof value === 'string' && value !== '') return <RichTextView html={value} />;
  return <span className="cell-text">{formatValue(field, value, language, texts)}</span>;
}

/**
 * A value as one line of text, without links or markup: what a link to the record can show when the
 * list's first column is not its name (a link cannot hold the parent's link, nor rich text's blocks).
 */
export function recordValueText(field: FieldDefinition, record: RecordLike, objects: readonly ObjectDefinition[], language: UiLanguage, texts: FormatTexts): string {
  const value = record[field.name];
  if ((field.type === 'lookup' || field.type === 'masterdetail') && typeof value === 'string') {
    const target = objects.find((object) => object.name === field.target);
    const parent = record._expanded?.[field.name];
    const parentName = target && parent ? nameField(target) : undefined;
    return parentName && parent ? String(parent[parentName.name] ?? value) : value;
  }
  if (field.type === 'richtext' && typeof value === 'string') {
    const text = new DOMParser().parseFromString(value, 'text/html').body.textContent?.trim() ?? '';
    return text === '' ? texts.empty : text;
  }
  return String(formatValue(field, value, language, texts));
}

/** The record's name as a title: its name field's value, else its id. */
export function recordTitle(object: ObjectDefinition, record: RecordLike): string {
  const field = nameField(object);
  const value = field ? record[field.name] : undefined;
  return typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : record._id;
}
