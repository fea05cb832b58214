import { resolve } from 'node:path';
import type { AppOptions } from './http/create-app.js';
import type { JobSchedulerOptions } from './jobs/index.js';
import type { BackfillSettings } from './setup/backfills/index.js';
import { WebhookAllowlist, type MailSettings } from './mail/index.js';
import type { RetryPolicy } from './jobs/index.js';
import { DEFAULT_CACHE_MB, type Durability } from './store/embedded/index.js';
import type { PdfSettings } from './templates/index.js';
import { LOG_LEVELS, type LogLevel } from './observability/index.js';
import { DEFAULT_BACKUP_RETENTION, type BackupSettings } from './backup/index.js';
import { masterKeySettingFromEnv, type MasterKeySetting } from './crypto/index.js';

export interface EngineConfig {
  port: number;
  host: string;
  /** Where the embedded store keeps its files (one directory per tenant). */
  dataDir: string;
  /** When set, MongoDB replaces the embedded store. */
  mongodbUri?: string;
  /** Start on a standalone mongod although its units of work are not atomic (MONGODB_ALLOW_STANDALONE=true; development only). */
  mongodbAllowStandalone?: boolean;
  /** MONGODB_DB_PREFIX: what every database of this deployment's tenants starts with (`crm_` by default), so deployments share a cluster. */
  mongodbDatabasePrefix?: string;
  durability: Durability;
  /** The embedded store's cache of parsed documents per tenant, in MiB (STORE_CACHE_MB, 128 by default). */
  storeCacheMb?: number;
  /** Days a deleted record stays in the recycle bin before it is purged for good. */
  recycleBinDays?: number;
  /** Days an audit entry is kept; none: kept for good (compliance decides, not the platform). */
  auditRetentionDays?: number;
  /** CHANGE_FEED_DAYS: days the change feed keeps an entry (30 by default); a reader further behind is told its cursor expired. */
  changeFeedDays?: number;
  /**
   * A start on an empty default tenant installs every pack of the packs folder with its demo data
   * and gives the demo users passwords (RunningEngine.demo). From the environment it is on unless
   * DEMO=0; left out of a configuration (the engines of tests), it is off.
   */
  demo?: boolean;
  /** The first administrator of a tenant without users; without a password one is generated and printed. */
  admin?: { email?: string; password?: string };
  /** The HTTP layer's options: the operator token, rate limits, the body limit. */
  http?: AppOptions;
  /** The due-job scheduler: poll interval (JOB_POLL_MS), lease, attempts and back-off; each one left out takes its default. */
  jobs?: Partial<JobSchedulerOptions>;
  /** Derived values of existing records after a metadata change: how many records are still done inline, batch bounds. */
  backfills?: Partial<BackfillSettings>;
  /** Outgoing e-mail: the SMTP server (SMTP_URL) and the sender (MAIL_FROM). */
  mail?: MailSettings;
  /** Outgoing webhooks: the internal hosts they may call besides public addresses (WEBHOOK_ALLOWED_HOSTS). */
  webhooks?: WebhookSettings;
  /** Printing records to PDF: the Chromium to use (CHROMIUM_PATH) and how long a PDF may take (PDF_TIMEOUT_MS). */
  printing?: PdfSettings;
  /** Backups: BACKUP_DIR, and the schedule BACKUP_EVERY_HOURS with its retention BACKUP_KEEP_DAILY / BACKUP_KEEP_WEEKLY. */
  backups?: Partial<BackupSettings>;
  /** The master key that wraps the tenants' data keys: CRM_MASTER_KEY or CRM_MASTER_KEY_FILE; neither, one generated in the data directory (docs/operations.md, Keys). */
  masterKey?: MasterKeySetting;
  /** LOG_LEVEL: info by default from the environment; left out, the level stays as it is (nothing is logged in tests). */
  logLevel?: LogLevel;
  /**
   * SHUTDOWN_GRACE_MS: on SIGTERM or SIGINT, how long running requests and jobs get to finish before
   * their connections are cut and the store closes anyway.
   */
  shutdownGraceMs?: number;
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface WebhookSettings {
  /** Host names, IP addresses or CIDR ranges inside the network that webhooks may call (on-premise integrations). */
  allowedHosts?: string[];
  /** How the deliveries of the webhook kind are retried (default WEBHOOK_RETRY: 10 attempts from 30 s doubling to an hour, half of each wait at random). */
  retry?: RetryPolicy;
}

/** An operator token short enough to guess would open every tenant's creation to whoever guesses it. */
const MIN_OPERATOR_TOKEN_LENGTH = 32;

/** Reads the configuration from the environment; README's "Configuration" lists the same names. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const durability = env.DURABILITY ?? 'process';
  if (durability !== 'process' && durability !== 'power') throw new Error(`DURABILITY must be 'process' or 'power', got '${durability}'`);
  const storeCacheMb = Number(env.STORE_CACHE_MB || DEFAULT_CACHE_MB);
  if (!Number.isFinite(storeCacheMb) || storeCacheMb < 0) throw new Error(`STORE_CACHE_MB must be a number of MiB, got '${env.STORE_CACHE_MB}'`);
  const recycleBinDays = Number(env.RECYCLE_BIN_DAYS ?? 15);
  if (!Number.isFinite(recycleBinDays) || recycleBinDays < 0) throw new Error(`RECYCLE_BIN_DAYS must be a number of days, got '${env.RECYCLE_BIN_DAYS}'`);
  const auditRetentionDays = env.AUDIT_RETENTION_DAYS === undefined || env.AUDIT_RETENTION_DAYS === '' ? undefined : Number(env.AUDIT_RETENTION_DAYS);
  if (auditRetentionDays !== undefined && !(Number.isFinite(auditRetentionDays) && auditRetentionDays >= 1)) {
    throw new Error(`AUDIT_RETENTION_DAYS must be a number of days, at least 1, got '${env.AUDIT_RETENTION_DAYS}'`);
  }
  const changeFeedDays = env.CHANGE_FEED_DAYS?.trim() ? Number(env.CHANGE_FEED_DAYS) : undefined;
  if (changeFeedDays !== undefined && !(Number.isFinite(changeFeedDays) && changeFeedDays >= 1)) throw new Error(`CHANGE_FEED_DAYS must be a number of days, at least 1, got '${env.CHANGE_FEED_DAYS}'`);
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!(LOG_LEVELS as string[]).includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${env.LOG_LEVEL}'`);
  const shutdownGraceMs = env.SHUTDOWN_GRACE_MS?.trim() ? Number(env.SHUTDOWN_GRACE_MS) : DEFAULT_SHUTDOWN_GRACE_MS;
  if (!Number.isInteger(shutdownGraceMs) || shutdownGraceMs < 0) throw new Error(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds, got '${env.SHUTDOWN_GRACE_MS}'`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    logLevel: logLevel as LogLevel,
    shutdownGraceMs,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}),
    ...(allowStandalone(env.MONGODB_ALLOW_STANDALONE) ? { mongodbAllowStandalone: true } : {}),
    ...(env.MONGODB_DB_PREFIX ? { mongodbDatabasePrefix: databasePrefix(env.MONGODB_DB_PREFIX) } : {}),
    durability,
    storeCacheMb,
    recycleBinDays,
    ...(auditRetentionDays !== undefined ? { auditRetentionDays } : {}),
    ...(changeFeedDays !== undefined ? { changeFeedDays } : {}),
    demo: demoFromEnv(env.DEMO),
    admin: { ...(env.ADMIN_EMAIL ? { email: env.ADMIN_EMAIL } : {}), ...(env.ADMIN_PASSWORD ? { password: env.ADMIN_PASSWORD } : {}) },
    http: httpFromEnv(env),
    jobs: jobsFromEnv(env),
    backfills: backfillsFromEnv(env),
    mail: mailFromEnv(env),
    webhooks: webhooksFromEnv(env),
    printing: printingFromEnv(env),
    backups: backupsFromEnv(env),
    masterKey: masterKeySettingFromEnv(env),
  };
}

/** BACKUP_DIR (./backups), BACKUP_EVERY_HOURS (no schedule), BACKUP_KEEP_DAILY (7), BACKUP_KEEP_WEEKLY (4). */
function backupsFromEnv(env: NodeJS.ProcessEnv): Partial<BackupSettings> {
  const whole = (name: string, fallback: number | undefined, least: number): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be a whole number, at least ${least}, got '${env[name]}'`);
    return value;
  };
  const everyHours = whole('BACKUP_EVERY_HOURS', undefined, 1);
  return {
    dir: resolve(env.BACKUP_DIR?.trim() || 'backups'),
    ...(everyHours === undefined ? {} : { everyHours }),
    keep: { daily: whole('BACKUP_KEEP_DAILY', DEFAULT_BACKUP_RETENTION.daily, 0)!, weekly: whole('BACKUP_KEEP_WEEKLY', DEFAULT_BACKUP_RETENTION.weekly, 0)! },
  };
}

/** CHROMIUM_PATH: the browser PDFs are printed with; PDF_TIMEOUT_MS: a whole number of milliseconds, at least 1000. */
function printingFromEnv(env: NodeJS.ProcessEnv): PdfSettings {
  const timeout = env.PDF_TIMEOUT_MS;
  const timeoutMs = timeout === undefined || timeout === '' ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs >= 1000)) throw new Error(`PDF_TIMEOUT_MS must be a whole number of milliseconds, at least 1000, got '${timeout}'`);
  return { ...(env.CHROMIUM_PATH ? { chromiumPath: env.CHROMIUM_PATH } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
}

/** DEMO: '1' (the default) or '0'; anything else stops the start rather than being guessed at. */
function demoFromEnv(value: string | undefined): boolean {
  const text = value?.trim() ?? '';
  if (text === '' || text === '1') return true;
  if (text === '0') return false;
  throw new Error(`DEMO must be '1' (install the packs with demo data into a new tenant) or '0' (start empty), got '${value}'`);
}

/** MONGODB_ALLOW_STANDALONE: 'true' or 'false' (or unset); anything else stops the start rather than being guessed at. */
function allowStandalone(value: string | undefined): boolean {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new Error(`MONGODB_ALLOW_STANDALONE must be 'true' or 'false', got '${value}'`);
}

function jobsFromEnv(env: NodeJS.ProcessEnv): Partial<JobSchedulerOptions> {
  const value = env.JOB_POLL_MS;
  if (value === undefined || value === '') return {};
  const pollMs = Number(value);
  if (!Number.isInteger(pollMs) || pollMs < 10) throw new Error(`JOB_POLL_MS must be a whole number of milliseconds, at least 10, got '${value}'`);
  return { pollMs };
}

/** BACKFILL_INLINE_LIMIT, BACKFILL_BATCH_RECORDS, BACKFILL_BATCH_MS: whole numbers; each one unset takes its default. */
export function backfillsFromEnv(env: NodeJS.ProcessEnv): Partial<BackfillSettings> {
  const settings: Partial<BackfillSettings> = {};
  const names = { inlineLimit: 'BACKFILL_INLINE_LIMIT', batchRecords: 'BACKFILL_BATCH_RECORDS', batchMs: 'BACKFILL_BATCH_MS' } as const;
  for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const number = Number(value);
    if (!Number.isInteger(number) || number < (key === 'inlineLimit' ? 0 : 1)) throw new Error(`${name} must be a whole number${key === 'inlineLimit' ? '' : ' above 0'}, got '${value}'`);
    settings[key] = number;
  }
  return settings;
}

/** WEBHOOK_ALLOWED_HOSTS: a comma-separated list, checked now so that a typo stops the start, not a delivery. */
function webhooksFromEnv(env: NodeJS.ProcessEnv): WebhookSettings {
  const allowedHosts = (env.WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  new WebhookAllowlist(allowedHosts);
  return { allowedHosts };
}

function mailFromEnv(env: NodeJS.ProcessEnv): MailSettings {
  const smtpUrl = env.SMTP_URL;
  if (smtpUrl) {
    let protocol: string | undefined;
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error('SMTP_URL must be a URL like smtp://user:password@mail.example.com:587 or smtps://mail.example.com:465');
  }
  return { ...(smtpUrl ? { smtpUrl } : {}), ...(env.MAIL_FROM ? { from: env.MAIL_FROM } : {}) };
}

function httpFromEnv(env: NodeJS.ProcessEnv): AppOptions {
  const operatorToken = env.OPERATOR_TOKEN;
  if (operatorToken && operatorToken.length < MIN_OPERATOR_TOKEN_LENGTH) {
    throw new Error(`OPERATOR_TOKEN must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters long (for instance from: openssl rand -base64 32)`);
  }
  const loginPerMinute = perMinute(env, 'LOGIN_RATE_LIMIT_PER_MINUTE');
  const apiPerMinute = perMinute(env, 'API_RATE_LIMIT_PER_MINUTE');
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl && !/^https?:\/\/[^/\s]+/.test(publicUrl)) throw new Error(`PUBLIC_URL must be the address users open, like https://crm.example.com, got '${publicUrl}'`);
  const trustProxy = trustProxyFromEnv(env.TRUST_PROXY);
  const fileSizeMb = env.FILE_SIZE_LIMIT_MB === undefined ? undefined : Number(env.FILE_SIZE_LIMIT_MB);
  if (fileSizeMb !== undefined && !(fileSizeMb > 0)) throw new Error(`FILE_SIZE_LIMIT_MB must be a number of megabytes above 0, got '${env.FILE_SIZE_LIMIT_MB}'`);
  const metricsToken = env.METRICS_TOKEN;
  if (metricsToken && metricsToken.length < MIN_OPERATOR_TOKEN_LENGTH) {
    throw new Error(`METRICS_TOKEN must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters long (for instance from: openssl rand -base64 32)`);
  }
  return {
    ...(fileSizeMb === undefined ? {} : { fileSizeLimit: Math.round(fileSizeMb * 1024 * 1024) }),
    ...(operatorToken ? { operatorToken } : {}),
    ...(metricsToken ? { metricsToken } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(env.PACKS_DIR?.trim() ? { packsDir: resolve(env.PACKS_DIR.trim()) } : {}),
    rateLimits: { ...(loginPerMinute === undefined ? {} : { loginPerMinute }), ...(apiPerMinute === undefined ? {} : { apiPerMinute }) },
  };
}

/** TRUST_PROXY: true/false, a number of proxy hops, or express's address list ('loopback', '10.0.0.0/8'). */
function trustProxyFromEnv(value: string | undefined): boolean | number | string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

function perMinute(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`${name} must be a whole number of requests per minute, at least 1, got '${value}'`);
  return limit;
}

/** A prefix MongoDB accepts in database names (at most 63 bytes with the tenant's name): letters, digits, _ and -. */
function databasePrefix(value: string): string {
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(value)) throw new Error(`MONGODB_DB_PREFIX must be 1 to 20 letters, digits, _ or -, got '${value}'`);
  return value;
}
