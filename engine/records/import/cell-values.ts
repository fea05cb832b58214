import { assertNever } from '../../errors/index.js';
import type { ResolvedField } from '../../fields/index.js';
import type { ResolvedPicklistValue } from '../../fields/picklist-values.js';
import { localize, type Language } from '../../i18n/language.js';
import { hasChineseCharacters } from '../../i18n/traditional.js';
import { msg, type Message } from '../../i18n/message.js';
import type { DateOrder } from './import-doc.js';
import type { Cell } from './read-table.js';

/** How the file writes numbers and dates (the import's settings). */
export interface CellFormats {
  readonly dateOrder: DateOrder;
  readonly decimalSeparator: '.' | ',';
}

/** A cell read as a field's value, or why it cannot be; a parent's name is left for the batch to find. */
export type CellValue = { readonly value: unknown } | { readonly problem: Message } | { readonly parent: string };

/**
 * A cell as the value of its field, the way people type them: numbers with either separator
 * (`1,234.50`, `1.234,50`), dates in ISO or the chosen order (`3/1/2017`), booleans in English or
 * Chinese (`yes`, `是`, `1`), picklist choices by value or by label in either language. Lookups
 * are given back as the text that names the parent, which the batch looks up.
 * Empty cells are undefined: the field is left out (a default applies to a new record).
 */
export function cellValue(field: ResolvedField, cell: Cell, formats: CellFormats): CellValue | undefined {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return undefined;
  const text = typeof cell === 'string' ? cell.trim() : String(cell);
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'richtext':
    case 'email':
    case 'phone':
    case 'url':
      return { value: typeof cell === 'string' ? cell.trim() : text };
    case 'number':
    case 'currency':
    case 'percent':
      return typeof cell === 'number' ? { value: cell } : numberCell(text, formats.decimalSeparator, field.type === 'percent');
    case 'date':
      return dateCell(text, formats.dateOrder);
    case 'datetime':
      return dateTimeCell(text, formats.dateOrder);
    case 'boolean':
      return booleanCell(cell, text);
    case 'picklist': {
      const chosen = choice(field.values, text);
      return chosen === undefined ? { problem: notAChoice(field.values, text) } : { value: chosen };
    }
    case 'multipicklist': {
      const parts = text.split(/[;；]/).map((part) => part.trim()).filter(Boolean);
      const values = parts.map((part) => choice(field.values, part));
      const unknown = parts.find((_part, index) => values[index] === undefined);
      return unknown === undefined ? { value: values } : { problem: notAChoice(field.values, unknown) };
    }
    case 'lookup':
    case 'masterdetail':
      return { parent: text };
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { problem: msg`is not valid JSON` };
      }
    case 'autonumber':
    case 'formula':
    case 'rollup':
      return { problem: msg`is computed by the platform and cannot be imported` };
    default:
      return assertNever(field);
  }
}

const CURRENCY_SIGNS = /[¥￥$€£₩₹]|\b(?:CNY|RMB|USD|EUR|GBP|HKD|TWD|JPY)\b|元/gi;

