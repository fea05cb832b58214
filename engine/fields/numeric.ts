import type { Precision } from '../schemas/generated/object.js';
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
  return fromUnits(toUnits(value, scale), scale);
}

/**
 * A value in whole units of a scale, rounded half away from zero (12.345 at scale 2 is 1235).
 * Sums of units are exact integers (up to 2^53 units), where sums of the values themselves drift
 * (0.1 + 0.2 is 0.30000000000000004).
 */
export function toUnits(value: number, scale: number): number {
  // 1.005 * 100 is 100.49999999999999 in binary floating point: cutting the product to 15
  // significant digits first gives back the decimal the user typed.
  return Math.sign(value) * Math.round(Number((Math.abs(value) * 10 ** scale).toPrecision(15)));
}

/** Whole units of a scale back to the value: the nearest number to the decimal (1235 at scale 2 is 12.35). */
export function fromUnits(units: number, scale: number): number {
  // Both are exact integers and a division rounds correctly, so the result is the decimal's nearest double.
  return units / 10 ** scale;
}

/**
 * amount × factor rounded half away from zero to `scale`, computed on the decimals the two numbers
 * stand for: binary floating point would round twice (8114300650.17 × 1.234777 is
 * 10019351813.914…, which the binary product rounds to …13.92).
 */
export function multiplyToScale(amount: number, factor: number, scale: number): number {
  const a = decimalOf(amount);
  const f = decimalOf(factor);
  const product = a.digits * f.digits;
  const decimals = a.decimals + f.decimals;
  if (decimals <= scale) return fromUnits(Number(product * 10n ** BigInt(scale - decimals)), scale);
  const divisor = 10n ** BigInt(decimals - scale);
  let units = product / divisor;
  const remainder = product % divisor;
  if (2n * (remainder < 0n ? -remainder : remainder) >= divisor) units += product < 0n ? -1n : 1n;
  return fromUnits(Number(units), scale);
}

/** The decimal a number stands for (its shortest round-trip text), as integer digits and a count of decimals. */
function decimalOf(value: number): { digits: bigint; decimals: number } {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const [whole, fraction = ''] = mantissa!.split('.');
  const digits = BigInt(`${whole}${fraction}`);
  const decimals = fraction.length - Number(exponent);
  return decimals >= 0 ? { digits, decimals } : { digits: digits * 10n ** BigInt(-decimals), decimals: 0 };
}

/** Decimals an average has beyond its field's scale: the average of 1 and 2 (scale 0) is 1.5. */
export const AVERAGE_EXTRA_SCALE = 2;

/** The average of values summed in units of `scale`, rounded half away from zero to the scale plus AVERAGE_EXTRA_SCALE. */
export function averageOfUnits(units: number, count: number, scale: number): number {
  const quotient = (units * 10 ** AVERAGE_EXTRA_SCALE) / count;
  return fromUnits(Math.sign(quotient) * Math.round(Math.abs(quotient)), scale + AVERAGE_EXTRA_SCALE);
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
