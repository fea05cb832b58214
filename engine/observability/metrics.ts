import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { SeriesCount, SeriesHistogram, type HistogramSeries } from './series-histogram.js';

/**
 * The process's Prometheus metrics, in a registry of their own (not prom-client's global one, which
 * a library in the same process could fill). One set per process: several engines in one process
 * (tests) add to the same series.
 */
export const metrics = new Registry();

collectDefaultMetrics({ register: metrics, prefix: 'crm_' });

/** Seconds, from a fast store read (a millisecond) to a slow report or export (tens of seconds). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpDuration = new SeriesHistogram(
  'crm_http_request_duration_seconds',
  'Time from a request arriving to its response being sent, by method, route template and status.',
  ['method', 'route', 'status'],
  LATENCY_BUCKETS,
  metrics,
);

export const httpRequests = new SeriesCount('crm_http_requests_total', 'HTTP requests answered, by method, route template (not the raw URL) and status.', httpDuration, metrics);

export const storeDuration = new SeriesHistogram(
  'crm_store_operation_duration_seconds',
  'Time of store operations by adapter and operation: reads outside units of work, and whole units of work until durable.',
  ['store', 'operation'],
  LATENCY_BUCKETS,
  metrics,
);

/** The series of each store and operation, looked up by two plain map reads. */
const storeSeries = new Map<string, Map<string, HistogramSeries>>();

function seriesOf(store: string, operation: string): HistogramSeries {
  let byOperation = storeSeries.get(store);
  if (!byOperation) storeSeries.set(store, (byOperation = new Map()));
  let series = byOperation.get(operation);
  if (!series) byOperation.set(operation, (series = storeDuration.of(store, operation)));
  return series;
}

/** Times `work` as one store operation. */
export async function timedStoreOperation<R>(store: string, operation: string, work: () => Promise<R>): Promise<R> {
  const series = seriesOf(store, operation);
  const started = performance.now();
  try {
    return await work();
  } finally {
    series.observe((performance.now() - started) / 1000);
  }
}

/** Times a store operation that answers at once (the embedded store's reads), and answers as a promise like the others. */
export function timedStoreRead<R>(store: string, operation: string, work: () => R): Promise<R> {
  const series = seriesOf(store, operation);
  const started = performance.now();
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  } finally {
    series.observe((performance.now() - started) / 1000);
  }
}

/** What the gauges below read when scraped: counted from the stores of the open tenants. */
export interface BacklogCounts {
  jobs: { due: number; failed: number };
  outbox: { email: number; webhook: number };
}

const sources = new Set<() => Promise<BacklogCounts>>();

/** Adds a source of backlog counts (a running engine's platform); the function returned removes it. */
export function countBacklogWith(source: () => Promise<BacklogCounts>): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

async function backlog(): Promise<BacklogCounts> {
  const total: BacklogCounts = { jobs: { due: 0, failed: 0 }, outbox: { email: 0, webhook: 0 } };
  for (const source of sources) {
    const counts = await source();
    total.jobs.due += counts.jobs.due;
    total.jobs.failed += counts.jobs.failed;
    total.outbox.email += counts.outbox.email;
    total.outbox.webhook += counts.outbox.webhook;
  }
  return total;
}

new Gauge({
  name: 'crm_jobs',
  help: 'Due-jobs of the open tenants by status: due (waiting or running) and failed for good.',
  labelNames: ['status'] as const,
  registers: [metrics],
  async collect() {
    const { jobs } = await backlog();
    this.set({ status: 'due' }, jobs.due);
    this.set({ status: 'failed' }, jobs.failed);
  },
});

new Gauge({
  name: 'crm_outbox_pending',
  help: 'Messages of the open tenants waiting in the outboxes to be delivered, by outbox (email, webhook).',
  labelNames: ['outbox'] as const,
  registers: [metrics],
  async collect() {
    const { outbox } = await backlog();
    this.set({ outbox: 'email' }, outbox.email);
    this.set({ outbox: 'webhook' }, outbox.webhook);
  },
});
