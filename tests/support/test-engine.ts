import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppOptions } from '../../engine/http/create-app.js';
import { issueToken } from '../../engine/security/api-tokens.js';
import { startEngine, type RunningEngine } from '../../engine/start-engine.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';

export interface TestEngine extends RunningEngine {
  dataDir: string;
  /** The first administrator's user id, which every request of `request` acts as. */
  adminId: string;
  /** An API token of the administrator, sent by `request` unless the headers set `authorization` (empty: none). */
  token: string;
  /** fetch against the engine, JSON in and out. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // Tests read arbitrary JSON shapes; each assertion states the shape it expects.
  body: any;
}

/** The first administrator of every test engine. */
export const TEST_ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

function withAuthorization(headers: Record<string, string>, token: string): Record<string, string> {
  const given = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
  if (given === undefined) return { ...headers, authorization: `Bearer ${token}` };
  if (headers[given] === '') {
    const { [given]: _none, ...rest } = headers;
    return rest;
  }
  return headers;
}

/**
 * Rate limits no ordinary test reaches (the lock-out tests alone fail dozens of sign-ins); the
 * limiters still run on every request. Tests of the limits pass small ones.
 */
const TEST_RATE_LIMITS = { loginPerMinute: 10_000, apiPerMinute: 1_000_000 };

/**
 * Tests deliver webhooks to receivers on this machine: the operator's allowlist opens loopback for
 * them, as WEBHOOK_ALLOWED_HOSTS would on premises. The webhook safety spec starts engines without it.
 */
export const TEST_WEBHOOKS = { allowedHosts: ['127.0.0.1'] };

/** The real engine on the embedded store, on a free loopback port, over a fresh data directory. */
export async function startTestEngine(http: AppOptions = {}): Promise<TestEngine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  const engine = await startEngine({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    durability: 'process',
    admin: TEST_ADMIN,
    webhooks: TEST_WEBHOOKS,
    http: { ...http, rateLimits: { ...TEST_RATE_LIMITS, ...http.rateLimits } },
  });
  const adminId = engine.firstAdmin!.userId;
  const { token } = await issueToken(await engine.platform.tenant(DEFAULT_TENANT), adminId, 'tests');
  return {
    ...engine,
    dataDir,
    adminId,
    token,
    async stop() {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${engine.url}${path}`, {
        method,
        headers: withAuthorization({ ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, token),
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
  };
}
