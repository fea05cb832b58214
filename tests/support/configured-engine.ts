import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineConfig } from '../../engine/config.js';
import { issueToken } from '../../engine/security/api-tokens.js';
import { startEngine } from '../../engine/start-engine.js';
import { DEFAULT_TENANT, type Tenant } from '../../engine/tenancy/index.js';
import { TEST_ADMIN, TEST_WEBHOOKS, type TestEngine } from './test-engine.js';

export interface ConfiguredEngine extends TestEngine {
  /** The default tenant. */
  tenant: Tenant;
  /** Stops the engine; the data directory stays for a restart unless `remove` is true. */
  stop(remove?: boolean): Promise<void>;
}

/**
 * The real engine with parts of its configuration set (mail, jobs), over a given data directory
 * (a restart) or a fresh one, with its job loop stopped: jobs run when the test calls `jobs.runDue()`.
 */
export async function startConfiguredEngine(config: Partial<EngineConfig> = {}, dataDir = mkdtempSync(join(tmpdir(), 'crm-jobs-'))): Promise<ConfiguredEngine> {
  const engine = await startEngine({ port: 0, host: '127.0.0.1', dataDir, durability: 'process', admin: TEST_ADMIN, webhooks: TEST_WEBHOOKS, ...config });
  await engine.jobs.stop();
  const tenant = await engine.platform.tenant(DEFAULT_TENANT);
  const admin = await tenant.store.collection(tenant.metadata.snapshot.object('user')!.collection).findOne({ email: TEST_ADMIN.email });
  const adminId = admin!._id;
  const { token } = await issueToken(tenant, adminId, 'tests');
  return {
    ...engine,
    dataDir,
    tenant,
    adminId,
    token,
    async stop(remove = false) {
      await engine.stop();
      if (remove) rmSync(dataDir, { recursive: true, force: true });
    },
    async request(method, path, body, headers = {}) {
      // As startTestEngine's: the administrator's token unless the headers set authorization ('' for none).
      const { authorization = `Bearer ${token}`, ...rest } = headers;
      const response = await fetch(`${engine.url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...rest, ...(authorization === '' ? {} : { authorization }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
  };
}
