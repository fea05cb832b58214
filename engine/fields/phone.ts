import type { PhoneField } from '../schemas/generated/object.js';
import { toText } from './coerce.js';
import { TEXTUAL, type FieldType, type ResolvedFieldCommon } from './field-type.js';
import { msg } from '../i18n/message.js';

export interface ResolvedPhoneField extends ResolvedFieldCommon {
  readonly type: 'phone';
}

// The pattern is built from named parts because it is read by people as often as by ajv. Full-width
// forms are there because a Chinese input method types them (（0755）８８８８－８８８８); they are
// stored as their ASCII forms.
const DIGIT = '[0-9０-９]';
/** Between groups of digits: spaces, dots, dashes (ASCII, full-width, en dash) and slashes, up to three in a row ("555 - 2222"). */
const SEPARATOR = '[ \u3000./－–-]{1,3}';
/** An area code or trunk prefix in parentheses: (171), (0755), (+44), the British (0). */
const GROUP = `[(（][+＋]?${DIGIT}{1,6}[)）]`;
const ITEM = `(?:${DIGIT}|${GROUP})`;
/** An extension after the number: x123, ext. 123, extension 123, #123, 分机 123, 转123. */
const EXTENSION = `(?:[ \u3000]{0,3}(?:[xX]|[eE][xX][tT](?:[eE][nN][sS][iI][oO][nN])?|#|＃|分机|转|轉)[ \u3000.:：]{0,2}${DIGIT}{1,7})`;

/**
 * A phone number as people write it: an optional +, at least three digits (a parenthesised prefix
 * counts as one), short runs of separators between them, and an optional extension. Letters other
 * than an extension's marker, and separators without digits, are refused.
 */
export const PHONE_PATTERN = `^ *[+＋]? ?${ITEM}(?:(?:${SEPARATOR})?${ITEM}){2,}${EXTENSION}? *$`;

export const PHONE_MESSAGE =
  msg`must be a phone number of at least 3 digits, like +44 20 7946 0958, (206) 555-9857 or 010-12345678 x123: digits with spaces, dots, dashes, slashes or parentheses between them, an optional leading +, and an optional extension (x123, ext. 123, #123, 分机 123); no other letters`;

const FULL_WIDTH = /[０-９（）＋－＃：]/g;

/** Full-width digits and signs become their ASCII forms, so that searches and dialling find them. */
function toAscii(text: string): string {
  return text
    .replace(FULL_WIDTH, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/–/g, '-');
}

export const phoneField: FieldType<PhoneField, ResolvedPhoneField> = {
  type: 'phone',
  resolve: (_definition, common) => ({ ...common, type: 'phone' }),
  valueSchema: () => ({ type: 'string', pattern: PHONE_PATTERN, maxLength: 40 }),
  normalize: (value) => toAscii(value as string).trim(),
  coerce: toText,
  writable: true,
  operators: TEXTUAL,
  sortable: true,
};
