import { expect } from 'chai';
import { nextOccasion, occasionOf } from '../../../engine/automation/occasions.js';
import { zonedInstant } from '../../../engine/automation/zoned-time.js';
import type { CompiledSchedule, CompiledTimeTrigger } from '../../../engine/metadata/automation-rules/time-trigger.js';
import type { StoredRecord } from '../../../engine/metadata/record-shape/record.js';

const HOUR = 3_600_000;
const record = (values: Record<string, unknown>) => ({ _id: 'r', _version: 1, _owner: 'u', ...values }) as unknown as StoredRecord;
const trigger = (values: Partial<CompiledTimeTrigger>): CompiledTimeTrigger => ({ field: 'due', holds: 'date', offsetMs: 0, at: '00:00', timeZone: 'UTC', ...values });
const schedule = (values: Partial<CompiledSchedule>): CompiledSchedule => ({ days: [1, 2, 3, 4, 5], at: '09:00', timeZone: 'UTC', filter: {}, ...values });

describe('automation: occasions of time-based and scheduled rules', () => {
  const cases: [string, string, string, string][] = [
    ['Shanghai, no summer time', '2026-03-10', '09:00', '2026-03-10T01:00:00.000Z'],
    ['Berlin in winter (UTC+1)', '2026-01-15', '09:00', '2026-01-15T08:00:00.000Z'],
    ['Berlin in summer (UTC+2)', '2026-07-15', '09:00', '2026-07-15T07:00:00.000Z'],
    ['Berlin on the day summer time starts', '2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
    ['New York on the day summer time ends', '2026-11-01', '09:00', '2026-11-01T14:00:00.000Z'],
  ];
  const zones: Record<string, string> = { Shanghai: 'Asia/Shanghai', Berlin: 'Europe/Berlin', 'New York': 'America/New_York' };
  for (const [name, day, at, expected] of cases) {
    it(`places ${day} ${at} in ${name} at ${expected}`, () => {
      const zone = Object.entries(zones).find(([key]) => name.startsWith(key))![1];
      expect(zonedInstant(day, at, zone).toISOString()).to.equal(expected);
    });
  }

  it('moves a date field\'s time by the offset, and gives no occasion while the field is empty', () => {
    expect(occasionOf(trigger({ offsetMs: -72 * HOUR, at: '09:00', timeZone: 'Asia/Shanghai' }), record({ due: '2026-03-10' }))?.toISOString()).to.equal('2026-03-07T01:00:00.000Z');
    expect(occasionOf(trigger({ holds: 'datetime', offsetMs: 24 * HOUR }), record({ due: '2026-03-10T15:30:00.000Z' }))?.toISOString()).to.equal('2026-03-11T15:30:00.000Z');
    expect(occasionOf(trigger({}), record({}))).to.equal(null);
    expect(occasionOf(trigger({}), record({ due: 'soon' }))).to.equal(null);
  });

  it('finds the next weekday at 09:00, skipping the weekend and a time already past today', () => {
    // 2026-12-04 is a Friday.
    expect(nextOccasion(schedule({}), new Date('2026-12-04T08:00:00Z')).toISOString()).to.equal('2026-12-04T09:00:00.000Z');
    expect(nextOccasion(schedule({}), new Date('2026-12-04T09:00:00Z')).toISOString()).to.equal('2026-12-07T09:00:00.000Z');
    expect(nextOccasion(schedule({ days: [0] }), new Date('2026-12-04T09:00:00Z')).toISOString()).to.equal('2026-12-06T09:00:00.000Z');
    // Saturday 00:30 in Shanghai is still Friday in UTC: the weekday counts where the rule's clock is.
    expect(nextOccasion(schedule({ timeZone: 'Asia/Shanghai' }), new Date('2026-12-04T16:30:00Z')).toISOString()).to.equal('2026-12-07T01:00:00.000Z');
  });
});
