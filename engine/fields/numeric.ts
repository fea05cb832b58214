import type { Precision } from '../metadata/schemas/generated/object.js';
import { toNumber } from './coerce.js';
import { COMPARABLE, type JsonSchema } from './field-type.js';

export interface ResolvedPrecision {
  readonly precision: number;
  readonly scale: number;
  readonly min?: number;
  readonly max?: number;
}

export function resolvePrecision(definition: Precision, defaultScale: number): ResolvedPrecision {
  const scale = definition.scale ?? defaultScale;
  return {
    precision: Math.max(definition.precision ?? 18, scale + 1),
    scale,
    ...(definition.min === undefined ? {} : { min: definition.min }),
    ...(definition.max === undefined ? {} : { max: definition.max }),
  };
}

/** The digits before the point are bounded by precision − scale; min and max narrow that further. */
export function numericSchema(field: ResolvedPrecision): JsonSchema {
  const limit = 10 ** (field.precision - field.scale) - 10 ** -field.scale;
  return {
    type: 'number',
    minimum: Math.max(field.min ?? -limit, -limit),
    maximum: Math.min(field.max ?? limit, limit),
  };
}

/** Rounds half away from zero to the scale, as accountants and Salesforce do. */
export function roundToScale(value: number, scale: number): number {
  const factor = 10 ** scale;
  // 1.005 * 100 is 100.49999999999999 in binary floating point: cutting the product to 15
  // significant digits first gives back the decimal the user typed.
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15)))) / factor;
}

/** What number, currency and percent fields share: everything but how they resolve. */
export const numericBehaviour = {
  valueSchema: numericSchema,
  normalize: (value: unknown, field: ResolvedPrecision) => roundToScale(value as number, field.scale),
  coerce: toNumber,
  writable: true,
  operators: COMPARABLE,
  sortable: true,
} as const;
