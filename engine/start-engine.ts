import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureFirstAdmin, type FirstAdmin } from './tenancy/first-admin.js';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SHUTDOWN_GRACE_MS, type EngineConfig } from './config.js';
import { createApp, DEFAULT_BACKUP_DIR } from './http/create-app.js';
import { resolve } from 'node:path';
import { BACKUP_JOB, DEFAULT_BACKUP_RETENTION, scheduledBackup, scheduleBackups, type BackupSettings } from './backup/index.js';
import { Readiness } from './http/readiness.js';
import { JobScheduler, registerJobHandler } from './jobs/index.js';
import { deliverWebhookEvent, WEBHOOK_EVENT_DELIVER, WEBHOOK_RETRY } from './webhooks/index.js';
import { deliverWebhook, EMAIL_DELIVER, emailDelivery, WEBHOOK_DELIVER, WebhookAllowlist } from './mail/index.js';
import { registerApprovalTimers } from './approvals/timer-handlers.js';
import { registerTimedRuleJobs } from './automation/index.js';
import { BACKFILL_JOB, configureBackfills, retireFormerPlainTextJob, runBackfill } from './setup/backfills/index.js';
import { DEFAULT_CACHE_MB, EmbeddedStoreProvider } from './store/embedded/index.js';
import { MongoStoreProvider } from './store/mongodb/index.js';
import type { StoreProvider } from './store/port.js';
import { countBacklog, DEFAULT_TENANT, Platform } from './tenancy/index.js';
import { DEFAULT_PACKS_DIR } from './packs/index.js';
import { PdfRenderer } from './templates/index.js';
import { installDemoTenant, type DemoTenant } from './demo/index.js';
import { IMPORT_JOB, runImportJob } from './records/import/index.js';
import { countBacklogWith, log, setLogLevel } from './observability/index.js';
import { loadMasterKey } from './crypto/index.js';
import { KEY_ROTATION_JOB, runKeyRotation } from './setup/key-rotation/index.js';

export interface RunningEngine {
  platform: Platform;
  /** The due-job scheduler, running; tests call `runDue()` to fire jobs without waiting. */
  jobs: JobScheduler;
  /** Set when this start created the default tenant's first administrator. */
  firstAdmin?: FirstAdmin;
  /** Set when this start made the new default tenant a demo (`demo` in the configuration): the packs, and the demo users with their passwords. */
  demo?: DemoTenant;
  server: Server;
  url: string;
  /**
   * Shuts down gracefully: takes no new requests (/ready answers 503), lets running requests and
   * the running job finish for up to `graceMs` (SHUTDOWN_GRACE_MS), cuts what is left, then closes
   * the store. Resolves `clean: false` when something had to be cut.
   */
  shutdown(graceMs?: number): Promise<StopOutcome>;
  /** `shutdown()` with the configured grace period. */
  stop(): Promise<void>;
}

export interface StopOutcome {
  /** Every request and job ended by itself within the grace period. */
  clean: boolean;
}

/** How often a shutdown closes the kept-alive connections whose request has been answered meanwhile. */
const IDLE_SWEEP_MS = 25;

/** How often an engine on a shared store looks for metadata changes made by other instances. */
const METADATA_POLL_MS = 1000;
/** How often the recycle bin, the change feed and the audit log are emptied of what is older than the configured days. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
const DEFAULT_RECYCLE_BIN_DAYS = 15;
const DEFAULT_CHANGE_FEED_DAYS = 30;

/**
 * Opens the store, listens (answering 503 but /health and /ready until ready), loads the default
 * tenant's metadata, and starts the jobs: used by main and by tests alike.
 */
