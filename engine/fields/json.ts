import type { JsonField } from '../schemas/generated/object.js';
import { nestsDeeperThan } from '../store/json-document.js';
import type { FieldType, ResolvedFieldCommon } from './field-type.js';
import { msg, type Message } from '../i18n/message.js';

export interface ResolvedJsonField extends ResolvedFieldCommon {
  readonly type: 'json';
}

/** How deep arrays and objects may nest in one value: integrations' payloads need a handful of levels. */
export const JSON_MAX_DEPTH = 32;
/** How large one value may be, as JSON text in UTF-8: a field is not a file store. */
export const JSON_MAX_BYTES = 64 * 1024;

function limitProblem(value: unknown): Message | undefined {
  if (nestsDeeperThan(value, JSON_MAX_DEPTH)) {
    return msg`nests arrays and objects more than ${JSON_MAX_DEPTH} levels deep; flatten the value to at most ${JSON_MAX_DEPTH} levels`;
  }
  // Within the depth limit JSON.stringify cannot overflow the stack.
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > JSON_MAX_BYTES) {
    return msg`is ${bytes} bytes as JSON, more than the ${JSON_MAX_BYTES} bytes (64 KB) a JSON field holds; store large documents as files and keep a reference here`;
  }
  return undefined;
}

/** Any JSON object or array, for integrations; opaque to filters except for presence. */
export const jsonField: FieldType<JsonField, ResolvedJsonField> = {
  type: 'json',
  resolve: (_definition, common) => ({ ...common, type: 'json' }),
  valueSchema: () => ({
    type: ['object', 'array'],
    description: `Any JSON object or array, nested at most ${JSON_MAX_DEPTH} levels deep and at most ${JSON_MAX_BYTES} bytes as JSON.`,
  }),
  check: limitProblem,
  coerce: (value) => (value !== null && typeof value === 'object' ? value : undefined),
  writable: true,
  operators: ['isNull'],
  sortable: false,
};
