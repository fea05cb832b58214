/**
 * Calendar arithmetic on days written YYYY-MM-DD, in UTC as the store keeps dates and date-times:
 * the periods reports group by and the relative periods their filters name. A range is [from, to):
 * its first day and the day after its last.
 */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(utc(day).getTime() + days * DAY_MS));
}

export function addMonths(day: string, months: number): string {
  const date = utc(day);
  return dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);
}

/** The Monday that starts the ISO week of a day. */
export function weekStart(day: string): string {
  const weekday = (utc(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The ISO week of a day as 2026-W09: the year is that of the week's Thursday. */
export function isoWeek(day: string): string {
  const thursday = addDays(weekStart(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The first day of the ISO week `2026-W09`. */
export function isoWeekStart(key: string): string {
  const [year, week] = key.split('-W').map(Number) as [number, number];
  const firstThursday = addDays(weekStart(`${year}-01-04`), 3);
  return addDays(weekStart(firstThursday), (week - 1) * 7);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * The fiscal year a day falls in, named by the calendar year it ends in (FY2027 runs from April
 * 2026 to March 2027 when it starts in April), as most companies name theirs; a year that starts
 * in January is the calendar year.
 */
export function fiscalYear(day: string, startMonth: number): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return startMonth === 1 || month < startMonth ? year : year + 1;
}

export function fiscalYearStart(year: number, startMonth: number): string {
  return `${startMonth === 1 ? year : year - 1}-${String(startMonth).padStart(2, '0')}-01`;
}

/** The fiscal quarter (1–4) a day falls in. */
export function fiscalQuarter(day: string, startMonth: number): number {
  const month = Number(day.slice(5, 7));
  return Math.floor((((month - startMonth) % 12) + 12) % 12 / 3) + 1;
}

export function today(now: Date = new Date()): string {
  return dayOf(now);
}
