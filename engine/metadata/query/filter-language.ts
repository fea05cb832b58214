import type { ValidateFunction } from 'ajv';
import { derivedFrom } from './derived-fields.js';
import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import { COMPARABLE, EQUALITY, fieldTypeOf, formulaOperators, type FieldEncryption, type FilterOperator } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';
import { createAjv } from '../create-ajv.js';
import { readableErrors } from '../readable-errors.js';
import type { Filter } from '../../store/port.js';
import { SYSTEM_FIELD_RULES } from './system-field-filters.js';
import { literalPattern } from './literal-pattern.js';
import { plainTextPath } from './plain-text.js';
import { msg, type Text } from '../../i18n/message.js';

const ALL_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith', 'isNull'];
const MAX_DEPTH = 6;
const NO_FIELDS: ReadonlySet<string> = new Set();
const MAX_LIST = 500;
const systemAjv = createAjv();
const corporateAmountValidator = systemAjv.compile({ type: 'number' });
const systemValidators = new Map(Object.entries(SYSTEM_FIELD_RULES).map(([name, rule]) => [name, systemAjv.compile(rule.schema)]));

/**
 * The API's filter language, compiled to a store filter. Nothing of the input reaches the store
 * unchecked: keys must be fields of the object (or `and` / `or`), operators must be allowed for
 * the field's type, operands must be valid values of the field. A `$` key anywhere is refused,
 * so `$where`, `$function`, `$expr` and their kin cannot come from a client.
 */
export function compileFilter(object: CompiledObject, input: unknown, hidden: ReadonlySet<string> = NO_FIELDS): Filter {
  return compileRoot(object, input, { path: '/filter', hidden, subset: undefined });
}

/**
 * A filter that defines a subset kept in metadata (a sharing rule's records, a roll-up's
 * children): an empty condition anywhere in it (`{}`, `{"and": [{}]}`, `{"amount": {}}`) would
 * match every record without anyone having meant it, so it is refused. `everything` tells the
 * admin how to say "all records" where that means something.
 */
export function compileCriteria(object: CompiledObject, input: unknown, path: string, everything: Text): Filter {
  return compileRoot(object, input, { path, hidden: NO_FIELDS, subset: everything });
}

interface CompileOptions {
  path: string;
  hidden: ReadonlySet<string>;
  /** Set for criteria: empty conditions are refused, and the text says how to mean all records. */
  subset: Text | undefined;
}

function compileRoot(object: CompiledObject, input: unknown, options: CompileOptions): Filter {
  const problems: ErrorDetail[] = [];
  const filter = compileNode(object, input, options.path, 0, problems, options);
  if (problems.length > 0) throw new ValidationError(problems);
  return filter;
}

function emptyCondition(path: string, everything: Text): ErrorDetail {
  return { path, message: msg`is an empty condition, which would match every record: give at least one condition, like {"stage": "won"} (${everything})` };
}

