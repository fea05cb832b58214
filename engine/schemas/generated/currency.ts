/* Generated from currency.schema.json by generate-types.ts: edit the schema, then run npm run gen:types. */

import type {LocalizedText} from './common.js';

/**
 * A currency the tenant works in, with its dated exchange rates to the corporate currency. Exactly one currency is the corporate one when any is defined.
 */
export interface CurrencyDefinition {
  /**
   * The ISO 4217 code in lower case, e.g. eur; amounts carry it in upper case (EUR).
   */
  name: string;
  label?: LocalizedText;
  /**
   * The currency every amount is converted into for reports, formulas and filters. Default false.
   */
  corporate?: boolean;
  /**
   * What one unit of this currency is worth in the corporate currency, from each date on. Not used on the corporate currency.
   *
   * @maxItems 1000
   */
  rates?: DatedRate[];
}
/**
 * This interface was referenced by `CurrencyDefinition`'s JSON-Schema
 * via the `definition` "DatedRate".
 */
export interface DatedRate {
  /**
   * The first day the rate applies; it applies until the next rate's date.
   */
  from: string;
  /**
   * Corporate units per unit of this currency, e.g. 1.08 for EUR when the corporate currency is USD.
   */
  rate: number;
}
