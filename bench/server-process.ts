/**
 * The entry of a server child: `node --import tsx bench/server-process.ts platform|baseline`.
 * Both servers run through this same harness, each in its own process, so neither shares an
 * event loop with the load generator. The parent talks to it over IPC (see child-server.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { issueToken } from '../engine/security/api-tokens.js';
import { startEngine } from '../engine/start-engine.js';
import { backfillsFromEnv } from '../engine/config.js';
import { DEFAULT_TENANT } from '../engine/tenancy/index.js';
import { baselineApp } from './baseline-server.js';
import { BENCH_ADMIN, seededBenchAdmin } from './bench-admin.js';
import { Profiler } from './profile.js';

export type ServerKind = 'platform' | 'baseline';

/** The main thread's GC pauses within a window of time. */
export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

export type ParentMessage =
  | { type: 'memory' }
  | { type: 'cpu' }
  | { type: 'gc'; from: number; to: number }
  | { type: 'warm' }
  | { type: 'profile-start' } | { type: 'profile-stop'; saveAs?: string } | { type: 'stop' };
export type ChildMessage =
  /** `token`: the platform's API token for every request the bench sends it; the baseline has no authentication. */
  | { type: 'ready'; url: string; token?: string }
  | { type: 'memory'; rss: number; heapUsed: number }
  | { type: 'cpu'; micros: number; mainThreadMicros: number | null }
  | ({ type: 'gc' } & GcPauses)
  /** `ms`: how long the store's cache warm-up still ran after the parent asked. */
  | { type: 'warm'; ms: number }
  | { type: 'profile-started' }
  | { type: 'profile'; summary: import('./profile.js').ProfileSummary };

const kind = process.argv[2] as ServerKind;
const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir || (kind !== 'platform' && kind !== 'baseline')) throw new Error('usage: BENCH_DATA_DIR=… server-process.ts platform|baseline');

/**
 * The bench sends thousands of requests a second with one token: a per-user limit that high is
 * never reached, yet the limiter still counts every request, so its cost is in the figures.
 */
const BENCH_API_PER_MINUTE = 1_000_000_000;

const send = (message: ChildMessage) => process.send!(message);
let stop: () => Promise<void>;
/** Resolves once the platform's store has read its cache back after the restart (the baseline has nothing to warm). */
let warmed: () => Promise<void> = async () => {};
let url: string;
let token: string | undefined;

if (kind === 'platform') {
  const engine = await startEngine({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dataDir, 'platform'),
    durability: 'process',
    admin: BENCH_ADMIN,
    http: { rateLimits: { apiPerMinute: BENCH_API_PER_MINUTE } },
    backfills: backfillsFromEnv(process.env),
  });
  url = engine.url;
  stop = () => engine.stop();
  // Every API request needs a principal: the bench acts as the first administrator through an API
  // token, as an integration would, so each request pays the token and user lookups.
  const tenant = await engine.platform.tenant(DEFAULT_TENANT);
  const adminId = engine.firstAdmin?.userId ?? (await seededBenchAdmin(tenant));
  if (!adminId) throw new Error(`the platform's data directory already had users but not ${BENCH_ADMIN.email}: the bench needs a fresh one, or a seed that creates its administrator first`);
  token = (await issueToken(tenant, adminId, 'bench')).token;
  const store = tenant.store as { cacheWarmed?: () => Promise<void> };
  warmed = async () => store.cacheWarmed?.();
} else {
  const records = JSON.parse(readFileSync(join(dataDir, 'baseline-records.json'), 'utf8')) as Parameters<typeof baselineApp>[0];
  const app = baselineApp(records);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * The main thread's CPU time alone (Linux: /proc), to tell the event loop's work from V8's and
 * libuv's helper threads (concurrent GC, the thread pool). Null where /proc is not there.
 */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1e6;
  } catch {
    return null;
  }
}

/** Every GC pause of the main thread, as [start, duration] in epoch milliseconds, for the parent to query by window. */
const pauses: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push([performance.timeOrigin + entry.startTime, entry.duration]);
}).observe({ entryTypes: ['gc'] });

function gcPauses(from: number, to: number): GcPauses {
  const inside = pauses.filter(([start, duration]) => start + duration >= from && start <= to).map(([, duration]) => duration);
  return { count: inside.length, totalMs: inside.reduce((sum, ms) => sum + ms, 0), maxMs: Math.max(0, ...inside) };
}

let profiler: Profiler | undefined;
process.on('message', (message: ParentMessage) => {
  void (async () => {
    switch (message.type) {
      case 'memory': {
        const { rss, heapUsed } = process.memoryUsage();
        return send({ type: 'memory', rss, heapUsed });
      }
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        return send({ type: 'cpu', micros: user + system, mainThreadMicros: mainThreadCpu() });
      }
      case 'gc':
        return send({ type: 'gc', ...gcPauses(message.from, message.to) });
      case 'warm': {
        const started = performance.now();
        await warmed();
        return send({ type: 'warm', ms: performance.now() - started });
      }
      case 'profile-start':
        profiler = new Profiler();
        await profiler.start();
        return send({ type: 'profile-started' });
      case 'profile-stop':
        return send({ type: 'profile', summary: await profiler!.stop(message.saveAs) });
      case 'stop':
        await stop();
        process.disconnect();
        return;
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});

send({ type: 'ready', url, ...(token ? { token } : {}) });
