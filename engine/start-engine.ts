import type { Server } from 'node:http';
import { ensureFirstAdmin, type FirstAdmin } from './tenancy/first-admin.js';
import type { AddressInfo } from 'node:net';
import type { EngineConfig } from './config.js';
import { createApp } from './http/create-app.js';
import { JobScheduler, registerJobHandler } from './jobs/index.js';
import { deliverWebhook, EMAIL_DELIVER, emailDelivery, WEBHOOK_DELIVER, WebhookAllowlist } from './mail/index.js';
import { registerApprovalTimers } from './approvals/timer-handlers.js';
import { registerTimedRuleJobs } from './automation/index.js';
import { BACKFILL_JOB, configureBackfills, retireFormerPlainTextJob, runBackfill } from './setup/backfills/index.js';
import { DEFAULT_CACHE_MB, EmbeddedStoreProvider } from './store/embedded/index.js';
import { MongoStoreProvider } from './store/mongodb/index.js';
import type { StoreProvider } from './store/port.js';
import { DEFAULT_TENANT, Platform } from './tenancy/index.js';
import { DEFAULT_PACKS_DIR } from './packs/index.js';

export interface RunningEngine {
  platform: Platform;
  /** The due-job scheduler, running; tests call `runDue()` to fire jobs without waiting. */
  jobs: JobScheduler;
  /** Set when this start created the default tenant's first administrator. */
  firstAdmin?: FirstAdmin;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** How often an engine on a shared store looks for metadata changes made by other instances. */
const METADATA_POLL_MS = 1000;
/** How often the recycle bin and the audit log are emptied of what is older than the configured days. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
const DEFAULT_RECYCLE_BIN_DAYS = 15;

/** Opens the store, loads the default tenant's metadata and listens: used by main and by tests alike. */
export async function startEngine(config: EngineConfig): Promise<RunningEngine> {
  const provider: StoreProvider = config.mongodbUri
    ? await MongoStoreProvider.connect(config.mongodbUri, { allowStandalone: config.mongodbAllowStandalone ?? false })
    : new EmbeddedStoreProvider(config.dataDir, config.durability, (config.storeCacheMb ?? DEFAULT_CACHE_MB) * 1024 * 1024);
  const platform = new Platform(provider, new WebhookAllowlist(config.webhooks?.allowedHosts), config.http?.packsDir ?? DEFAULT_PACKS_DIR);
  const firstAdmin = await ensureFirstAdmin(await platform.tenant(DEFAULT_TENANT), config.admin ?? {});
  registerJobHandler(EMAIL_DELIVER, emailDelivery(config.mail ?? {}));
  registerJobHandler(WEBHOOK_DELIVER, deliverWebhook);
  registerApprovalTimers();
  registerTimedRuleJobs();
  retireFormerPlainTextJob();
  configureBackfills(config.backfills);
  registerJobHandler(BACKFILL_JOB, runBackfill);
  const jobs = new JobScheduler(platform, config.jobs);
  const app = createApp(platform, config.http);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  jobs.start();
  const poll = provider.kind === 'mongodb' ? setInterval(() => void platform.refreshAll().catch(console.error), METADATA_POLL_MS) : undefined;
  const purge = () => {
    void platform.purgeRecycleBins(config.recycleBinDays ?? DEFAULT_RECYCLE_BIN_DAYS).catch(console.error);
    if (config.auditRetentionDays !== undefined) void platform.purgeAuditLogs(config.auditRetentionDays).catch(console.error);
  };
  purge();
  const purger = setInterval(purge, PURGE_EVERY_MS);
  purger.unref();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    platform,
    jobs,
    ...(firstAdmin ? { firstAdmin } : {}),
    server,
    url: `http://${host}:${port}`,
    async stop() {
      if (poll) clearInterval(poll);
      clearInterval(purger);
      await jobs.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.close();
    },
  };
}
