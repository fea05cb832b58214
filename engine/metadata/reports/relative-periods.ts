import { addDays, addMonths, daysBetween, fiscalYear, fiscalYearStart, monthStart, quarterStart, weekStart, type DayRange } from './calendar.js';

/** The relative periods a report's filter takes with `within`, besides last_N_days and next_N_days. */
export const RELATIVE_PERIODS = [
  'today', 'yesterday', 'tomorrow',
  'before_today', 'after_today',
  'this_week', 'last_week', 'next_week',
  'this_month', 'last_month', 'next_month',
  'this_quarter', 'last_quarter', 'next_quarter',
  'this_year', 'last_year', 'next_year',
  'this_fiscal_year', 'last_fiscal_year', 'next_fiscal_year',
  'this_week_to_date', 'last_week_to_date', 'this_month_to_date', 'last_month_to_date',
  'this_quarter_to_date', 'last_quarter_to_date', 'this_year_to_date', 'last_year_to_date',
  'this_fiscal_year_to_date', 'last_fiscal_year_to_date',
] as const;

const TO_DATE = /^(last|this)_(week|month|quarter|year|fiscal_year)_to_date$/;

const N_DAYS = /^(last|next)_([1-9][0-9]{0,3})_days$/;
/** The open ends of before_today and after_today: earlier and later than any day a date field holds. */
const FIRST_DAY = '0001-01-01';
const PAST_LAST_DAY = '9999-12-31';
const SHIFT = { last: -1, this: 0, next: 1 } as const;

/**
 * The days a relative period covers on `today`: last_30_days is the 30 days before today and
 * today itself, as Salesforce's LAST_N_DAYS; next_7_days today and the 7 after it. before_today
 * is every day before today (an invoice past its due date) and after_today every day after it,
 * both open-ended. this_month_to_date runs from the month's first day to today; last_month_to_date
 * is the same days of last month (the 1st to the 7th on the 7th; all of February on 31 March), so
 * that a month under way is compared with as much of the month before it. Undefined for a text
 * that names no period.
 */
export function relativeRange(period: string, today: string, fiscalStartMonth = 1): DayRange | undefined {
  const toDate = TO_DATE.exec(period);
  if (toDate) {
    const whole = relativeRange(`${toDate[1]}_${toDate[2]}`, today, fiscalStartMonth)!;
    const current = relativeRange(`this_${toDate[2]}`, today, fiscalStartMonth)!;
    const end = addDays(whole.from, daysBetween(current.from, today) + 1);
    return { from: whole.from, to: end < whole.to ? end : whole.to };
  }
  const days = N_DAYS.exec(period);
  if (days) {
    const n = Number(days[2]);
    return days[1] === 'last' ? { from: addDays(today, -n), to: addDays(today, 1) } : { from: today, to: addDays(today, n + 1) };
  }
  if (period === 'today') return { from: today, to: addDays(today, 1) };
  if (period === 'yesterday') return { from: addDays(today, -1), to: today };
  if (period === 'tomorrow') return { from: addDays(today, 1), to: addDays(today, 2) };
  if (period === 'before_today') return { from: FIRST_DAY, to: today };
  if (period === 'after_today') return { from: addDays(today, 1), to: PAST_LAST_DAY };
  const match = /^(last|this|next)_(week|month|quarter|year|fiscal_year)$/.exec(period);
  if (!match) return undefined;
  const shift = SHIFT[match[1] as keyof typeof SHIFT];
  switch (match[2]) {
    case 'week': {
      const from = addDays(weekStart(today), 7 * shift);
      return { from, to: addDays(from, 7) };
    }
    case 'month': {
      const from = addMonths(monthStart(today), shift);
      return { from, to: addMonths(from, 1) };
    }
    case 'quarter': {
      const from = addMonths(quarterStart(today), 3 * shift);
      return { from, to: addMonths(from, 3) };
    }
    case 'year': {
      const from = `${Number(today.slice(0, 4)) + shift}-01-01`;
      return { from, to: addMonths(from, 12) };
    }
    default: {
      const from = fiscalYearStart(fiscalYear(today, fiscalStartMonth) + shift, fiscalStartMonth);
      return { from, to: addMonths(from, 12) };
    }
  }
}
