import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import { derivedFrom } from './derived-fields.js';
import { fieldTypeOf } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import type { SortSpec } from '../../store/port.js';
import { SYSTEM_FIELD_RULES } from './system-field-filters.js';
import { unknownName } from './unknown-name.js';
import { msg } from '../../i18n/message.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_SORT_KEYS = 5;
/** No hidden fields: what an engine-internal caller passes. */
export const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * `sort=-amount,title` → { amount: -1, title: 1, _id: 1 }. The trailing _id makes the order total,
 * which the cursor needs to continue exactly where a page ended.
 */
export function parseSort(object: CompiledObject, input: string | undefined, hidden: ReadonlySet<string> = NO_FIELDS): SortSpec {
  const sort: SortSpec = {};
  const problems: ErrorDetail[] = [];
  const keys = (input ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  if (keys.length > MAX_SORT_KEYS) problems.push({ path: '/sort', message: msg`may name at most ${MAX_SORT_KEYS} fields` });
  for (const key of keys) {
    const descending = key.startsWith('-');
    const name = descending || key.startsWith('+') ? key.slice(1) : key;
    const field = object.field(name);
    if (!isKnownName(object, name, hidden)) {
      problems.push(unknownName('sort', name, msg`a field of ${object.name}`, knownNames(object, hidden)));
    } else if (field?.encryption) {
      problems.push({ path: '/sort', message: msg`'${name}' is encrypted and cannot be sorted by: the store holds only its ciphertext` });
    } else if (field && !fieldTypeOf(field).sortable) {
      problems.push({ path: '/sort', message: msg`'${name}' is a ${field.type} field and cannot be sorted by` });
    } else if (Object.hasOwn(sort, name)) {
      problems.push({ path: '/sort', message: msg`'${name}' is named twice` });
    } else {
      sort[name] = descending ? -1 : 1;
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  if (!Object.hasOwn(sort, '_id')) sort._id = 1;
  return sort;
}

/** `fields=title,amount` → the set of fields to return (id and version always come too). */
export function parseSelection(object: CompiledObject, input: string | undefined, hidden: ReadonlySet<string> = NO_FIELDS): Set<string> | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  const names = input.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isKnownName(object, name, hidden));
  if (unknown.length > 0) {
    throw new ValidationError(unknown.map((name) => unknownName('fields', name, msg`a field of ${object.name}`, knownNames(object, hidden))));
  }
  return new Set(names);
}

/** A name a client may select or sort by: a field the user may read, a system field, or a derived amount. */
export function isKnownName(object: CompiledObject, name: string, hidden: ReadonlySet<string>): boolean {
  return !hidden.has(name) && (object.field(name) !== undefined || Object.hasOwn(SYSTEM_FIELD_RULES, name) || derivedFrom(object, name) !== undefined);
}

/** Every name `isKnownName` accepts but the derived ones: the candidates of a "did you mean". */
function knownNames(object: CompiledObject, hidden: ReadonlySet<string>): string[] {
  return [...object.object.fields.map((field) => field.name).filter((name) => !hidden.has(name)), ...Object.keys(SYSTEM_FIELD_RULES)];
}

/** `limit`: a page size from 1 to `max`, `fallback` when absent. */
export function parseLimit(input: string | undefined, max = MAX_LIMIT, fallback = DEFAULT_LIMIT): number {
  if (input === undefined || input === '') return fallback;
  const limit = Number(input);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ValidationError([{ path: '/limit', message: msg`must be a whole number from 1 to ${max}, got '${input}'` }]);
  }
  return limit;
}

export function parseFlag(name: string, input: string | undefined): boolean {
  if (input === undefined || input === '' || input === 'false') return false;
  if (input === 'true') return true;
  throw new ValidationError([{ path: `/${name}`, message: msg`must be true or false, got '${input}'` }]);
}

export function parseFilterParameter(input: string | undefined): unknown {
  if (input === undefined || input.trim() === '') return undefined;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    throw new ValidationError([{ path: '/filter', message: msg`must be JSON, like {"amount":{"gte":10000}}` }]);
  }
}
