import { expect } from 'chai';
import { keptBackups } from '../../../engine/backup/index.js';

/** Backups at the given UTC date-times, named after them. */
const at = (...times: string[]) => times.map((time) => ({ name: time, createdAt: `${time}Z` }));

describe('backup retention: keep N daily and M weekly', () => {
  const cases: { title: string; backups: string[]; daily: number; weekly: number; kept: string[] }[] = [
    {
      title: 'keeps the newest backup of each of the last N days',
      backups: ['2026-12-01T02:00:00', '2026-12-02T02:00:00', '2026-12-03T02:00:00', '2026-12-03T14:00:00'],
      daily: 2,
      weekly: 0,
      kept: ['2026-12-03T14:00:00', '2026-12-02T02:00:00'],
    },
    {
      title: 'counts days that have a backup, not calendar days',
      backups: ['2026-11-20T02:00:00', '2026-12-03T02:00:00'],
      daily: 2,
      weekly: 0,
      kept: ['2026-12-03T02:00:00', '2026-11-20T02:00:00'],
    },
    {
      // 2026-11-30 is a Monday: the week of 11-23 ends with the backup of Sunday 11-29.
      title: 'keeps the newest backup of each of the last M weeks, Monday to Sunday',
      backups: ['2026-11-16T02:00:00', '2026-11-24T02:00:00', '2026-11-29T02:00:00', '2026-11-30T02:00:00', '2026-12-03T02:00:00'],
      daily: 1,
      weekly: 3,
      kept: ['2026-12-03T02:00:00', '2026-11-29T02:00:00', '2026-11-16T02:00:00'],
    },
    {
      title: 'always keeps the newest backup, even when told to keep none',
      backups: ['2026-12-01T02:00:00', '2026-12-02T02:00:00'],
      daily: 0,
      weekly: 0,
      kept: ['2026-12-02T02:00:00'],
    },
  ];
  for (const { title, backups, daily, weekly, kept } of cases) {
    it(title, () => {
      expect([...keptBackups(at(...backups), { daily, weekly })].sort()).to.deep.equal([...kept].sort());
    });
  }
});
