import { corporateAmountField, type ResolvedCurrencyField } from '../../fields/index.js';
import type { CompiledObject } from '../compiled-object.js';

/**
 * The values the engine stores beside a field (a currency amount converted to the corporate
 * currency, `amount__corporate`), which clients can read, filter and sort by but never write.
 * Returns the field it derives from.
 */
export function derivedFrom(object: CompiledObject, name: string): ResolvedCurrencyField | undefined {
  if (!name.endsWith('__corporate')) return undefined;
  const field = object.field(name.slice(0, -'__corporate'.length));
  return field?.type === 'currency' && corporateAmountField(field.name) === name ? field : undefined;
}
