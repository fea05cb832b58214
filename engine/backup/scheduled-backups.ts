import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { enqueueJob, JOBS_COLLECTION, type JobHandler, type NewJob } from '../jobs/index.js';
import { log } from '../observability/index.js';
import { DEFAULT_TENANT, type Platform } from '../tenancy/index.js';
import { keptBackups, type RetentionPolicy } from './backup-retention.js';
import { createBackup } from './create-backup.js';
import { listBackups } from './list-backups.js';

export const BACKUP_JOB = 'platform.backup';

export interface BackupSettings {
  /** BACKUP_DIR: where backups are written and read from. */
  dir: string;
  /** BACKUP_EVERY_HOURS: the schedule; none, no scheduled backups. */
  everyHours?: number;
  /** BACKUP_KEEP_DAILY and BACKUP_KEEP_WEEKLY: what the schedule's retention keeps. */
  keep: RetentionPolicy;
}

export const DEFAULT_BACKUP_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

/**
 * The scheduled backup is a due-job of the default tenant (one for the whole platform): claimed
 * with a lease, so that of several instances one makes it; retried with back-off when it fails;
 * listed with the other jobs. Each run backs up every tenant, prunes the scheduled backups the
 * retention no longer keeps (backups made by hand stay), and enqueues the next run.
 */
export function scheduledBackup(platform: Platform, settings: BackupSettings): JobHandler {
  return async (tenant, job) => {
    const manifest = await createBackup(platform, settings.dir, { scheduled: true });
    log.info({ backup: manifest.name, tenants: manifest.tenants.length }, 'backup: scheduled backup written');
    await pruneScheduledBackups(settings);
    if (settings.everyHours) await tenant.store.unitOfWork((tx) => enqueueJob(tx, nextRun(settings.everyHours!, new Date(job.dueAt))));
  };
}

/**
 * The run one period after `after` (the run before, or now), or now when that has passed (the
 * platform was down): keyed by its hour, so that two instances starting in the same hour enqueue one
 * job between them, while a run (its job still due) enqueues the next under another key.
 */
function nextRun(everyHours: number, after = new Date()): NewJob {
  const dueAt = new Date(Math.max(after.getTime() + everyHours * 3_600_000, Date.now()));
  return { kind: BACKUP_JOB, dueAt, payload: {}, key: `${BACKUP_JOB}@${dueAt.toISOString().slice(0, 13)}` };
}

/** Removes the scheduled backups the retention does not keep; returns their names. */
export async function pruneScheduledBackups(settings: BackupSettings): Promise<string[]> {
  const scheduled = (await listBackups(settings.dir)).filter((backup) => backup.scheduled);
  const kept = keptBackups(scheduled, settings.keep);
  const pruned = scheduled.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
  for (const name of pruned) await rm(join(settings.dir, name), { recursive: true, force: true });
  if (pruned.length > 0) log.info({ pruned }, 'backup: scheduled backups past the retention removed');
  return pruned;
}

/** At start: a first scheduled backup due in one period, unless one is due already. */
export async function scheduleBackups(platform: Platform, settings: BackupSettings): Promise<void> {
  if (!settings.everyHours) return;
  const tenant = await platform.tenant(DEFAULT_TENANT);
  await tenant.store.unitOfWork(async (tx) => {
    if (await tx.collection(JOBS_COLLECTION).findOne({ kind: BACKUP_JOB, status: 'due' })) return;
    await enqueueJob(tx, nextRun(settings.everyHours!));
  });
}
