import type { ErrorObject } from 'ajv';
import type { ErrorDetail } from '../errors/index.js';
import { PHONE_MESSAGE, PHONE_PATTERN } from '../fields/phone.js';
import { RECORD_ID_PATTERN } from '../fields/record-id.js';
import { URL_PATTERN } from '../fields/url.js';
import { API_NAME_RULE } from './api-names.js';
import { nonAsciiApiName, plainTextForLabel, unknownFieldType } from './admin-hints.js';
import { msg, type Message, type Text } from '../i18n/message.js';

export interface MessageContext {
  /** How to name a property the schema does not know, e.g. "is not a field of purchase_request". */
  unknownProperty: Text;
  /** The data that was checked, when messages may quote its other parts (an API name's English label). */
  data?: unknown;
}

const TYPE_NAMES: Record<string, Message> = {
  number: msg`a number`,
  integer: msg`a whole number`,
  string: msg`text`,
  boolean: msg`true or false`,
  array: msg`a list`,
  object: msg`an object`,
  null: msg`null`,
};

const WEB_ADDRESS = msg`must be a web address starting with http:// or https://`;

const FORMAT_MESSAGES: Record<string, Message> = {
  email: msg`must be a valid e-mail address, like name@example.com`,
  date: msg`must be a date like 2025-12-31`,
  'date-time': msg`must be a date and time like 2025-12-31T09:30:00Z`,
  uri: WEB_ADDRESS,
};

const PATTERN_MESSAGES: Record<string, Message> = {
  [RECORD_ID_PATTERN]: msg`must be a record id (24 hexadecimal characters)`,
  [PHONE_PATTERN]: PHONE_MESSAGE,
  [URL_PATTERN]: WEB_ADDRESS,
};

/** Keywords that only say "one of the branches failed": the branch's own errors say why. */
const NOISE = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not']);

/** Turns ajv's errors into one readable message per problem, located by JSON Pointer. */
export function readableErrors(errors: readonly ErrorObject[], context: MessageContext): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const detail = describe(error, context);
    if (!detail) continue;
    const key = `${detail.path}\u0000${detail.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(detail);
  }
  if (details.length === 0 && errors.length > 0) {
    details.push({ path: errors[0]!.instancePath, message: msg`is not valid` });
  }
  return details;
}

function describe(error: ErrorObject, context: MessageContext): ErrorDetail | undefined {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${String(params.missingProperty)}`, message: msg`is required` };
    case 'additionalProperties':
      return { path: `${path}/${String(params.additionalProperty)}`, message: context.unknownProperty };
    case 'unevaluatedProperties':
      return { path: `${path}/${String(params.unevaluatedProperty)}`, message: context.unknownProperty };
    case 'type':
      if (typeof error.data === 'string' && isLocalizedText(error.parentSchema)) return { path, message: plainTextForLabel(error.data) };
      return { path, message: msg`must be ${typeName(params.type)}, got ${show(error.data)}` };
    case 'enum':
      return { path, message: msg`must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}; got ${show(error.data)}` };
    case 'const':
      return { path, message: msg`must be ${show(params.allowedValue)}` };
    case 'format':
      return { path, message: FORMAT_MESSAGES[String(params.format)] ?? msg`must be a valid ${String(params.format)}` };
    case 'pattern':
      return { path, message: PATTERN_MESSAGES[String(params.pattern)] ?? patternMessage(String(params.pattern), error.data, path, context) };
    case 'maxLength':
      return { path, message: msg`must be at most ${String(params.limit)} characters long` };
    case 'minLength':
      return { path, message: params.limit === 1 ? msg`must not be empty` : msg`must be at least ${String(params.limit)} characters long` };
    case 'maximum':
      return { path, message: msg`must be at most ${String(params.limit)}, got ${show(error.data)}` };
    case 'minimum':
      return { path, message: msg`must be at least ${String(params.limit)}, got ${show(error.data)}` };
    case 'maxItems':
      return { path, message: msg`must have at most ${String(params.limit)} entries` };
    case 'minItems':
      return { path, message: params.limit === 1 ? msg`must have at least 1 entry` : msg`must have at least ${String(params.limit)} entries` };
    case 'uniqueItems':
      return { path, message: msg`must not repeat a value` };
    case 'discriminator':
      return discriminatorMessage(path, params);
    default:
      return NOISE.has(error.keyword) ? undefined : { path, message: error.message ?? msg`is not valid` };
  }
}

function discriminatorMessage(path: string, params: Record<string, unknown>): ErrorDetail {
  const tag = String(params.tag);
  if (params.error === 'tag') return { path: `${path}/${tag}`, message: msg`is required` };
  // The field definitions are the one discriminated union of the metadata (by their type).
  if (tag === 'type') return { path: `${path}/${tag}`, message: unknownFieldType(params.tagValue) };
  return { path: `${path}/${tag}`, message: msg`${show(params.tagValue)} is not a known ${tag}` };
}

function patternMessage(pattern: string, data: unknown, path: string, context: MessageContext): Message {
  if (!pattern.includes('[a-z](?:[a-z0-9]|_(?!_))')) return msg`must match the pattern ${pattern}`;
  // Non-ASCII letters in an API name are almost always a Chinese name meant for the label.
  if (typeof data === 'string' && /[^\x00-\x7f]/.test(data)) return nonAsciiApiName(data, englishLabelBeside(context.data, path));
  return API_NAME_RULE;
}

/** The English label of the definition whose API name is at `path` (`/fields/0/name` reads `/fields/0/label/en`). */
function englishLabelBeside(data: unknown, path: string): string | undefined {
  let node: unknown = data;
  for (const key of [...path.split('/').slice(1, -1), 'label', 'en']) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A schema of a text in each language (LocalizedText): an object with `en` and `zh-CN`. */
function isLocalizedText(schema: unknown): boolean {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties !== undefined && 'en' in properties && 'zh-CN' in properties;
}

function typeName(type: unknown): Text {
  const types: unknown[] = Array.isArray(type) ? type : String(type).split(',');
  return types.map((name): Text => TYPE_NAMES[String(name)] ?? String(name)).reduce((either, or) => msg`${either} or ${or}`);
}

function show(value: unknown): Text {
  if (value === undefined) return msg`nothing`;
  const text = JSON.stringify(value);
  const shown = typeof value === 'string' ? `'${value}'` : text;
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
