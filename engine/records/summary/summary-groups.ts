import { assertNever, ValidationError, type ErrorDetail } from '../../errors/index.js';
import type { ResolvedField } from '../../fields/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { unknownName } from '../../metadata/query/unknown-name.js';
import { readableNames } from './summary-measures.js';
import { msg } from '../../i18n/message.js';

/** The periods a date or date-time groups by; keys are UTC (date-times are stored in UTC). */
export const DATE_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type DateUnit = (typeof DATE_UNITS)[number];

/** One level of grouping: a field, and for dates the period its values fall in. */
export interface GroupLevel {
  readonly field: string;
  readonly unit?: DateUnit;
}

export const MAX_GROUP_LEVELS = 3;
/** Types whose values make groups: few distinct values, compared whole. */
const GROUPABLE = new Set(['text', 'picklist', 'boolean', 'lookup', 'masterdetail', 'email', 'phone', 'url', 'date']);
const SYSTEM_GROUPS = new Set(['_owner', '_createdBy', '_updatedBy']);
const SYSTEM_DATE_TIMES = new Set(['_createdAt', '_updatedAt']);
const DAY_MS = 86_400_000;

type Temporal = 'date' | 'datetime' | undefined;

function temporalType(field: ResolvedField): Temporal {
  const type = field.type === 'formula' ? field.resultType : field.type;
  return type === 'date' || type === 'datetime' ? type : undefined;
}

/** How a level is written in `groupBy` and in the response: `stage`, `close_date:month`. */
export function levelName(level: GroupLevel): string {
  return level.unit ? `${level.field}:${level.unit}` : level.field;
}

/**
 * `groupBy=stage,close_date:month` → up to MAX_GROUP_LEVELS levels: fields whose values make
 * sensible groups, the owner or creator, and dates and date-times by period. A date alone groups by
 * day; a date-time needs its period, since nearly every instant is its own group.
 */
export function parseGroupBy(object: CompiledObject, input: string | undefined, hidden: ReadonlySet<string>): GroupLevel[] {
  const parts = (input ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const problems: ErrorDetail[] = [];
  if (parts.length > MAX_GROUP_LEVELS) problems.push({ path: '/groupBy', message: msg`may name at most ${MAX_GROUP_LEVELS} levels, like stage,close_date:month` });
  const levels: GroupLevel[] = [];
  for (const part of parts.slice(0, MAX_GROUP_LEVELS)) {
    const [name, unit, extra] = part.split(':') as [string, string | undefined, string | undefined];
    const problem = levelProblem(object, name, unit, extra, hidden);
    if (problem) problems.push({ path: '/groupBy', message: problem });
    else if (levels.some((level) => level.field === name && level.unit === unit)) problems.push({ path: '/groupBy', message: msg`'${part}' is named twice` });
    else levels.push(unit ? { field: name, unit: unit as DateUnit } : { field: name });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return levels;
}

function levelProblem(object: CompiledObject, name: string, unit: string | undefined, extra: string | undefined, hidden: ReadonlySet<string>): ErrorDetail['message'] | undefined {
  const units = DATE_UNITS.join(', ');
  if (extra !== undefined || (unit !== undefined && !(DATE_UNITS as readonly string[]).includes(unit))) {
    return `'${unit ?? ''}' is not a period: group a date or date-time by ${units}, like ${name}:month`;
  }
  const field = hidden.has(name) ? undefined : object.field(name);
  const temporal: Temporal = SYSTEM_DATE_TIMES.has(name) ? 'datetime' : field ? temporalType(field) : undefined;
  if (!field && !SYSTEM_GROUPS.has(name) && !SYSTEM_DATE_TIMES.has(name)) {
    return unknownName('groupBy', name, msg`a field of ${object.name}`, [...readableNames(object, hidden), ...SYSTEM_GROUPS, ...SYSTEM_DATE_TIMES]).message;
  }
  if (unit !== undefined && !temporal) return `'${name}' is not a date or date-time field: only dates group by ${units}`;
  if (temporal === 'datetime' && unit === undefined) return `'${name}' is a date-time: group it by a period, like ${name}:day or ${name}:month (${units})`;
  if (field && !temporal && !GROUPABLE.has(field.type) && !(field.type === 'formula' && field.resultType !== 'number')) {
    return `'${name}' is a ${field.type} field: group by a picklist, text, boolean, lookup, date or the owner`;
  }
  return undefined;
}

/**
 * The store expression of a level's key, in the MongoDB subset both stores evaluate: the value,
 * or for a period the text of the period its UTC date falls in: 2026-03-01, 2026-W09 (ISO week,
 * whose year is the year of its Thursday), 2026-03, 2026-Q1, 2026. Records without a value group as null.
 */
export function levelKey(level: GroupLevel): unknown {
  const value = `$${level.field}`;
  if (!level.unit) return value;
  const present = { $ne: [{ $ifNull: [value, null] }, null] };
  return { $cond: [present, periodOf(value, level.unit), null] };
}

function periodOf(value: string, unit: DateUnit): unknown {
  switch (unit) {
    case 'day':
      return { $substrBytes: [value, 0, 10] };
    case 'month':
      return { $substrBytes: [value, 0, 7] };
    case 'year':
      return { $substrBytes: [value, 0, 4] };
    case 'quarter':
      return { $concat: [{ $substrBytes: [value, 0, 4] }, '-Q', { $toString: { $ceil: { $divide: [{ $toInt: { $substrBytes: [value, 5, 2] } }, 3] } } }] };
    case 'week': {
      const week = { $isoWeek: '$$at' };
      const thursday = { $add: ['$$at', { $multiply: [{ $subtract: [4, { $isoDayOfWeek: '$$at' }] }, DAY_MS] }] };
      return {
        $let: {
          vars: { at: { $dateFromString: { dateString: value } } },
          in: { $concat: [{ $toString: { $year: thursday } }, '-W', { $cond: [{ $lt: [week, 10] }, '0', ''] }, { $toString: week }] },
        },
      };
    }
    default:
      return assertNever(unit, 'period');
  }
}