function compileNode(object: CompiledObject, node: unknown, path: string, depth: number, problems: ErrorDetail[], options: CompileOptions): Filter {
  const { hidden, subset } = options;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    problems.push({ path, message: msg`must be an object of conditions, like {"amount": {"gte": 100}}` });
    return {};
  }
  if (depth > MAX_DEPTH) {
    problems.push({ path, message: msg`nests and/or more than ${MAX_DEPTH} levels deep` });
    return {};
  }
  if (subset !== undefined && Object.keys(node).length === 0) {
    problems.push(emptyCondition(path, subset));
    return {};
  }
  const parts: Filter[] = [];
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}/${key}`;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || value.length === 0) {
        problems.push({ path: at, message: msg`must be a non-empty list of conditions` });
        continue;
      }
      parts.push({ [`$${key}`]: value.map((child, i) => compileNode(object, child, `${at}/${i}`, depth + 1, problems, options)) });
    } else if (key.startsWith('$')) {
      problems.push({ path: at, message: msg`'${key}' is not allowed: use the filter operators ${ALL_OPERATORS.join(', ')}` });
    } else {
      // A field the user may not read is unknown to them: filtering by it would leak its values.
      const condition = hidden.has(key) ? unknownField(object, at, problems) : compileField(object, key, value, at, problems, subset);
      if (condition) parts.push(condition);
    }
  }
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0]! : { $and: parts };
}

interface FieldRule {
  operators: readonly FilterOperator[];
  validate: ValidateFunction;
  normalize: (value: unknown) => unknown;
  /** Multi-select values are lists; their operands are single values of the list. */
  elementwise: boolean;
  /** Where `contains` looks when the value is markup: the plain text kept beside it (rich text). */
  textPath?: string;
  /** The store holds ciphertext: only emptiness, and equality in the deterministic mode, can be asked of it. */
  encryption?: FieldEncryption;
}

/** What the store can still answer about an encrypted field's ciphertext. */
const ENCRYPTED_OPERATORS: Record<FieldEncryption, readonly FilterOperator[]> = { random: ['isNull'], deterministic: EQUALITY };

function fieldRule(object: CompiledObject, name: string): FieldRule | undefined {
  const system = SYSTEM_FIELD_RULES[name];
  if (system) return { operators: system.operators, validate: systemValidators.get(name)!, normalize: (v) => v, elementwise: false };
  const derived = derivedFrom(object, name);
  if (derived) return { operators: COMPARABLE, validate: corporateAmountValidator, normalize: (v) => v, elementwise: false };
  const field = object.field(name);
  if (!field) return undefined;
  const type = fieldTypeOf(field);
  const validate = object.valueValidator(field, 'stored');
  const elementwise = field.type === 'multipicklist';
  return {
    operators: field.encryption ? ENCRYPTED_OPERATORS[field.encryption] : field.type === 'formula' ? formulaOperators(field) : type.operators,
    validate: elementwise ? wrapElement(validate) : validate,
    normalize: (value) => (type.normalize && !elementwise ? type.normalize(value, field) : value),
    elementwise,
    ...(type.plainText ? { textPath: plainTextPath(field.name) } : {}),
    ...(field.encryption ? { encryption: field.encryption } : {}),
  };
}

function wrapElement(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((value: unknown) => {
    const ok = validate([value]);
    wrapped.errors = validate.errors?.map((error) => ({ ...error, instancePath: error.instancePath.replace(/^\/0/, '') }));
    return ok;
  }) as ValidateFunction;
  return wrapped;
}

function unknownField(object: CompiledObject, path: string, problems: ErrorDetail[]): undefined {
  problems.push({ path, message: msg`is not a field of ${object.name}` });
  return undefined;
}

function compileField(object: CompiledObject, name: string, value: unknown, path: string, problems: ErrorDetail[], subset: Text | undefined): Filter | undefined {
  const rule = fieldRule(object, name);
  if (!rule) return unknownField(object, path, problems);
  const conditions =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [['eq', value] as const];
  if (subset !== undefined && conditions.length === 0) {
    problems.push(emptyCondition(path, subset));
    return undefined;
  }
  const mongo: Record<string, unknown> = {};
  // `contains` on markup matches its plain text, kept under its own path.
  const textual: Record<string, unknown> = {};
  for (const [operator, operand] of conditions) {
    const at = conditions.length === 1 && operator === 'eq' && !(value !== null && typeof value === 'object') ? path : `${path}/${operator}`;
    if (!ALL_OPERATORS.includes(operator as FilterOperator)) {
      problems.push({ path: at, message: msg`'${operator}' is not a filter operator; use one of ${ALL_OPERATORS.join(', ')}` });
      continue;
    }
    if (!rule.operators.includes(operator as FilterOperator) && rule.encryption) {
      problems.push({ path: at, message: encryptedFilterMessage(name, operator, rule.encryption) });
      continue;
    }
    if (!rule.operators.includes(operator as FilterOperator)) {
      problems.push({ path: at, message: msg`'${operator}' cannot be used on ${name}; it allows ${rule.operators.join(', ')}` });
      continue;
    }
    const compiled = compileOperator(operator as FilterOperator, operand, rule, at, problems);
    if (compiled) Object.assign(operator === 'contains' && rule.textPath ? textual : mongo, compiled);
  }
  const parts: Filter[] = [];
  if (Object.keys(mongo).length > 0) parts.push({ [name]: mongo });
  if (Object.keys(textual).length > 0) parts.push({ [rule.textPath!]: textual });
  return parts.length > 1 ? { $and: parts } : parts[0];
}

function compileOperator(
  operator: FilterOperator,
  operand: unknown,
  rule: FieldRule,
  path: string,
  problems: ErrorDetail[],
): Record<string, unknown> | undefined {
  const value = (candidate: unknown, at: string): unknown => {
    if (rule.validate(candidate)) return rule.normalize(candidate);
    for (const detail of readableErrors(rule.validate.errors ?? [], { unknownProperty: msg`is not allowed` })) {
      problems.push({ path: `${at}${detail.path}`, message: detail.message });
    }
    return undefined;
  };
  switch (operator) {
    case 'isNull':
      if (typeof operand !== 'boolean') {
        problems.push({ path, message: msg`must be true or false` });
        return undefined;
      }
      return operand ? { $eq: null } : { $ne: null };
    case 'contains':
    case 'startsWith': {
      if (typeof operand !== 'string' || operand.length === 0 || operand.length > 255) {
        problems.push({ path, message: msg`must be text of 1 to 255 characters` });
        return undefined;
      }
      const escaped = literalPattern(operand);
      return { $regex: operator === 'startsWith' ? `^${escaped}` : escaped, $options: 'i' };
    }
    case 'in':
    case 'nin': {
      if (!Array.isArray(operand) || operand.length === 0 || operand.length > MAX_LIST) {
        problems.push({ path, message: msg`must be a list of 1 to ${MAX_LIST} values` });
        return undefined;
      }
      const before = problems.length;
      const values = operand.map((item, i) => value(item, `${path}/${i}`));
      return problems.length === before ? { [`$${operator}`]: values } : undefined;
    }
    default: {
      if (operand === null && (operator === 'eq' || operator === 'ne')) return { [`$${operator}`]: null };
      const before = problems.length;
      const single = value(operand, path);
      return problems.length === before ? { [`$${operator}`]: single } : undefined;
    }
  }
}

function encryptedFilterMessage(name: string, operator: string, encryption: FieldEncryption): Text {
  return encryption === 'deterministic'
    ? msg`'${operator}' cannot be used on ${name}: the field is encrypted, so it can only be filtered by equality (eq, ne, in, nin) or by whether it is empty (isNull)`
    : msg`'${operator}' cannot be used on ${name}: the field is encrypted, so it can only be filtered by whether it is empty (isNull); an administrator can turn on its deterministic mode to filter it by equality`;
}

