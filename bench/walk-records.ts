import { Agent, request } from 'node:http';
import type { CpuTime, LoadResult, RequestSpec } from './measure.js';
import type { GcPauses } from './server-process.js';

// autocannon builds requests ahead of sending them (at each client's start, and again when a run
// ends), so a generator that hands out each record once would lose records between phases. The
// approval bench must send exactly one request per record and phase: a small loop of its own.

export interface WalkOptions {
  url: string;
  /** Sent with every request: the caller's `authorization`. */
  headers: Record<string, string>;
  /** Requests in flight at once, each on its own kept-alive connection. */
  connections: number;
  /** The requests, each sent exactly once, in order as connections free up. */
  requests: readonly RequestSpec[];
  /** Checks a 2xx answer's parsed body; returns what is wrong, or undefined. */
  check?: (body: unknown, index: number) => string | undefined;
  cpu: () => Promise<CpuTime>;
  gcPauses: (from: number, to: number) => Promise<GcPauses>;
}

export interface WalkResult extends LoadResult {
  /** How many answers had each status code (0: no answer, a connection error). */
  statuses: Record<number, number>;
  /** Every request's latency (ms), in the order sent: combined walks take exact percentiles from them. */
  latencies: Float64Array;
  /** Mean latency (ms) of each tenth of the requests, in the order sent: whether a request costs more as the walk goes on. */
  tenths: number[];
  /** 2xx answers whose body failed `check`, with the first few problems. */
  wrong: number;
  problems: string[];
}

const KEPT_PROBLEMS = 5;

/**
 * Sends every request once with `connections` in flight, and times the whole walk from the first
 * request to the last answer; percentiles are exact, over every request's latency.
 */
export async function walk(options: WalkOptions): Promise<WalkResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const base = new URL(options.url);
  const latencies = new Float64Array(options.requests.length);
  const statuses: Record<number, number> = {};
  const problems: string[] = [];
  let wrong = 0;
  let next = 0;

  const send = (spec: RequestSpec) =>
    new Promise<{ status: number; text: string }>((resolve) => {
      const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
      const headers = { ...options.headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) };
      const outgoing = request({ agent, host: base.hostname, port: base.port, method: spec.method, path: spec.path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => resolve({ status: 0, text: String(error) }));
      });
      outgoing.on('error', (error) => resolve({ status: 0, text: String(error) }));
      outgoing.end(body);
    });

  const checked = (text: string, index: number): string | undefined => {
    if (!options.check) return undefined;
    try {
      return options.check(JSON.parse(text), index);
    } catch {
      return `answer ${index} is not JSON: ${text.slice(0, 300)}`;
    }
  };

  const worker = async () => {
    for (let index = next++; index < options.requests.length; index = next++) {
      const spec = options.requests[index]!;
      const sent = performance.now();
      const { status, text } = await send(spec);
      latencies[index] = performance.now() - sent;
      statuses[status] = (statuses[status] ?? 0) + 1;
      const problem =
        status >= 200 && status < 300 ? checked(text, index) : `${spec.method} ${spec.path} answered ${status}: ${text.slice(0, 300)}`;
      if (problem === undefined) continue;
      if (status >= 200 && status < 300) wrong++;
      if (problems.length < KEPT_PROBLEMS) problems.push(problem);
    }
  };

  const cpuBefore = await options.cpu();
  const startedAt = Date.now();
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await options.cpu();
  const gc = await options.gcPauses(startedAt, Date.now());
  agent.destroy();

  const count = (test: (status: number) => boolean) => Object.entries(statuses).reduce((sum, [status, n]) => (test(Number(status)) ? sum + n : sum), 0);
  const ok = count((status) => status >= 200 && status < 300);
  const cpuMicros = cpuAfter.micros - cpuBefore.micros;
  return {
    perSecond: ok / seconds,
    ok,
    sent: options.requests.length,
    failed: count((status) => status !== 0 && (status < 200 || status >= 300)),
    errors: statuses[0] ?? 0,
    ...percentiles(latencies),
    seconds,
    cpuMicros,
    cpuPerRequest: cpuMicros / options.requests.length,
    mainThreadMicros:
      cpuAfter.mainThreadMicros === null || cpuBefore.mainThreadMicros === null ? null : cpuAfter.mainThreadMicros - cpuBefore.mainThreadMicros,
    gc,
    statuses,
    latencies,
    tenths: tenths(latencies),
    wrong,
    problems,
  };
}

function tenths(latencies: Float64Array): number[] {
  const tenth = (k: number) => latencies.subarray(Math.floor((k * latencies.length) / 10), Math.floor(((k + 1) * latencies.length) / 10));
  return Array.from({ length: 10 }, (_, k) => tenth(k).reduce((sum, value) => sum + value, 0) / Math.max(1, tenth(k).length));
}

function percentiles(latencies: Float64Array): { p50: number; p99: number; max: number } {
  const sorted = Float64Array.from(latencies).sort();
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Walks as one: counts and CPU add up, the rate is over the summed time, percentiles and tenths over every request of them all, in order. */
export function combineWalks(walks: readonly WalkResult[]): WalkResult {
  const sum = (pick: (w: WalkResult) => number) => walks.reduce((total, w) => total + pick(w), 0);
  const ok = sum((w) => w.ok);
  const sent = sum((w) => w.sent);
  const cpuMicros = sum((w) => w.cpuMicros);
  const latencies = new Float64Array(sum((w) => w.latencies.length));
  let offset = 0;
  for (const w of walks) {
    latencies.set(w.latencies, offset);
    offset += w.latencies.length;
  }
  const statuses: Record<number, number> = {};
  for (const w of walks) for (const [status, n] of Object.entries(w.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
  return {
    perSecond: ok / sum((w) => w.seconds),
    ok,
    sent,
    failed: sum((w) => w.failed),
    errors: sum((w) => w.errors),
    ...percentiles(latencies),
    seconds: sum((w) => w.seconds),
    cpuMicros,
    cpuPerRequest: cpuMicros / sent,
    mainThreadMicros: walks.some((w) => w.mainThreadMicros === null) ? null : sum((w) => w.mainThreadMicros!),
    gc: { count: sum((w) => w.gc.count), totalMs: sum((w) => w.gc.totalMs), maxMs: Math.max(...walks.map((w) => w.gc.maxMs)) },
    statuses,
    latencies,
    tenths: tenths(latencies),
    wrong: sum((w) => w.wrong),
    problems: walks.flatMap((w) => w.problems).slice(0, KEPT_PROBLEMS),
  };
}
