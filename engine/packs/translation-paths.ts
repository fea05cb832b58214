import { isLanguage } from '../i18n/language.js';
import { pointerToken as escape, tokenKey as unescape } from './json-pointer.js';
import { isPlainObject } from '../store/plain-object.js';

/**
 * Where a text in each language sits in a definition, as translation keys name it: a JSON pointer
 * whose tokens step into members by name and into lists by an item's `name`, a picklist value by
 * its value, anything else by position (`/fields/status/values/new/label`, `/sections/0/title`).
 * The same pointer a merge conflict gives, without the language at its end.
 */
export type TextPointer = string;

type Container = Record<string, unknown> | unknown[];

/** Members that hold a text in each language where a definition has none yet: a translation may add them. */
const TEXT_MEMBERS = new Set(['label', 'pluralLabel', 'helpText', 'title', 'message', 'description']);

/** A `{ en, zh-CN }` text: a plain object whose members are all languages holding strings. */
export function isLocalizedText(value: unknown): value is Record<string, string> {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, text]) => isLanguage(key) && typeof text === 'string');
}

/** Why a pointer names no text of a definition, in words an author fixes it by. */
export type Unresolved = { readonly missing: string } | { readonly notText: string };

/**
 * The text a pointer names in a definition, to be written into: the object holding the languages.
 * A text member the definition leaves out (a field's help text) is added empty, and a bare
 * picklist value becomes `{ value }` to carry its label; `definition` is changed in place.
 */
export function textAt(definition: Record<string, unknown>, pointer: TextPointer): Record<string, string> | Unresolved {
  const tokens = pointer.split('/').slice(1).map(unescape);
  let node: Container = definition;
  for (const [index, token] of tokens.entries()) {
    const path = `/${tokens.slice(0, index + 1).map(escape).join('/')}`;
    const last = index === tokens.length - 1;
    if (Array.isArray(node)) {
      const at = itemIndex(node, token);
      if (at === -1) return { missing: path };
      // A bare picklist value whose label is translated takes the object form that holds one.
      if (typeof node[at] === 'string' && tokens[index + 1] === 'label' && index + 2 === tokens.length) node[at] = { value: node[at] };
      if (last) return { notText: path };
      const next: unknown = node[at];
      if (!isContainer(next)) return { notText: path };
      node = next;
      continue;
    }
    const next: unknown = node[token];
    if (last) {
      if (next === undefined && TEXT_MEMBERS.has(token)) return (node[token] = {}) as Record<string, string>;
      if (isLocalizedText(next) || (isPlainObject(next) && Object.keys(next).length === 0)) return next as Record<string, string>;
      return next === undefined ? { missing: path } : { notText: path };
    }
    if (!isContainer(next)) return next === undefined ? { missing: path } : { notText: path };
    node = next;
  }
  return { notText: pointer };
}

/** Every text in each language of a definition, with its pointer, in the definition's order. */
export function textsOf(definition: unknown): { pointer: TextPointer; text: Record<string, string> }[] {
  const found: { pointer: TextPointer; text: Record<string, string> }[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (isLocalizedText(value)) found.push({ pointer, text: value });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${pointer}/${escape(itemToken(item, index))}`));
    else if (isPlainObject(value)) for (const [key, member] of Object.entries(value)) walk(member, `${pointer}/${escape(key)}`);
  };
  walk(definition, '');
  return found;
}

/** How a pointer names an item of a list: by its name, a picklist value by its value, else by position. */
function itemToken(item: unknown, index: number): string {
  if (isPlainObject(item) && typeof item.name === 'string') return item.name;
  if (isPlainObject(item) && typeof item.value === 'string') return item.value;
  return String(index);
}

function itemIndex(list: unknown[], token: string): number {
  const byName = list.findIndex((item) => isPlainObject(item) && (item.name === token || item.value === token));
  if (byName !== -1) return byName;
  const bare = list.findIndex((item) => item === token);
  if (bare !== -1) return bare;
  return /^\d+$/.test(token) && Number(token) < list.length ? Number(token) : -1;
}

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}
