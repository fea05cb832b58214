import { expect } from 'chai';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_JOB } from '../../engine/backup/index.js';
import { JOBS_COLLECTION, type JobDoc } from '../../engine/jobs/index.js';
import { startConfiguredEngine, type ConfiguredEngine } from '../support/configured-engine.js';

const HOUR = 3_600_000;

describe('scheduled backups with retention, as a job', () => {
  let engine: ConfiguredEngine;
  let backupDir: string;
  const dueBackups = () => engine.tenant.store.collection<JobDoc>(JOBS_COLLECTION).find({ kind: BACKUP_JOB, status: 'due' });
  const backups = () => readdirSync(backupDir).sort();

  before(async () => {
    backupDir = mkdtempSync(join(tmpdir(), 'crm-scheduled-backups-'));
    engine = await startConfiguredEngine({ backups: { dir: backupDir, everyHours: 24, keep: { daily: 2, weekly: 1 } } });
  });
  after(async () => {
    await engine.stop(true);
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('schedules the first backup one period after the start, once however often the platform starts', async () => {
    const [job] = await dueBackups();
    expect(new Date(job!.dueAt).getTime()).to.be.closeTo(Date.now() + 24 * HOUR, 60_000);
    expect(await dueBackups()).to.have.length(1);
    expect(await engine.jobs.runDue(new Date(Date.now() + 23 * HOUR))).to.equal(0);
    expect(backups()).to.deep.equal([]);
  });

  it('backs up every tenant when due, schedules the next run, and prunes the scheduled backups past the retention, leaving those made by hand', async () => {
    expect(await engine.jobs.runDue(new Date(Date.now() + 25 * HOUR))).to.equal(1);
    const [first] = backups();
    expect(first).to.match(/^scheduled-\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    const manifest = JSON.parse(readFileSync(join(backupDir, first!, 'backup.json'), 'utf8'));
    expect(manifest).to.include({ scheduled: true, formatVersion: 1 });
    expect(manifest.tenants.map((tenant: { name: string }) => tenant.name)).to.deep.equal(['default']);
    const [next] = await dueBackups();
    expect(new Date(next!.dueAt).getTime()).to.be.closeTo(Date.now() + 48 * HOUR, 60_000);

    // Older backups, as earlier runs would have left them: three days ago (twice), ten days ago, and one made by hand.
    const copy = (name: string, daysAgo: number, scheduled: boolean) => {
      cpSync(join(backupDir, first!), join(backupDir, name), { recursive: true });
      const createdAt = new Date(Date.now() - daysAgo * 24 * HOUR).toISOString();
      writeFileSync(join(backupDir, name, 'backup.json'), JSON.stringify({ ...manifest, name, createdAt, scheduled }));
    };
    copy('scheduled-old-3a', 3, true);
    copy('scheduled-old-3b', 3.01, true);
    copy('scheduled-old-10', 10, true);
    copy('backup-by-hand-10', 10, false);
    expect(await engine.jobs.runDue(new Date(Date.now() + 49 * HOUR))).to.equal(1);
    const left = backups();
    // Kept: the newest of the two days that have backups (today's newest, the newer of three days ago) and of this week (today's), and the one by hand.
    expect(left).to.include('backup-by-hand-10');
    expect(left).to.include('scheduled-old-3a');
    expect(left).to.not.include('scheduled-old-3b');
    expect(left).to.not.include('scheduled-old-10');
    expect(left.filter((name) => /^scheduled-\d{8}T/.test(name))).to.have.length(1);
  });
});
