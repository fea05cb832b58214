import { translationOf } from './catalogue.js';
import { localize, type Language } from './language.js';

/** A label as metadata writes it: rendered in the message's language as localize() reads it, falling back to English. */
export interface LocalizedValue {
  readonly en?: string;
  readonly 'zh-CN'?: string;
  readonly 'zh-TW'?: string;
}

/** What a message may name: plain values as they are, nested messages and labels in the message's language. */
export type MessageValue = string | number | boolean | bigint | null | undefined | Message | LocalizedValue;

/**
 * A sentence the platform says to someone, kept as its English template and the values it names
 * until it is rendered in the reader's language. The English template is the key of the
 * translation catalogues (gettext style), so the English text stays readable where it is written.
 */
export class Message {
  constructor(
    /** The English text with `{0}`, `{1}`… where the values go. */
    readonly template: string,
    readonly values: readonly MessageValue[] = [],
  ) {}

  render(language: Language): string {
    const template = translationOf(this.template, language) ?? this.template;
    return template.replace(/\{(\d+)\}/g, (_whole, index: string) => renderValue(this.values[Number(index)], language));
  }

  /** English: logs, stack traces and anything that serialises a message without a reader's language. */
  toString(): string {
    return this.render('en');
  }

  toJSON(): string {
    return this.toString();
  }

  /** The message as a document stores it, to be rendered when read, in the reader's language. */
  toStored(): StoredMessage {
    return { template: this.template, values: this.values.map(storedValue) };
  }
}

/** A message kept in a document (a job's failure): its template and values, nested messages kept the same way. */
export interface StoredMessage {
  template: string;
  values: StoredValue[];
}
type StoredValue = string | number | boolean | null | LocalizedValue | { message: StoredMessage };

export function messageFromStored(stored: StoredMessage): Message {
  return new Message(stored.template, stored.values.map((value) => (value !== null && typeof value === 'object' && 'message' in value ? messageFromStored(value.message) : value)));
}

function storedValue(value: MessageValue): StoredValue {
  if (value instanceof Message) return { message: value.toStored() };
  if (value === undefined) return null;
  if (typeof value === 'bigint') return String(value);
  return value;
}

/** Something shown to a person: a translatable message, or a text that is already in its language (an admin's own rule message). */
export type Text = string | Message;

export function renderText(text: Text, language: Language): string {
  return typeof text === 'string' ? text : text.render(language);
}

/**
 * Writes a translatable message where it is raised: msg`'${name}' is not a field of ${object}`.
 * The catalogue key is the literal text with `{0}`, `{1}`… in place of the values; a test checks
 * that every such key has a translation.
 */
export function msg(strings: TemplateStringsArray, ...values: MessageValue[]): Message {
  return new Message(templateOf(strings), values);
}

/** The catalogue key of a tagged template's literal parts (shared with the test that scans the source). */
export function templateOf(strings: readonly string[]): string {
  return strings.reduce((template, part, index) => (index === 0 ? part : `${template}{${index - 1}}${part}`), '');
}

/** Joins messages or texts into one, e.g. a list of problems, each rendered in the reader's language. */
export function joinMessages(parts: readonly MessageValue[], separator: string): Message {
  return new Message(parts.map((_part, index) => `{${index}}`).join(separator), parts);
}

function renderValue(value: MessageValue, language: Language): string {
  if (value instanceof Message) return value.render(language);
  if (value !== null && typeof value === 'object') return localize(value, language, '');
  return String(value);
}

/**
 * A label inside an English sentence ("this deal"): in English its capitalised words are lowercased,
 * but not an acronym or a word with capitals inside ("CRM account", "request EN", "iPhone order");
 * as written in other languages.
 */
export function inSentence(label: LocalizedValue): LocalizedValue {
  if (label.en === undefined) return label;
  return { ...label, en: label.en.replace(/\S+/g, (word) => (/^\p{Lu}[\p{Ll}'’-]*$/u.test(word) ? word.toLowerCase() : word)) };
}

/** One of two messages by a count: English needs a singular; Chinese and the catalogue keys follow it. */
export function byCount(count: number, one: Message, many: Message): Message {
  return count === 1 ? one : many;
}
