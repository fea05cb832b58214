import type { ErrorDetail } from '../../errors/index.js';
import type { CurrencyDefinition } from '../../schemas/generated/currency.js';
import { msg } from '../../i18n/message.js';

/** The tenant's currencies and their dated rates, compiled for look-ups on every save. */
export interface CurrencyTable {
  /** The corporate currency's ISO code, or undefined while the tenant defines no currencies. */
  readonly corporate: string | undefined;
  readonly codes: ReadonlySet<string>;
  readonly definitions: ReadonlyMap<string, CurrencyDefinition>;
  /** Corporate units per unit of `code` on `date` (YYYY-MM-DD); undefined when no rate covers it. */
  rate(code: string, date: string): number | undefined;
}

export const NO_CURRENCIES: CurrencyTable = compileCurrencies([]).table;

/** Checks the currencies together (one corporate, rates only on the others, one rate per date) and compiles them. */
export function compileCurrencies(definitions: readonly CurrencyDefinition[]): { table: CurrencyTable; problems: Map<string, ErrorDetail[]> } {
  const problems = new Map<string, ErrorDetail[]>();
  const report = (name: string, detail: ErrorDetail) => problems.set(name, [...(problems.get(name) ?? []), detail]);
  const corporate = definitions.filter((definition) => definition.corporate);
  if (definitions.length > 0 && corporate.length !== 1) {
    for (const definition of corporate.length === 0 ? definitions : corporate.slice(1)) {
      report(definition.name, { path: '/corporate', message: corporate.length === 0 ? msg`one currency must be the corporate currency` : msg`${corporate[0]!.name.toUpperCase()} is already the corporate currency` });
    }
  }
  const rates = new Map<string, { from: string; rate: number }[]>();
  for (const definition of definitions) {
    const sorted = [...(definition.rates ?? [])].sort((a, b) => a.from.localeCompare(b.from));
    if (definition.corporate && sorted.length > 0) report(definition.name, { path: '/rates', message: msg`the corporate currency has no rates: its rate is always 1` });
    sorted.forEach((entry, i) => {
      if (i > 0 && sorted[i - 1]!.from === entry.from) report(definition.name, { path: '/rates', message: msg`two rates start on ${entry.from}` });
    });
    rates.set(definition.name.toUpperCase(), sorted);
  }
  const corporateCode = corporate[0]?.name.toUpperCase();
  const table: CurrencyTable = {
    corporate: corporateCode,
    codes: new Set(definitions.map((definition) => definition.name.toUpperCase())),
    definitions: new Map(definitions.map((definition) => [definition.name, definition])),
    rate(code, date) {
      if (code === corporateCode) return 1;
      let found: number | undefined;
      for (const entry of rates.get(code) ?? []) {
        if (entry.from <= date) found = entry.rate;
        else break;
      }
      return found;
    },
  };
  return { table, problems };
}
