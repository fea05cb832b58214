import { assertNever } from '../errors/index.js';
import type { ResolvedFormulaField } from '../fields/index.js';
import { roundToScale } from '../fields/numeric.js';
import { FormulaResultError } from './expression-errors.js';
import { msg, type Message, type Text } from '../i18n/message.js';

/** The types a formula field may declare for its value, as the object schema defines them. */
export type FormulaResultType = ResolvedFormulaField['resultType'];

export type FormulaValue = string | number | boolean | null;

export interface ResultOptions {
  /** Decimals kept by number, currency and percent results, rounded half away from zero like stored numbers. */
  scale?: number;
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Turns an evaluated formula into the value its field stores, or says in the admin's words why it
 * cannot. Conversions are strict: text "12" is not a number and "yes" is not a boolean, because a
 * formula that silently changes meaning with its data is worse than one that fails loudly; the
 * messages name the JSONata function that converts explicitly. Nothing (`null`) stays nothing.
 */
export function toResultType(value: unknown, type: FormulaResultType, options: ResultOptions = {}): FormulaValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'text':
      return toText(value);
    case 'number':
    case 'currency':
    case 'percent':
      return toNumeric(value, options.scale);
    case 'date':
      return toDate(value);
    case 'datetime':
      return toDateTime(value);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      throw refused(value, msg`true or false`, typeof value === 'string' ? msg`compare it, as in status = 'open'` : undefined);
    default:
      return assertNever(type, 'formula result type');
  }
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  // Fifteen significant digits, as JSONata's $string() writes numbers: 0.1 + 0.2 is "0.3".
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return String(value);
  throw refused(value, msg`text`, msg`$join() turns a list into text, $string() anything else`);
}

function toNumeric(value: unknown, scale: number | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw refused(value, msg`a number`, typeof value === 'string' ? msg`$number() converts text to a number` : undefined);
  }
  return scale === undefined ? value : roundToScale(value, scale);
}

/** The calendar date as written (the first ten characters), not shifted to UTC: `$now()` is already UTC. */
function toDate(value: unknown): string {
  const date = typeof value === 'string' ? isoDate(value) : undefined;
  if (date === undefined) throw refused(value, msg`a date`, dateHint(value, 'YYYY-MM-DD'));
  return date;
}

/** An ISO date-time in UTC; a date alone is its midnight UTC and a time without offset is read as UTC, so no result depends on the server's time zone. */
function toDateTime(value: unknown): string {
  if (typeof value === 'string' && isoDate(value) !== undefined) {
    const utc = value.length === 10 ? `${value}T00:00:00Z` : HAS_OFFSET.test(value) ? value : `${value}Z`;
    const parsed = new Date(utc.replace(' ', 'T'));
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
  }
  throw refused(value, msg`a date-time`, dateHint(value, msg`an ISO date-time such as 2025-03-01T09:30:00Z`));
}

/** The YYYY-MM-DD part of an ISO date or date-time, when that day exists (no 2025-02-30). */
function isoDate(value: string): string | undefined {
  const day = ISO_DATE.exec(value)?.[1];
  if (day === undefined) return undefined;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : undefined;
}

function dateHint(value: unknown, expected: Text): Message {
  return typeof value === 'number' ? msg`$fromMillis() turns milliseconds into a date-time` : msg`expected ${expected}`;
}

function refused(value: unknown, what: Text, hint?: Message): FormulaResultError {
  return new FormulaResultError(hint ? msg`the formula returned ${show(value)}, which is not ${what}; ${hint}` : msg`the formula returned ${show(value)}, which is not ${what}`);
}

/** The value as an admin would recognise it, cut short when long. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
