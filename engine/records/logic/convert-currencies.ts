import { EngineError, ValidationError } from '../../errors/index.js';
import { corporateAmountField, type ResolvedCurrencyField } from '../../fields/index.js';
import { multiplyToScale } from '../../fields/numeric.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { msg } from '../../i18n/message.js';

/**
 * Each currency amount of a record converted to the corporate currency at the dated rate of the
 * record's rate date, stored beside it as `<field>__corporate` so formulas, filters, sorts and
 * reports compare amounts in one currency. Nothing is converted while the tenant defines no
 * currencies. An amount in a currency the tenant does not define is refused (400); one with no
 * rate for its date cannot be converted (422).
 */
export function convertedAmounts(snapshot: Snapshot, object: CompiledObject, record: Record<string, unknown>): Record<string, number | null> {
  const currencies = snapshot.currencies;
  const converted: Record<string, number | null> = {};
  if (!currencies.corporate) return converted;
  for (const field of object.object.fields) {
    if (field.type !== 'currency') continue;
    const amount = record[field.name];
    const target = corporateAmountField(field.name);
    if (typeof amount !== 'number') {
      converted[target] = null;
      continue;
    }
    const code = currencyOf(field, record, currencies.corporate);
    if (!currencies.codes.has(code)) {
      throw new ValidationError([{ path: `/${field.currencyField ?? field.name}`, message: msg`'${code}' is not one of the tenant's currencies (${[...currencies.codes].join(', ')})` }]);
    }
    const date = rateDateOf(field, record);
    const rate = currencies.rate(code, date);
    if (rate === undefined) {
      throw new EngineError('no_exchange_rate', 422, msg`There is no ${code} exchange rate for ${date}; add one under the ${code.toLowerCase()} currency.`, {
        details: [{ path: `/${field.name}`, message: msg`cannot be converted from ${code} on ${date}` }],
      });
    }
    converted[target] = multiplyToScale(amount, rate, field.scale);
  }
  return converted;
}

function currencyOf(field: ResolvedCurrencyField, record: Record<string, unknown>, corporate: string): string {
  const own = field.currencyField ? record[field.currencyField] : undefined;
  return (typeof own === 'string' && own !== '' ? own : (field.currency ?? corporate)).toUpperCase();
}

function rateDateOf(field: ResolvedCurrencyField, record: Record<string, unknown>): string {
  const chosen = field.rateDate ? record[field.rateDate] : undefined;
  const created = record._createdAt;
  const day = typeof chosen === 'string' ? chosen : typeof created === 'string' ? created : new Date().toISOString();
  return day.slice(0, 10);
}
