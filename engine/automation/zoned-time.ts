/** The wall-clock parts of an instant in a time zone. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 for Sunday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let known = formats.get(timeZone);
  if (!known) {
    known = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    formats.set(timeZone, known);
  }
  return known;
}

/** What a clock on the wall of `timeZone` shows at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(format(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

/**
 * The instant a wall clock in `timeZone` shows the day (YYYY-MM-DD) at the time (HH:MM). The zone's
 * offset is read at a first guess and once more at the result, so a day that changes to or from
 * summer time lands right; a time that summer time skips lands an hour later.
 */
export function zonedInstant(day: string, at: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(year, month - 1, date, hour, minute);
  let instant = wanted - offsetMs(new Date(wanted), timeZone);
  instant = wanted - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** How far the zone's wall clock is ahead of UTC at `instant`. */
function offsetMs(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The day (YYYY-MM-DD) a wall clock in `timeZone` shows at `instant`, moved by `days`. */
export function zonedDay(instant: Date, timeZone: string, days = 0): string {
  const clock = wallClock(instant, timeZone);
  return new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days)).toISOString().slice(0, 10);
}
