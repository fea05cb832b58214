import type { RichTextField } from '../schemas/generated/object.js';
import { toText } from './coerce.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';
import { richTextPlainText, sanitizeRichText } from './rich-text-html.js';
import { msg } from '../i18n/message.js';

export interface ResolvedRichTextField extends ResolvedFieldCommon {
  readonly type: 'richtext';
  /** The longest value, in characters of sanitised HTML. */
  readonly maxLength: number;
}

/** Plain text becomes one paragraph of escaped text when a field turns into rich text. */
function textAsHtml(value: unknown): string | undefined {
  const text = toText(value);
  if (text === undefined) return undefined;
  return text === '' ? '' : `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
}

export const richTextField: FieldType<RichTextField, ResolvedRichTextField> = {
  type: 'richtext',
  resolve: (definition, common) => ({ ...common, type: 'richtext', maxLength: definition.maxLength ?? 65536 }),
  // The input may be longer than what is kept (an editor's markup the sanitiser drops): the limit
  // is checked on the sanitised HTML; the schema only bounds the sanitiser's work.
  valueSchema: (field) => ({ type: 'string', maxLength: field.maxLength * 4, contentMediaType: 'text/html' }),
  // Every write stores the sanitised HTML, whoever writes it (the API, an import, a rule).
  normalize: (value) => sanitizeRichText(value as string),
  // The limit holds for what is stored: escaping can make the sanitised HTML longer than the input.
  check: (value, field) => {
    const length = sanitizeRichText(value as string).length;
    return length > field.maxLength ? msg`must be at most ${field.maxLength} characters of HTML once cleaned, got ${length}` : undefined;
  },
  coerce: textAsHtml,
  writable: true,
  operators: ['isNull', 'contains'],
  plainText: (value) => (typeof value === 'string' ? richTextPlainText(value) : null),
  sortable: false,
};
