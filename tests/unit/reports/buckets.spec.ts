import { expect } from 'chai';
import { addDays, isoWeek } from '../../../engine/metadata/reports/calendar.js';
import { relativeRange } from '../../../engine/metadata/reports/relative-periods.js';
import { BUCKETS } from '../../../engine/metadata/reports/report-parts.js';
import { bucketKey, bucketRange } from '../../../engine/reports/buckets.js';

const calendar = { today: '2026-12-07', fiscalStartMonth: 4 };
const AGING = [30, 60, 90];

describe('report buckets and relative periods', () => {
  const weeks: [day: string, week: string][] = [
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
  ];
  for (const [day, week] of weeks) {
    it(`puts ${day} in ISO week ${week} (the year of its Thursday)`, () => expect(isoWeek(day)).to.equal(week));
  }

  it('names fiscal years by the calendar year they end in, quarters from the start month', () => {
    expect(bucketKey('2026-03-31', 'fiscalYear', calendar, AGING)).to.equal('FY2026');
    expect(bucketKey('2026-04-01', 'fiscalYear', calendar, AGING)).to.equal('FY2027');
    expect(bucketKey('2026-04-01', 'fiscalQuarter', calendar, AGING)).to.equal('FY2027-Q1');
    expect(bucketKey('2027-01-15', 'fiscalQuarter', calendar, AGING)).to.equal('FY2027-Q4');
    expect(bucketKey('2026-12-07', 'fiscalYear', { ...calendar, fiscalStartMonth: 1 }, AGING)).to.equal('FY2026');
  });

  it('gives every bucket a range that holds the days it was made of, and no day beside', () => {
    const days = Array.from({ length: 800 }, (_, i) => addDays('2025-06-01', i * 3));
    for (const bucket of BUCKETS) {
      for (const day of days) {
        const key = bucketKey(day, bucket, calendar, AGING);
        const range = bucketRange(key, bucket, calendar, AGING)!;
        expect(range, `${bucket} ${String(key)}`).to.not.equal(undefined);
        expect(range.from === undefined || day >= range.from, `${day} in ${bucket} ${String(key)} from ${range.from}`).to.equal(true);
        expect(range.to === undefined || day < range.to, `${day} in ${bucket} ${String(key)} to ${range.to}`).to.equal(true);
        if (range.from) expect(bucketKey(addDays(range.from, -1), bucket, calendar, AGING), `the day before ${bucket} ${String(key)}`).to.not.equal(key);
      }
    }
  });

  it('ages a date to today: on or after today current, then the ranges, over the last one', () => {
    const aged = [0, -1, 1, 30, 31, 60, 61, 90, 91, 400].map((age) => bucketKey(addDays(calendar.today, -age), 'aging', calendar, AGING));
    expect(aged).to.deep.equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  const periods: [period: string, from: string, to: string][] = [
    ['today', '2026-12-07', '2026-12-08'],
    ['yesterday', '2026-12-06', '2026-12-07'],
    ['before_today', '0001-01-01', '2026-12-07'],
    ['after_today', '2026-12-08', '9999-12-31'],
    ['this_week', '2026-12-07', '2026-12-14'],
    ['last_week', '2026-11-30', '2026-12-07'],
    ['this_month', '2026-12-01', '2027-01-01'],
    ['next_month', '2027-01-01', '2027-02-01'],
    ['last_quarter', '2026-07-01', '2026-10-01'],
    ['this_year', '2026-01-01', '2027-01-01'],
    ['this_fiscal_year', '2026-04-01', '2027-04-01'],
    ['last_fiscal_year', '2025-04-01', '2026-04-01'],
    ['last_30_days', '2026-11-07', '2026-12-08'],
    ['next_7_days', '2026-12-07', '2026-12-15'],
    ['this_month_to_date', '2026-12-01', '2026-12-08'],
    ['last_month_to_date', '2026-11-01', '2026-11-08'],
    ['last_week_to_date', '2026-11-30', '2026-12-01'],
    ['last_quarter_to_date', '2026-07-01', '2026-09-07'],
    ['last_year_to_date', '2025-01-01', '2025-12-08'],
    ['last_fiscal_year_to_date', '2025-04-01', '2025-12-08'],
  ];
  for (const [period, from, to] of periods) {
    it(`reads ${period} on 2026-12-07 as ${from} up to ${to}`, () => expect(relativeRange(period, calendar.today, calendar.fiscalStartMonth)).to.deep.equal({ from, to }));
  }

  it('stops a last period to date at its own end when the days so far outnumber its days', () => {
    expect(relativeRange('last_month_to_date', '2026-03-31')).to.deep.equal({ from: '2026-02-01', to: '2026-03-01' });
    expect(relativeRange('last_month_to_date', '2026-03-28')).to.deep.equal({ from: '2026-02-01', to: '2026-03-01' });
    expect(relativeRange('last_month_to_date', '2026-03-27')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('knows no other period', () => {
    for (const period of ['someday', 'last_0_days', 'last_99999_days', 'this_decade']) expect(relativeRange(period, calendar.today)).to.equal(undefined);
  });
});
