import { closestName } from '../formula/closest-name.js';
import { fieldTypes } from '../fields/index.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * Messages for the mistakes admins make while writing metadata, each naming the fix: the valid
 * choices with the nearest one, the shape a translated text takes, an ASCII name to use instead.
 */

/** An unknown field type: every valid type, and the one the admin probably meant. */
export function unknownFieldType(value: unknown): Message {
  const names = Object.keys(fieldTypes);
  const guess = typeof value === 'string' ? closestName(value, names) : undefined;
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? 'nothing';
  return guess
    ? msg`${shown} is not a field type; did you mean '${guess}'? The field types are: ${names.join(', ')}`
    : msg`${shown} is not a field type; the field types are: ${names.join(', ')}`;
}

/** A translatable text given as a plain string: the object it must be, with the admin's own text in it. */
export function plainTextForLabel(value: string): Message {
  return msg`must give the text in each language, like { "en": ${JSON.stringify(value)}, "zh-CN": "…" }, not as plain text`;
}

/** An API name with Chinese (or other non-ASCII) letters: those belong in the label; an ASCII name to use instead. */
export function nonAsciiApiName(name: string, englishLabel: string | undefined): Message {
  const suggestion = englishLabel === undefined ? undefined : apiNameFrom(englishLabel);
  return suggestion
    ? msg`must use ASCII letters: put '${name}' in the label ({ "zh-CN": "${name}" }) and give an API name such as '${suggestion}'`
    : msg`must use ASCII letters: put '${name}' in the label ({ "zh-CN": "${name}" }) and give an English or pinyin API name in lower case with underscores, like 'customer_name'`;
}

/** An API name made from an English label: "Deal amount" gives deal_amount. Undefined when nothing usable is left. */
export function apiNameFrom(label: string): string | undefined {
  const name = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return name === '' ? undefined : name;
}
