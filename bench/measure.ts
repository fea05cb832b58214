import autocannon from 'autocannon';
import type { GcPauses } from './server-process.js';

/** One request to send: autocannon calls `next` for every request, so each can differ (a random id, a new body). */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: string;
}

export interface LoadOptions {
  url: string;
  /** A cheap path of the server, used to wait until it has worked off requests left from a run. */
  idlePath: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  next: () => RequestSpec;
  /** Sent with every request: the platform's `authorization`, none for the baseline. */
  headers?: Record<string, string>;
  /** Reads the server's CPU time, to charge the measured run. */
  cpu: () => Promise<CpuTime>;
  /** The server's GC pauses between two Date.now() instants. */
  gcPauses: (from: number, to: number) => Promise<GcPauses>;
}

export interface CpuTime {
  /** The whole process: user + system of all threads, µs. */
  micros: number;
  /** The main thread alone (event loop, JavaScript, synchronous SQLite), µs; null where unknown. */
  mainThreadMicros: number | null;
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the measured run. */
  perSecond: number;
  ok: number;
  /** Requests sent, including those still in flight when the run ended. */
  sent: number;
  failed: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  /** The server's CPU time (all threads, user + system) over the run and the requests it left behind. */
  cpuMicros: number;
  /** cpuMicros per request sent. */
  cpuPerRequest: number;
  /** The main thread's part of cpuMicros, when known. */
  mainThreadMicros: number | null;
  /** The server's GC pauses over the run. */
  gc: GcPauses;
}

/** A warm-up run that is thrown away, then the measured run, both at the same concurrency. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await run(options, options.warmupSeconds);
  await settle(`${options.url}${options.idlePath}`);
  const cpuBefore = await options.cpu();
  const started = Date.now();
  const result = await run(options, options.seconds);
  // The requests still in flight when the run ended were sent and count in the CPU: wait for them.
  await settle(`${options.url}${options.idlePath}`);
  const cpuAfter = await options.cpu();
  const gc = await options.gcPauses(started, Date.now());
  const cpuMicros = cpuAfter.micros - cpuBefore.micros;
  const mainThreadMicros =
    cpuAfter.mainThreadMicros === null || cpuBefore.mainThreadMicros === null ? null : cpuAfter.mainThreadMicros - cpuBefore.mainThreadMicros;
  return {
    perSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    sent: result.requests.sent,
    failed: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    seconds: result.duration,
    cpuMicros,
    cpuPerRequest: cpuMicros / result.requests.sent,
    mainThreadMicros,
    gc,
  };
}

/**
 * Rounds of one server as one result: counts and CPU add up; autocannon gives percentiles, not
 * histograms, so p50 is the request-weighted mean of the rounds' and p99 and max the worst round's.
 */
export function combine(rounds: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const ok = sum((r) => r.ok);
  const seconds = sum((r) => r.seconds);
  const cpuMicros = sum((r) => r.cpuMicros);
  const sent = sum((r) => r.sent);
  return {
    perSecond: ok / seconds,
    ok,
    sent,
    failed: sum((r) => r.failed),
    errors: sum((r) => r.errors),
    p50: ok > 0 ? sum((r) => r.p50 * r.ok) / ok : 0,
    p99: Math.max(...rounds.map((r) => r.p99)),
    max: Math.max(...rounds.map((r) => r.max)),
    seconds,
    cpuMicros,
    cpuPerRequest: cpuMicros / sent,
    mainThreadMicros: rounds.some((r) => r.mainThreadMicros === null) ? null : sum((r) => r.mainThreadMicros!),
    gc: { count: sum((r) => r.gc.count), totalMs: sum((r) => r.gc.totalMs), maxMs: Math.max(...rounds.map((r) => r.gc.maxMs)) },
  };
}

async function run(options: LoadOptions, seconds: number): Promise<autocannon.Result> {
  // Requests still running from the run before would be counted against this one.
  await settle(`${options.url}${options.idlePath}`);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: seconds,
    // Slow list requests queue behind each other at c=10; never let a queue turn into a timeout.
    timeout: 120,
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => {
          const spec = options.next();
          return { ...request, method: spec.method, path: spec.path, ...(spec.body === undefined ? {} : { body: spec.body }) };
        },
      },
    ],
  });
  refuseUnauthenticated(result, options.url);
  return result;
}

/**
 * Only 2xx answers count as throughput, and other failures are listed in the report; but a 401 or
 * 403 means the bench's credentials were not accepted, so every number would measure the refusal:
 * stop the bench instead.
 */
function refuseUnauthenticated(result: autocannon.Result, url: string): void {
  const codes = Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [Number(code), stats.count ?? 0] as const);
  const refused = codes.filter(([code, count]) => (code === 401 || code === 403) && count > 0);
  if (refused.length === 0) return;
  throw new Error(
    `${url} refused the bench's requests as unauthenticated or forbidden (${refused.map(([code, count]) => `${count}× ${code}`).join(', ')}` +
      ` of ${result.requests.sent} sent; all status codes: ${codes.map(([code, count]) => `${code}: ${count}`).join(', ')}): the numbers would measure the refusal, not the work`,
  );
}

/**
 * A run ends with its last requests still in the server (a slow list keeps the server busy after
 * autocannon has stopped counting): waits until the server answers a cheap request at once.
 */
async function settle(url: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  for (let quick = 0; quick < 2 && performance.now() < deadline; ) {
    const started = performance.now();
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      quick = performance.now() - started < 20 ? quick + 1 : 0;
    } catch {
      // A kept-alive connection the server closed meanwhile: ask again on a new one.
      quick = 0;
    }
  }
}

export interface Timings {
  median: number;
  max: number;
  samples: number[];
}

export function timings(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, max: sorted[sorted.length - 1]!, samples };
}
