import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../../engine/start-engine.js';

export interface TestEngine extends RunningEngine {
  dataDir: string;
  /** fetch against the engine, JSON in and out. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // Tests read arbitrary JSON shapes; each assertion states the shape it expects.
  body: any;
}

/** The real engine on the embedded store, on a free loopback port, over a fresh data directory. */
export async function startTestEngine(): Promise<TestEngine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  const engine = await startEngine({ port: 0, host: '127.0.0.1', dataDir, durability: 'process' });
  return {
    ...engine,
    dataDir,
    async stop() {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${engine.url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
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
