import { api } from '../../../shared/api/api-client';

/** A due-job as GET /jobs answers it (engine/jobs/job.ts). */
export interface Job {
  readonly _id: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly status: 'due' | 'done' | 'failed' | 'cancelled';
  readonly attempts: number;
  readonly leaseUntil?: string;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly doneAt?: string;
}

/** Where an outbox entry's delivery stands, from its job (engine/mail/outbox-delivery.ts). */
export interface Delivery {
  readonly job: string;
  readonly status: Job['status'];
  readonly attempts: number;
  readonly dueAt: string;
}

interface OutboxEntryBase {
  readonly _id: string;
  readonly status: string;
  readonly queuedAt: string;
  readonly reason?: string;
  readonly lastError?: string;
  readonly delivery?: Delivery;
}

export interface OutboxEmail extends OutboxEntryBase {
  readonly status: 'pending' | 'sent';
  readonly to: readonly string[];
  readonly subject: string;
  readonly sentAt?: string;
  /** Why it stays pending although its job ended (no SMTP server configured). */
  readonly note?: string;
}

export interface OutboxWebhook extends OutboxEntryBase {
  readonly status: 'pending' | 'delivered';
  readonly url: string;
  readonly deliveredAt?: string;
  readonly responseStatus?: number;
}

export type OutboxEntry = OutboxEmail | OutboxWebhook;
export type OutboxKind = 'email' | 'webhook';

/** A backfill as GET /meta/backfills answers it (engine/records/backfills/backfill.ts). */
export interface Backfill {
  readonly _id: string;
  readonly object: string;
  readonly status: 'running' | 'done' | 'superseded' | 'cancelled';
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly lastError?: string;
  readonly skipped?: number;
}

export interface Page<T> {
  readonly entries: readonly T[];
  readonly next: string | null;
}

/** Rows a page of the lists holds. */
export const PAGE_SIZE = 25;

/** The query keys of this page's lists: a retry refreshes them all. */
export const JOBS_KEY = ['setup', 'jobs'] as const;

export interface ListParams {
  readonly status: string | undefined;
  readonly before: string | undefined;
}

const query = ({ status, before }: ListParams) => ({ limit: PAGE_SIZE, status, before });

export async function loadJobs(params: ListParams): Promise<Page<Job>> {
  const page = await api<{ jobs: Job[]; next: string | null }>('/jobs', { query: query(params) });
  return { entries: page.jobs, next: page.next };
}

export async function loadOutbox(kind: OutboxKind, params: ListParams): Promise<Page<OutboxEntry>> {
  if (kind === 'email') {
    const page = await api<{ messages: OutboxEmail[]; next: string | null }>('/outbox/email', { query: query(params) });
    return { entries: page.messages, next: page.next };
  }
  const page = await api<{ calls: OutboxWebhook[]; next: string | null }>('/outbox/webhook', { query: query(params) });
  return { entries: page.calls, next: page.next };
}

export async function loadBackfills(params: ListParams): Promise<Page<Backfill>> {
  const page = await api<{ backfills: Backfill[]; next: string | null }>('/meta/backfills', { query: query(params) });
  return { entries: page.backfills, next: page.next };
}

export function retryJob(id: string): Promise<Job> {
  return api<Job>(`/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

export function retryDelivery(kind: OutboxKind, id: string): Promise<{ delivery: Delivery }> {
  return api<{ delivery: Delivery }>(`/outbox/${kind}/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}
