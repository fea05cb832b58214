import type { ErrorDetail } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import type { AutomationRuleDefinition } from '../../schemas/generated/automation-rule.js';
import type { Filter } from '../../store/port.js';
import type { CompiledObject } from '../compiled-object.js';
import { compileCriteria } from '../query/filter-language.js';
import { ValidationError } from '../../errors/index.js';
import { durationMs } from '../duration.js';

/** A time-based rule's trigger: each record's occasion is its field's time moved by `offsetMs`. */
export interface CompiledTimeTrigger {
  readonly field: string;
  /** Whether the field holds a date (a day, placed at `at` in `timeZone`) or a date-time. */
  readonly holds: 'date' | 'datetime';
  /** Negative before the field's time, positive after. */
  readonly offsetMs: number;
  readonly at: string;
  readonly timeZone: string;
}

/** A scheduled rule's trigger: the days and time of its occasions, and the records each one runs on. */
export interface CompiledSchedule {
  /** Days of the week, 0 for Sunday as Date#getUTCDay counts. */
  readonly days: readonly number[];
  readonly at: string;
  readonly timeZone: string;
  readonly filter: Filter;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Whether the platform's Intl knows the time zone (an IANA name). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The time trigger of a rule with `on: time`, checked against its object. */
export function compileTimeTrigger(definition: AutomationRuleDefinition, object: CompiledObject, problems: ErrorDetail[]): CompiledTimeTrigger | null {
  const time = definition.time;
  if (!time) {
    problems.push({ path: '/time', message: msg`is required with on: time: name the date field, e.g. {"field": "due_date", "before": "P3D"}` });
    return null;
  }
  const field = object.field(time.field);
  const holds = field?.type === 'date' || (field?.type === 'formula' && field.resultType === 'date') ? 'date' : field?.type === 'datetime' || (field?.type === 'formula' && field.resultType === 'datetime') ? 'datetime' : null;
  if (!field) problems.push({ path: '/time/field', message: msg`'${time.field}' is not a field of ${object.name}` });
  else if (!holds) problems.push({ path: '/time/field', message: msg`'${time.field}' is a ${field.type} field: a time-based rule needs a date or date-time field` });
  if (time.before !== undefined && time.after !== undefined) problems.push({ path: '/time', message: msg`give either before or after, not both` });
  const timeZone = zoneOf(time.timeZone, '/time/timeZone', problems);
  if (!holds) return null;
  const offsetMs = time.before !== undefined ? -durationMs(time.before) : time.after !== undefined ? durationMs(time.after) : 0;
  return { field: time.field, holds, offsetMs, at: time.at ?? '00:00', timeZone };
}

/** The schedule of a rule with `on: schedule`, its filter compiled against its object. */
export function compileSchedule(definition: AutomationRuleDefinition, object: CompiledObject, problems: ErrorDetail[]): CompiledSchedule | null {
  const schedule = definition.schedule;
  if (!schedule) {
    problems.push({ path: '/schedule', message: msg`is required with on: schedule: give the time, e.g. {"days": ["mon", "tue", "wed", "thu", "fri"], "at": "09:00"}` });
    return null;
  }
  const timeZone = zoneOf(schedule.timeZone, '/schedule/timeZone', problems);
  let filter: Filter = {};
  if (schedule.filter !== undefined) {
    try {
      filter = compileCriteria(object, schedule.filter, '/schedule/filter', msg`leave the filter out to run on every record`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.details);
    }
  }
  const days = (schedule.days ?? DAYS).map((day) => DAYS.indexOf(day)).sort();
  return { days, at: schedule.at, timeZone, filter };
}

function zoneOf(name: string | undefined, path: string, problems: ErrorDetail[]): string {
  if (name === undefined) return 'UTC';
  if (!isTimeZone(name)) problems.push({ path, message: msg`'${name}' is not a time zone: give an IANA name such as Asia/Shanghai or Europe/Berlin` });
  return name;
}

/** What a timed rule's occasions depend on: when it changes, the occasions planned before are planned again. */
export function timingSignature(definition: AutomationRuleDefinition): string {
  const { object, on, active, condition, time, schedule } = definition;
  return JSON.stringify({ object, on, active: active ?? true, condition: condition ?? null, time: time ?? null, schedule: schedule ?? null });
}
