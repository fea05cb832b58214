import type { CompiledSchedule, CompiledTimeTrigger } from '../metadata/automation-rules/time-trigger.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { zonedDay, zonedInstant } from './zoned-time.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** When a time-based rule fires for a record: its field's time moved by the offset; null while the field is empty. */
export function occasionOf(trigger: CompiledTimeTrigger, record: StoredRecord): Date | null {
  const value = record[trigger.field];
  if (typeof value !== 'string') return null;
  const base = trigger.holds === 'date' ? (DAY.test(value) ? zonedInstant(value, trigger.at, trigger.timeZone) : null) : new Date(value);
  if (!base || Number.isNaN(base.getTime())) return null;
  return new Date(base.getTime() + trigger.offsetMs);
}

/** The first occasion of a schedule strictly after `after`: one of its days, at its time, in its time zone. */
export function nextOccasion(schedule: CompiledSchedule, after: Date): Date {
  // A week and a day cover every weekday once, whatever day and time `after` is.
  for (let days = 0; days <= 8; days++) {
    const day = zonedDay(after, schedule.timeZone, days);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (!schedule.days.includes(weekday)) continue;
    const occasion = zonedInstant(day, schedule.at, schedule.timeZone);
    if (occasion.getTime() > after.getTime()) return occasion;
  }
  throw new Error('a schedule without days has no occasion');
}
