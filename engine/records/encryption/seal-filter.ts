import type { TenantKeys } from '../../crypto/index.js';
import type { FieldEncryption } from '../../fields/index.js';
import type { Filter, Pipeline } from '../../store/port.js';

type Operand = Record<string, unknown>;

/**
 * A filter as the store can answer it: an equality on a deterministic field compares with every
 * form its value may be stored in (in clear, before the flag's backfill reached the record; sealed
 * under each key the tenant holds, during a rotation). The filter language lets nothing else reach
 * an encrypted field but `isNull`, which the ciphertext answers as the value would.
 */
export function sealFilter(keys: TenantKeys, fields: ReadonlyMap<string, FieldEncryption>, filter: Filter): Filter {
  let copy: Filter | undefined;
  for (const [key, value] of Object.entries(filter)) {
    let next = value;
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) next = value.map((part) => sealFilter(keys, fields, part as Filter));
    else if (fields.get(key) === 'deterministic') next = sealCondition(keys, value);
    if (next !== value) (copy ??= { ...filter })[key] = next;
  }
  return copy ?? filter;
}

function forms(keys: TenantKeys, value: unknown): unknown[] {
  return typeof value === 'string' && value !== '' ? [value, ...keys.deterministicForms(value, 'record')] : [value];
}

function sealCondition(keys: TenantKeys, condition: unknown): unknown {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return typeof condition === 'string' ? { $in: forms(keys, condition) } : condition;
  const sealed: Operand = {};
  for (const [operator, operand] of Object.entries(condition as Operand)) {
    if (operator === '$eq') sealed.$in = forms(keys, operand);
    else if (operator === '$ne') sealed.$nin = forms(keys, operand);
    else if ((operator === '$in' || operator === '$nin') && Array.isArray(operand)) sealed[operator] = operand.flatMap((item) => forms(keys, item));
    else sealed[operator] = operand;
  }
  return sealed;
}

/** A pipeline whose `$match` stages compare as `sealFilter` says. */
export function sealPipeline(keys: TenantKeys, fields: ReadonlyMap<string, FieldEncryption>, pipeline: Pipeline): Pipeline {
  return pipeline.map((stage) => (stage.$match ? { ...stage, $match: sealFilter(keys, fields, stage.$match as Filter) } : stage));
}
