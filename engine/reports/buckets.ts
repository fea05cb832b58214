import { assertNever } from '../errors/index.js';
import { localize, type Language } from '../i18n/language.js';
import { addDays, addMonths, daysBetween, fiscalQuarter, fiscalYear, fiscalYearStart, isoWeek, isoWeekStart, type DayRange } from '../metadata/reports/calendar.js';
import type { Bucket } from '../metadata/reports/report-parts.js';
import type { Calendar } from '../metadata/reports/within-filter.js';

/**
 * The bucket a day falls in, as a key that sorts in time: 2026-03-01, 2026-W09, 2026-03, 2026-Q1,
 * 2026, FY2027-Q1, FY2027; aging: the index of its range (0 current, 1 for 1–30 days ...).
 */
export function bucketKey(day: string, bucket: Bucket, calendar: Calendar, agingDays: readonly number[]): string | number {
  const year = day.slice(0, 4);
  switch (bucket) {
    case 'day':
      return day;
    case 'week':
      return isoWeek(day);
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return year;
    case 'fiscalQuarter':
      return `FY${fiscalYear(day, calendar.fiscalStartMonth)}-Q${fiscalQuarter(day, calendar.fiscalStartMonth)}`;
    case 'fiscalYear':
      return `FY${fiscalYear(day, calendar.fiscalStartMonth)}`;
    case 'aging': {
      const age = daysBetween(day, calendar.today);
      if (age <= 0) return 0;
      const index = agingDays.findIndex((last) => age <= last);
      return index === -1 ? agingDays.length + 1 : index + 1;
    }
    default:
      return assertNever(bucket, 'bucket');
  }
}

/** The days a bucket's key covers: what a drill-down filters by. Undefined for a key that is no bucket. */
export function bucketRange(key: unknown, bucket: Bucket, calendar: Calendar, agingDays: readonly number[]): Partial<DayRange> | undefined {
  if (bucket === 'aging') {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key > agingDays.length + 1) return undefined;
    // age = today − day: current is on or after today; range i holds ages (previous last, last].
    if (key === 0) return { from: calendar.today };
    const first = key === 1 ? 1 : agingDays[key - 2]! + 1;
    const last = agingDays[key - 1];
    return { ...(last === undefined ? {} : { from: addDays(calendar.today, -last) }), to: addDays(calendar.today, -first + 1) };
  }
  if (typeof key !== 'string') return undefined;
  let from: string | undefined;
  let months = 0;
  let days = 0;
  let match: RegExpExecArray | null;
  if (bucket === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(key)) [from, days] = [key, 1];
  else if (bucket === 'week' && /^\d{4}-W\d{2}$/.test(key)) [from, days] = [isoWeekStart(key), 7];
  else if (bucket === 'month' && /^\d{4}-\d{2}$/.test(key)) [from, months] = [`${key}-01`, 1];
  else if (bucket === 'quarter' && (match = /^(\d{4})-Q([1-4])$/.exec(key))) [from, months] = [`${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}-01`, 3];
  else if (bucket === 'year' && /^\d{4}$/.test(key)) [from, months] = [`${key}-01-01`, 12];
  else if (bucket === 'fiscalYear' && (match = /^FY(\d{4})$/.exec(key))) [from, months] = [fiscalYearStart(Number(match[1]), calendar.fiscalStartMonth), 12];
  else if (bucket === 'fiscalQuarter' && (match = /^FY(\d{4})-Q([1-4])$/.exec(key))) {
    [from, months] = [addMonths(fiscalYearStart(Number(match[1]), calendar.fiscalStartMonth), (Number(match[2]) - 1) * 3), 3];
  }
  if (from === undefined) return undefined;
  return { from, to: months > 0 ? addMonths(from, months) : addDays(from, days) };
}

const AGING_WORDS = {
  current: { en: 'Current', 'zh-CN': '未到期' },
  range: (a: number, b: number) => ({ en: `${a}–${b} days`, 'zh-CN': `${a}–${b} 天` }),
  over: (a: number) => ({ en: `Over ${a} days`, 'zh-CN': `超过 ${a} 天` }),
} as const;

/** How a bucket is shown: the key itself, but aging ranges in words and quarters with a space. */
export function bucketLabel(key: string | number, bucket: Bucket, agingDays: readonly number[], language: Language): string {
  if (bucket !== 'aging') return String(key).replace(/-Q/, ' Q');
  const index = Number(key);
  if (index === 0) return localize(AGING_WORDS.current, language);
  if (index > agingDays.length) return localize(AGING_WORDS.over(agingDays[agingDays.length - 1]!), language);
  return localize(AGING_WORDS.range(index === 1 ? 1 : agingDays[index - 2]! + 1, agingDays[index - 1]!), language);
}