/** A number as typed: signs, spaces, currency signs and a trailing % aside; the last of two kinds of separator is the decimal one. */
export function numberCell(text: string, decimalSeparator: '.' | ',', percent = false): CellValue {
  let body = text.replace(CURRENCY_SIGNS, '').replace(/[\s\u00a0\u202f']/g, '');
  if (percent) body = body.replace(/%$/, '');
  const negative = /^\(.*\)$/.test(body);
  if (negative) body = body.slice(1, -1);
  const hasDot = body.includes('.');
  const hasComma = body.includes(',');
  let decimal = decimalSeparator;
  if (hasDot && hasComma) decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  const group = decimal === '.' ? ',' : '.';
  const [whole = '', fraction, extra] = body.split(decimal);
  const grouped = whole.includes(group);
  const validWhole = grouped ? new RegExp(`^[-+]?\\d{1,3}(\\${group}\\d{3})+$`).test(whole) : /^[-+]?\d*$/.test(whole);
  const validFraction = fraction === undefined || /^\d+$/.test(fraction);
  if (extra !== undefined || !validWhole || !validFraction || (whole.replace(/[-+]/, '') === '' && !fraction)) {
    return { problem: msg`is not a number: write it as 1234.5, 1,234.50 or 1.234,50` };
  }
  const value = Number(`${whole.split(group).join('')}${fraction === undefined ? '' : `.${fraction}`}`);
  return Number.isFinite(value) ? { value: negative ? -value : value } : { problem: msg`is not a number: write it as 1234.5, 1,234.50 or 1.234,50` };
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T00:00:00(?:\.000)?Z)?$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const SEPARATED = /^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$/;

/** A date as ISO text (2017-03-01), from ISO, 2017年3月1日, or three numbers in the chosen order (3/1/2017 month first). */
export function dateCell(text: string, order: DateOrder): CellValue {
  const parts = datePartsOf(text, order);
  if (!parts) return { problem: dateProblem(order) };
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { problem: msg`is not a day of the calendar` };
  return { value: date.toISOString().slice(0, 10) };
}

function datePartsOf(text: string, order: DateOrder): [number, number, number] | undefined {
  const iso = ISO_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const separated = SEPARATED.exec(text);
  if (!separated) return undefined;
  const [a, b, c] = [separated[1]!, separated[2]!, separated[3]!];
  // A four-digit first part is a year whatever the order (2017/3/1).
  if (a.length === 4) return [Number(a), Number(b), Number(c)];
  if (c.length !== 4 || order === 'YMD') return undefined;
  return order === 'MDY' ? [Number(c), Number(a), Number(b)] : [Number(c), Number(b), Number(a)];
}

function dateProblem(order: DateOrder): Message {
  if (order === 'MDY') return msg`is not a date: write it as 2017-03-01 or month/day/year (3/1/2017)`;
  if (order === 'DMY') return msg`is not a date: write it as 2017-03-01 or day/month/year (1/3/2017)`;
  return msg`is not a date: write it as 2017-03-01 or year/month/day (2017/3/1)`;
}

/** A date and time: ISO 8601 as it is, or a date as dateCell reads it with an optional time (hh:mm or hh:mm:ss), in UTC. */
export function dateTimeCell(text: string, order: DateOrder): CellValue {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return { value: new Date(text).toISOString() };
  const [datePart = '', timePart] = text.split(/\s+|T/, 2);
  const date = dateCell(datePart, order);
  if (!('value' in date)) return { problem: msg`is not a date and time: write it as 2017-03-01 14:30 or 2017-03-01T14:30:00Z` };
  const time = timePart ?? '00:00';
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) return { problem: msg`is not a date and time: write it as 2017-03-01 14:30 or 2017-03-01T14:30:00Z` };
  return { value: `${date.value as string}T${match[1]!.padStart(2, '0')}:${match[2]}:${match[3] ?? '00'}.000Z` };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '對', '真', 'x', '✓', '✔']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '错', '錯', '假']);

export function booleanCell(cell: Cell, text: string): CellValue {
  if (typeof cell === 'boolean') return { value: cell };
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return { problem: msg`is neither yes nor no: write true/false, yes/no, 是/否 or 1/0` };
}

/** The picklist value a cell names: by value, else by its label in English, Simplified or Traditional Chinese, letter case aside. */
function choice(values: readonly ResolvedPicklistValue[], text: string): string | undefined {
  const wanted = text.toLowerCase();
  const exact = values.find((entry) => entry.value === text) ?? values.find((entry) => entry.value.toLowerCase() === wanted);
  if (exact) return exact.value;
  const labelled = (language: Language) => values.find((entry) => localize(entry.label, language, '').toLowerCase() === wanted)?.value;
  // Traditional last, and only for Chinese text: its labels are converted from the Simplified ones unless written.
  return labelled('en') ?? labelled('zh-CN') ?? (hasChineseCharacters(text) ? labelled('zh-TW') : undefined);
}

function notAChoice(values: readonly ResolvedPicklistValue[], text: string): Message {
  const offered = values.filter((entry) => entry.active).map((entry) => entry.label.en ?? entry.value);
  return msg`'${text}' is not one of the choices: ${offered.join(', ')}`;
}
