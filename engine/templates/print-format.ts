import type { Language } from '../i18n/language.js';

/** How the reader wants values written: their language's conventions, their time zone. */
export interface ReaderFormat {
  readonly language: Language;
  /** An IANA time zone (the user's time_zone), for date-times. */
  readonly timeZone: string;
}

const DATE_STYLES = ['short', 'medium', 'long', 'full'] as const;
type DateStyle = (typeof DATE_STYLES)[number];

function dateStyle(style: unknown, fallback: DateStyle): DateStyle {
  return DATE_STYLES.find((known) => known === style) ?? fallback;
}

function asDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A date field's value ('2017-03-01'): the calendar day as stored, never shifted by a time zone. */
export function formatDate(value: unknown, format: ReaderFormat, style?: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(format.language, { dateStyle: dateStyle(style, 'medium'), timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  const date = asDate(value);
  return date ? new Intl.DateTimeFormat(format.language, { dateStyle: dateStyle(style, 'medium'), timeZone: format.timeZone }).format(date) : '';
}

/** A moment (a date-time field, _createdAt) in the reader's time zone. */
export function formatDateTime(value: unknown, format: ReaderFormat, style?: unknown): string {
  const date = asDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(format.language, { dateStyle: dateStyle(style, 'medium'), timeStyle: 'short', timeZone: format.timeZone }).format(date);
}

function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function fractionDigits(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10 ? value : undefined;
}

/** A number with the reader's grouping and decimal signs; `digits` fixes the decimals. */
export function formatNumber(value: unknown, format: ReaderFormat, digits?: unknown): string {
  const number = asNumber(value);
  if (number === undefined) return '';
  const fixed = fractionDigits(digits);
  return new Intl.NumberFormat(format.language, fixed === undefined ? {} : { minimumFractionDigits: fixed, maximumFractionDigits: fixed }).format(number);
}

/** An amount in a currency (an ISO code; the corporate currency when none is given), as the reader writes money. */
export function formatMoney(value: unknown, format: ReaderFormat, currency: string | undefined): string {
  const number = asNumber(value);
  if (number === undefined) return '';
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return formatNumber(number, format, 2);
  return new Intl.NumberFormat(format.language, { style: 'currency', currency }).format(number);
}

/** A percent field holds 12.5 for 12.5 %. */
export function formatPercent(value: unknown, format: ReaderFormat, digits?: unknown): string {
  const number = asNumber(value);
  if (number === undefined) return '';
  const fixed = fractionDigits(digits);
  return new Intl.NumberFormat(format.language, { style: 'percent', maximumFractionDigits: fixed ?? 2, ...(fixed === undefined ? {} : { minimumFractionDigits: fixed }) }).format(number / 100);
}

export function numberOf(value: unknown): number | undefined {
  return asNumber(value);
}