export async function startEngine(config: EngineConfig): Promise<RunningEngine> {
  if (config.logLevel) setLogLevel(config.logLevel);
  const provider: StoreProvider = config.mongodbUri
    ? await MongoStoreProvider.connect(config.mongodbUri, { allowStandalone: config.mongodbAllowStandalone ?? false, ...(config.mongodbDatabasePrefix ? { databasePrefix: config.mongodbDatabasePrefix } : {}) })
    : new EmbeddedStoreProvider(config.dataDir, config.durability, (config.storeCacheMb ?? DEFAULT_CACHE_MB) * 1024 * 1024);
  const packsDir = config.http?.packsDir ?? DEFAULT_PACKS_DIR;
  const masterKey = loadMasterKey(config.masterKey ?? {}, config.dataDir);
  const platform = new Platform(provider, masterKey, new WebhookAllowlist(config.webhooks?.allowedHosts), packsDir);
  registerJobHandler(EMAIL_DELIVER, emailDelivery(config.mail ?? {}));
  registerJobHandler(WEBHOOK_DELIVER, deliverWebhook);
  const webhookRetry = { ...WEBHOOK_RETRY, ...config.webhooks?.retry };
  registerJobHandler(WEBHOOK_EVENT_DELIVER, deliverWebhookEvent(webhookRetry), webhookRetry);
  registerApprovalTimers();
  registerTimedRuleJobs();
  retireFormerPlainTextJob();
  configureBackfills(config.backfills);
  registerJobHandler(BACKFILL_JOB, runBackfill);
  registerJobHandler(IMPORT_JOB, runImportJob);
  registerJobHandler(KEY_ROTATION_JOB, runKeyRotation);
  const backups: BackupSettings = { dir: config.backups?.dir ?? resolve(DEFAULT_BACKUP_DIR), keep: config.backups?.keep ?? DEFAULT_BACKUP_RETENTION, ...(config.backups?.everyHours ? { everyHours: config.backups.everyHours } : {}) };
  registerJobHandler(BACKUP_JOB, scheduledBackup(platform, backups));
  const readiness = new Readiness();
  const pdf = config.http?.pdf ?? new PdfRenderer(config.printing);
  const app = createApp(platform, { ...config.http, pdf, backupDir: backups.dir }, readiness);
  let server: Server;
  let firstAdmin: FirstAdmin | undefined;
  let demo: DemoTenant | undefined;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(config.port, config.host, () => resolve(listening));
      listening.once('error', reject);
    });
  } catch (error) {
    await platform.close();
    throw error;
  }
  try {
    // Opening the default tenant runs the store's migrations and builds its indexes: /ready waits for it.
    const tenant = await platform.tenant(DEFAULT_TENANT);
    firstAdmin = await ensureFirstAdmin(tenant, config.admin ?? {});
    // Only a tenant this start made new becomes a demo: a restart finds its users and leaves it alone. /ready waits for it too.
    if (config.demo && firstAdmin) demo = await installDemoTenant(tenant, packsDir, firstAdmin.userId);
    await scheduleBackups(platform, backups);
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await platform.close();
    throw error;
  }
  const jobs = new JobScheduler(platform, config.jobs);
  jobs.start();
  const poll = provider.kind === 'mongodb' ? setInterval(() => void platform.refreshAll().catch((error: unknown) => log.error({ err: error }, 'metadata: refreshing the tenants failed')), METADATA_POLL_MS) : undefined;
  const purge = () => {
    void platform.purgeRecycleBins(config.recycleBinDays ?? DEFAULT_RECYCLE_BIN_DAYS).catch((error: unknown) => log.error({ err: error }, 'recycle bin: purging failed'));
    void platform.purgeChangeFeeds(config.changeFeedDays ?? DEFAULT_CHANGE_FEED_DAYS).catch((error: unknown) => log.error({ err: error }, 'change feed: purging failed'));
    if (config.auditRetentionDays !== undefined) void platform.purgeAuditLogs(config.auditRetentionDays).catch((error: unknown) => log.error({ err: error }, 'audit: purging failed'));
  };
  purge();
  const purger = setInterval(purge, PURGE_EVERY_MS);
  purger.unref();
  const stopCounting = countBacklogWith(() => countBacklog(platform));
  readiness.ready();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  let stopping: Promise<StopOutcome> | undefined;
  const shutdown = (graceMs = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS): Promise<StopOutcome> => {
    stopping ??= (async () => {
      readiness.stopping();
      if (poll) clearInterval(poll);
      clearInterval(purger);
      stopCounting();
      const outcome = await drain(server, jobs, graceMs);
      await pdf.close();
      await platform.close();
      return outcome;
    })();
    return stopping;
  };
  return {
    platform,
    jobs,
    ...(firstAdmin ? { firstAdmin } : {}),
    ...(demo ? { demo } : {}),
    server,
    url: `http://${host}:${port}`,
    shutdown,
    async stop() {
      await shutdown();
    },
  };
}

/**
 * Stops accepting connections and waits, up to `graceMs`, for the requests being answered and the
 * job being run; then cuts whatever connection is left. The store stays open throughout, so that
 * what finishes in time is written.
 */
async function drain(server: Server, jobs: JobScheduler, graceMs: number): Promise<StopOutcome> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A kept-alive connection stays open after its answer: closed as soon as it is idle.
  server.closeIdleConnections();
  const sweeper = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const grace = new AbortController();
  const timeUp = sleep(graceMs, false, { signal: grace.signal }).catch(() => false);
  try {
    const [requests, running] = await Promise.all([Promise.race([closed.then(() => true), timeUp]), Promise.race([jobs.stop().then(() => true), timeUp])]);
    if (!requests) server.closeAllConnections();
    if (!requests || !running) log.warn({ requests, jobs: running, graceMs }, 'shutdown: the grace period ended before every request and job did');
    return { clean: requests && running };
  } finally {
    clearInterval(sweeper);
    grace.abort();
  }
}
