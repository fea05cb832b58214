import type { ErrorObject } from 'ajv';
import type { ErrorDetail } from '../errors/index.js';
import { PHONE_MESSAGE, PHONE_PATTERN } from '../fields/phone.js';
import { RECORD_ID_PATTERN } from '../fields/record-id.js';
import { URL_PATTERN } from '../fields/url.js';
import { API_NAME_RULE } from './api-names.js';

export interface MessageContext {
  /** How to name a property the schema does not know, e.g. "is not a field of purchase_request". */
  unknownProperty: string;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be a valid e-mail address, like name@example.com',
  date: 'must be a date like 2025-12-31',
  'date-time': 'must be a date and time like 2025-12-31T09:30:00Z',
  uri: 'must be a web address starting with http:// or https://',
};

const PATTERN_MESSAGES: Record<string, string> = {
  [RECORD_ID_PATTERN]: 'must be a record id (24 hexadecimal characters)',
  [PHONE_PATTERN]: PHONE_MESSAGE,
  [URL_PATTERN]: 'must be a web address starting with http:// or https://',
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
    details.push({ path: errors[0]!.instancePath, message: 'is not valid' });
  }
  return details;
}

function describe(error: ErrorObject, context: MessageContext): ErrorDetail | undefined {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${String(params.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return { path: `${path}/${String(params.additionalProperty)}`, message: context.unknownProperty };
    case 'unevaluatedProperties':
      return { path: `${path}/${String(params.unevaluatedProperty)}`, message: context.unknownProperty };
    case 'type':
      return { path, message: `must be ${typeName(params.type)}, got ${show(error.data)}` };
    case 'enum':
      return { path, message: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}; got ${show(error.data)}` };
    case 'const':
      return { path, message: `must be ${show(params.allowedValue)}` };
    case 'format':
      return { path, message: FORMAT_MESSAGES[String(params.format)] ?? `must be a valid ${String(params.format)}` };
    case 'pattern':
      return { path, message: PATTERN_MESSAGES[String(params.pattern)] ?? patternMessage(String(params.pattern)) };
    case 'maxLength':
      return { path, message: `must be at most ${String(params.limit)} characters long` };
    case 'minLength':
      return { path, message: params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long` };
    case 'maximum':
      return { path, message: `must be at most ${String(params.limit)}, got ${show(error.data)}` };
    case 'minimum':
      return { path, message: `must be at least ${String(params.limit)}, got ${show(error.data)}` };
    case 'maxItems':
      return { path, message: `must have at most ${String(params.limit)} entries` };
    case 'minItems':
      return { path, message: `must have at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}` };
    case 'uniqueItems':
      return { path, message: 'must not repeat a value' };
    case 'discriminator':
      return discriminatorMessage(path, params);
    default:
      return NOISE.has(error.keyword) ? undefined : { path, message: error.message ?? 'is not valid' };
  }
}

function discriminatorMessage(path: string, params: Record<string, unknown>): ErrorDetail {
  const tag = String(params.tag);
  if (params.error === 'tag') return { path: `${path}/${tag}`, message: 'is required' };
  return { path: `${path}/${tag}`, message: `${show(params.tagValue)} is not a known ${tag}` };
}

function patternMessage(pattern: string): string {
  return pattern.includes('[a-z](?:[a-z0-9]|_(?!_))') ? API_NAME_RULE : `must match the pattern ${pattern}`;
}

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((name) => TYPE_NAMES[String(name)] ?? String(name)).join(' or ');
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  const shown = typeof value === 'string' ? `'${value}'` : text;
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
