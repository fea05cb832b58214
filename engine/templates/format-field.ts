import { assertNever } from '../errors/index.js';
import type { ResolvedField } from '../fields/index.js';
import { sanitizeRichText } from '../fields/rich-text-html.js';
import { localize } from '../i18n/language.js';
import type { LocalizedValue } from '../i18n/message.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, type ReaderFormat } from './print-format.js';

/** What formatting one field needs besides its value: the reader, the record's other values, the corporate currency. */
export interface FieldFormat extends ReaderFormat {
  readonly corporateCurrency: string | undefined;
}

/** A value printed as HTML the template may place as it is (sanitised rich text), not escaped again. */
export class TrustedHtml {
  constructor(readonly html: string) {}
}

type Typed = 'text' | 'number' | 'currency' | 'percent' | 'date' | 'datetime' | 'boolean';

function typed(kind: Typed, value: unknown, field: ResolvedField, record: Readonly<Record<string, unknown>>, format: FieldFormat): string {
  const scale = 'scale' in field ? field.scale : undefined;
  switch (kind) {
    case 'text':
      return String(value);
    case 'number':
      return formatNumber(value, format, scale);
    case 'currency': {
      const own = field.type === 'currency' ? (field.currency ?? (field.currencyField ? record[field.currencyField] : undefined)) : undefined;
      return formatMoney(value, format, typeof own === 'string' ? own : format.corporateCurrency);
    }
    case 'percent':
      return formatPercent(value, format, scale);
    case 'date':
      return formatDate(value, format);
    case 'datetime':
      return formatDateTime(value, format);
    case 'boolean':
      return value === true ? (format.language === 'en' ? 'Yes' : '是') : value === false ? (format.language === 'en' ? 'No' : '否') : '';
    default:
      return assertNever(kind, 'kind of value');
  }
}

/**
 * One field of a record as a reader reads it: picklist labels in their language, money with its
 * currency, dates in their conventions, a parent by its name. The result is text for the template
 * to escape, except rich text, which is sanitised HTML.
 */
export function formatField(field: ResolvedField, record: Readonly<Record<string, unknown>>, format: FieldFormat): string | TrustedHtml {
  const value = record[field.name];
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone':
    case 'url':
    case 'autonumber':
      return String(value);
    case 'richtext':
      return new TrustedHtml(sanitizeRichText(String(value)));
    case 'number':
    case 'rollup':
      return typed('number', value, field, record, format);
    case 'currency':
    case 'percent':
    case 'date':
    case 'boolean':
      return typed(field.type, value, field, record, format);
    case 'datetime':
      return typed('datetime', value, field, record, format);
    case 'formula':
      return typed(field.resultType, value, field, record, format);
    case 'picklist':
      return picklistLabel(field.values, value, format);
    case 'multipicklist':
      return (Array.isArray(value) ? value : [value]).map((entry) => picklistLabel(field.values, entry, format)).join(format.language === 'en' ? ', ' : '、');
    case 'lookup':
    case 'masterdetail':
      // The parent is in the record as an object that prints as its name; an id alone (a parent the reader may not see) prints nothing.
      return typeof value === 'object' ? String(value) : '';
    case 'json':
      return JSON.stringify(value);
    default:
      return assertNever(field, 'field');
  }
}

function picklistLabel(values: readonly { value: string; label: LocalizedValue }[], value: unknown, format: FieldFormat): string {
  const entry = values.find((candidate) => candidate.value === value);
  return entry ? (localize(entry.label, format.language, entry.value) ?? entry.value) : String(value);
}
