import Handlebars from 'handlebars';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { PrintHelperName } from '../metadata/print-templates/print-helper-names.js';
import { localize } from '../i18n/language.js';
import { capitalAmount, traditionalCapitals } from './capital-amount.js';
import { formatField, TrustedHtml, type FieldFormat } from './format-field.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, numberOf } from './print-format.js';

/** What helpers know of the print they run in, carried in Handlebars' data as @print. */
export interface PrintData extends FieldFormat {
  /** The object of each record in the context (the record, its parents, the rows of related lists). */
  readonly objectOf: WeakMap<object, CompiledObject>;
}

type Options = Handlebars.HelperOptions;

/** The record a helper works on: the context when it is one (a related list's row), else the printed record (at the root). */
function recordIn(context: unknown, data: PrintData): { record: Record<string, unknown>; object: CompiledObject } | undefined {
  if (context === null || typeof context !== 'object') return undefined;
  const own = data.objectOf.get(context);
  if (own) return { record: context as Record<string, unknown>, object: own };
  const root = (context as { record?: unknown }).record;
  const object = root !== null && typeof root === 'object' ? data.objectOf.get(root) : undefined;
  return object ? { record: root as Record<string, unknown>, object } : undefined;
}

function printData(options: Options): PrintData {
  return (options.data as { print: PrintData }).print;
}

/** The arguments a helper was given, without Handlebars' options object at the end. */
function given(args: unknown[]): { values: unknown[]; options: Options } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as Options };
}

function optional(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'hash' in value ? undefined : value;
}

function html(value: string | TrustedHtml): string | Handlebars.SafeString {
  return value instanceof TrustedHtml ? new Handlebars.SafeString(value.html) : value;
}

function rows(list: unknown): Record<string, unknown>[] {
  return Array.isArray(list) ? list.filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object') : [];
}

/**
 * The print helpers: every name of PRINT_HELPERS, no more (the mapped type makes a missing one a
 * compile error). Each returns text for Handlebars to escape; only `field` on a rich text field
 * returns sanitised HTML.
 */
export const PRINT_HELPER_FUNCTIONS: { readonly [N in PrintHelperName]: (this: unknown, ...args: unknown[]) => unknown } = {
  date: (...args) => {
    const { values, options } = given(args);
    return formatDate(values[0], printData(options), optional(values[1]));
  },
  datetime: (...args) => {
    const { values, options } = given(args);
    return formatDateTime(values[0], printData(options), optional(values[1]));
  },
  number: (...args) => {
    const { values, options } = given(args);
    return formatNumber(values[0], printData(options), optional(values[1]));
  },
  money: (...args) => {
    const { values, options } = given(args);
    const currency = optional(values[1]);
    return formatMoney(values[0], printData(options), typeof currency === 'string' ? currency : printData(options).corporateCurrency);
  },
  percent: (...args) => {
    const { values, options } = given(args);
    return formatPercent(values[0], printData(options), optional(values[1]));
  },
  capitalAmount: (...args) => {
    const { values, options } = given(args);
    const number = numberOf(values[0]);
    const capital = number === undefined ? '' : (capitalAmount(number) ?? '');
    return printData(options).language === 'zh-TW' ? traditionalCapitals(capital) : capital;
  },
  field(this: unknown, ...args) {
    const { values, options } = given(args);
    const data = printData(options);
    const found = recordIn(this, data);
    const field = typeof values[0] === 'string' ? found?.object.field(values[0]) : undefined;
    return found && field ? html(formatField(field, found.record, data)) : '';
  },
  label(this: unknown, ...args) {
    const { values, options } = given(args);
    const data = printData(options);
    const field = typeof values[0] === 'string' ? recordIn(this, data)?.object.field(values[0]) : undefined;
    return field ? (localize(field.label, data.language) ?? field.name) : '';
  },
  sum: (...args) => {
    const { values } = given(args);
    const name = values[1];
    const total = rows(values[0]).reduce((sum, row) => sum + (typeof name === 'string' ? (numberOf(row[name]) ?? 0) : 0), 0);
    // Amounts of two decimals add up with binary noise (0.1 + 0.2); ten decimals keep every real digit.
    return Number(total.toFixed(10));
  },
  count: (...args) => rows(given(args).values[0]).length,
  eq: (...args) => pair(args, (a, b) => a === b),
  ne: (...args) => pair(args, (a, b) => a !== b),
  gt: (...args) => pair(args, ordered((a, b) => a > b)),
  gte: (...args) => pair(args, ordered((a, b) => a >= b)),
  lt: (...args) => pair(args, ordered((a, b) => a < b)),
  lte: (...args) => pair(args, ordered((a, b) => a <= b)),
  and: (...args) => given(args).values.every(Boolean),
  or: (...args) => given(args).values.some(Boolean),
  not: (...args) => !given(args).values[0],
};

/** A comparison of a helper's first two arguments. */
function pair(args: unknown[], test: (a: unknown, b: unknown) => boolean): boolean {
  const [a, b] = given(args).values;
  return test(a, b);
}

/** An order between two numbers or two texts; anything else compares as false. */
function ordered(test: (a: number | string, b: number | string) => boolean): (a: unknown, b: unknown) => boolean {
  return (a, b) => (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string') ? test(a, b) : false;
}
