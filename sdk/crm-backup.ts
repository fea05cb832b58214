/**
 * `npx crm backup` and `npx crm restore`: through a running platform's operator API, or offline on
 * a data directory no server holds (the data directory's lock refuses it while one runs).
 *
 *   npx crm backup [--tenant NAME]… --url URL --operator-token TOKEN     a backup in the server's BACKUP_DIR
 *   npx crm backup list --url URL --operator-token TOKEN
 *   npx crm backup --data-dir ./data --out ./backups [--tenant NAME]…    offline: the platform stopped
 *   npx crm restore NAME --tenant default --as drill --url URL --operator-token TOKEN
 *   npx crm restore ./backups/NAME --data-dir ./new-data                  offline, every tenant, into an empty directory
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, restoreDataDirectory, type BackupManifest } from '../engine/backup/index.js';
import { EmbeddedStoreProvider } from '../engine/store/embedded/index.js';
import { Platform } from '../engine/tenancy/index.js';
import { loadMasterKey, masterKeySettingFromEnv } from '../engine/crypto/index.js';

export const DEFAULT_URL = 'http://localhost:3000';

export const BACKUP_USAGE = `Usage: npx crm backup [list] [options] | npx crm restore <backup> [options]
through a running platform (its operator API; the backup lands in its BACKUP_DIR):
  --url URL               the platform (CRM_URL; ${DEFAULT_URL})
  --operator-token TOKEN  the server's OPERATOR_TOKEN (CRM_OPERATOR_TOKEN)
  backup: --tenant NAME   a tenant to back up (repeatable; all of them without it)
  restore NAME --tenant FROM --as NEW   restores the tenant FROM of the backup NAME as the new tenant NEW
offline, with the platform stopped:
  backup --data-dir DIR --out DIR [--tenant NAME]…   writes a backup of the data directory into --out
  restore FOLDER --data-dir DIR                       restores every tenant of the backup folder into an empty data directory`;

export interface Online {
  url: string;
  token: string;
}

/** Runs `backup …` or `restore …`; returns the exit code: 0 done, 1 refused or failed, 2 misused. */
export async function runBackupCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      'operator-token': { type: 'string' },
      tenant: { type: 'string', multiple: true },
      as: { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  const [command, argument] = positionals;
  if (values.help) {
    console.log(BACKUP_USAGE);
    return 0;
  }
  const dataDir = values['data-dir'];
  if (command === 'backup' && dataDir) {
    if (!values.out) return misused("'backup --data-dir' needs --out, the folder the backup goes into.");
    return offlineBackup(resolve(dataDir), resolve(values.out), values.tenant);
  }
  if (command === 'restore' && dataDir) {
    if (!argument) return misused("'restore --data-dir' needs the backup's folder.");
    return offlineRestore(resolve(argument), resolve(dataDir));
  }
  const token = values['operator-token'] ?? process.env.CRM_OPERATOR_TOKEN;
  if (!token) return misused('Give the operator token (--operator-token or CRM_OPERATOR_TOKEN), or --data-dir to work offline with the platform stopped.');
  const online: Online = { url: (values.url ?? process.env.CRM_URL ?? DEFAULT_URL).replace(/\/+$/, ''), token };
  if (command === 'backup' && argument === 'list') {
    return answered(await call(online, 'GET', '/api/operator/backups'), values.json, (body) => {
      for (const backup of (body as { backups: Summary[] }).backups) console.log(describe(backup));
    });
  }
  if (command === 'backup') {
    if (argument) return misused(`'backup' takes no folder through the API (the server writes into its BACKUP_DIR), got '${argument}'.`);
    return answered(await call(online, 'POST', '/api/operator/backups', values.tenant ? { tenants: values.tenant } : {}), values.json, (body) => console.log(`Backed up: ${describe(body as Summary)}`));
  }
  if (!argument || !values.tenant?.[0] || !values.as) return misused("'restore NAME' through the API needs --tenant (the tenant in the backup) and --as (the new tenant).");
  const answer = await call(online, 'POST', `/api/operator/backups/${encodeURIComponent(argument)}/restore`, { tenant: values.tenant[0], as: values.as });
  return answered(answer, values.json, (body) => {
    const restored = body as { from: string; tenant: string; snapshotAt: string };
    console.log(`Restored ${restored.from} of ${argument} (as at ${restored.snapshotAt}) as the tenant ${restored.tenant}: send X-Tenant: ${restored.tenant}.`);
  });
}

interface Summary {
  name: string;
  createdAt: string;
  tenants: { name: string; databaseBytes: number; files: number }[];
}

function describe(backup: Summary | BackupManifest): string {
  const tenants = backup.tenants.map((tenant) => tenant.name).join(', ');
  return `${backup.name} (${backup.createdAt}): ${tenants}`;
}

async function offlineBackup(dataDir: string, out: string, tenants: string[] | undefined): Promise<number> {
  const platform = new Platform(new EmbeddedStoreProvider(dataDir), loadMasterKey(masterKeySettingFromEnv(), dataDir));
  try {
    mkdirSync(out, { recursive: true });
    const manifest = await createBackup(platform, out, tenants ? { tenants } : {});
    console.log(`Backed up: ${describe(manifest)} into ${resolve(out, manifest.name)}`);
    return 0;
  } finally {
    await platform.close();
  }
}

async function offlineRestore(backup: string, dataDir: string): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const provider = new EmbeddedStoreProvider(dataDir);
  try {
    const manifest = await restoreDataDirectory(provider, backup, dataDir);
    console.log(`Restored ${describe(manifest)} into ${dataDir}: start the platform with DATA_DIR=${dataDir}.`);
    console.log('Start it with the master key of the platform the backup came from (CRM_MASTER_KEY or CRM_MASTER_KEY_FILE): the backup holds the tenants\' data keys wrapped under that key, never the key itself.');
    return 0;
  } finally {
    await provider.close();
  }
}

export async function call(online: Online, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${online.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${online.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

export function answered(answer: { status: number; body: unknown }, json: boolean | undefined, print: (body: unknown) => void): number {
  if (answer.status >= 400) {
    const error = (answer.body as { error?: { code: string; message: string } } | null)?.error;
    console.error(`${answer.status} ${error?.code ?? ''}: ${error?.message ?? JSON.stringify(answer.body)}`);
    return 1;
  }
  if (json) console.log(JSON.stringify(answer.body, null, 2));
  else print(answer.body);
  return 0;
}

function misused(problem: string): number {
  console.error(`${problem}\n\n${BACKUP_USAGE}`);
  return 2;
}
