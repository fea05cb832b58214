import { RuleViolationError } from '../../errors/index.js';
import type { ResolvedField } from '../../fields/index.js';
import { msg } from '../../i18n/message.js';
import { sameDocument } from '../../store/json-document.js';
import type { Doc } from '../../store/port.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { valueConverter } from './value-conversion.js';

/**
 * A field's stored values left to convert to its new definition by a backfill (a type or scale
 * change of an object too large to convert inside the change). The change itself checked that every
 * value converts; the backfill writes them, and reads convert the others on the fly meanwhile.
 */
export interface FieldConversion {
  readonly field: string;
  /** The definition the stored values were written under. */
  readonly from: ResolvedField;
  /** The definition they convert to; the conversion lapses once the field is defined otherwise. */
  readonly to: ResolvedField;
}

/** The conversions that still apply under the object's current definition. */
export function currentConversions(object: CompiledObject, conversions: readonly FieldConversion[] | undefined): FieldConversion[] {
  return (conversions ?? []).filter((conversion) => sameDocument(object.field(conversion.field), conversion.to));
}

/**
 * The values of a record that its conversions change, by field; empty when it holds none to convert
 * (a record written since the change already holds values of the new definition). Throws a 422 for
 * a value that does not convert, which the backfill counts as skipped.
 */
export function convertedValues(object: CompiledObject, conversions: readonly FieldConversion[], record: Doc): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const { field, from, to } of conversions) {
    const value = record[field];
    if (value === null || value === undefined) continue;
    // A value written under the new definition already fits it: converting it again could alter it (a text "5" of a number field).
    if (from.type !== to.type && object.valueValidator(to, 'stored')(value)) continue;
    const conversion = valueConverter(object, from, to)(value);
    if (!conversion.ok) throw new RuleViolationError([{ path: `/${field}`, message: conversion.reason }], msg`The value of '${field}' does not fit its new definition.`);
    if (!sameDocument(conversion.value, value)) changes[field] = conversion.value;
  }
  return changes;
}
