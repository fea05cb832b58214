import type { UiLanguage } from '../i18n/languages';
import { localize } from '../i18n/localize';
import type { FieldDefinition, PicklistValue } from './object-definition';

const NUMBER_LOCALE: Record<UiLanguage, string> = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };

export interface FormatTexts {
  readonly yes: string;
  readonly no: string;
  readonly empty: string;
}

/**
 * A stored value as the text a person reads. Always a string, rendered by React as text: a value
 * like `<img src=x onerror=alert(1)>` shows as those characters and never becomes markup.
 */
export function formatValue(field: FieldDefinition, value: unknown, language: UiLanguage, texts: FormatTexts): string {
  if (value === undefined || value === null || value === '') return texts.empty;
  const locale = NUMBER_LOCALE[language];
  switch (field.type) {
    case 'boolean':
      return value === true ? texts.yes : texts.no;
    case 'picklist':
      return picklistLabel(field.values, String(value), language);
    case 'multipicklist':
      return Array.isArray(value) ? value.map((item) => picklistLabel(field.values, String(item), language)).join(', ') : String(value);
    case 'currency':
      return typeof value === 'number' ? formatNumber(value, locale, { minimumFractionDigits: field.scale ?? 2, maximumFractionDigits: field.scale ?? 2 }) + (field.currency ? ` ${field.currency}` : '') : String(value);
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value, locale, { maximumFractionDigits: field.scale ?? 2 })} %` : String(value);
    case 'number':
    case 'rollup':
      return typeof value === 'number' ? formatNumber(value, locale, { maximumFractionDigits: field.scale ?? 6 }) : String(value);
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? dateTimeFormat(locale).format(new Date(value)) : String(value);
    case 'formula':
      // Shown as a field of the type it results in: a number formula groups its thousands as a number field does.
      return field.resultType && field.resultType !== 'formula' ? formatValue({ ...field, type: field.resultType } as FieldDefinition, value, language, texts) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

// A formatter is costly to make and cheap to use: a list formats thousands of values with a few.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions): string {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(value);
}

/** What toLocaleString(locale) writes for a date and time. */
function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  const key = `d|${locale}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
  return format as Intl.DateTimeFormat;
}

function picklistLabel(values: readonly PicklistValue[] | undefined, value: string, language: UiLanguage): string {
  const entry = values?.find((candidate) => (typeof candidate === 'string' ? candidate : candidate.value) === value);
  return entry && typeof entry !== 'string' ? localize(entry.label, language, value) : value;
}
