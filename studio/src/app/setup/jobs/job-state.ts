import type { Backfill, Job, OutboxEntry } from './jobs-api';
import type { UiLanguage } from '../../../shared/i18n/languages';

/** How a row reads to an administrator: what waits, what runs, what failed. */
export type RowState = 'waiting' | 'running' | 'retrying' | 'failed' | 'done' | 'cancelled' | 'sent' | 'delivered' | 'held' | 'superseded';

/** The status filters of each list, the first meaning all (the value the engine's `?status=` takes, or undefined). */
export const JOB_FILTERS = ['all', 'due', 'running', 'failed', 'done'] as const;
export const EMAIL_FILTERS = ['all', 'pending', 'failed', 'sent'] as const;
export const WEBHOOK_FILTERS = ['all', 'pending', 'failed', 'delivered'] as const;

/** A filter as the engine's `?status=`: none for all. */
export function statusParam(filter: string): string | undefined {
  return filter === 'all' ? undefined : filter;
}

/**
 * A job's state: a due job a scheduler holds a live claim on runs; one that failed an attempt
 * waits for its retry (its next run is later, after the back-off).
 */
export function jobState(job: Pick<Job, 'status' | 'attempts' | 'leaseUntil'>, now: Date): RowState {
  switch (job.status) {
    case 'due':
      if (job.leaseUntil !== undefined && Date.parse(job.leaseUntil) > now.getTime()) return 'running';
      return job.attempts > 0 ? 'retrying' : 'waiting';
    case 'done':
    case 'failed':
    case 'cancelled':
      return job.status;
  }
}

/**
 * An outbox entry's state: delivered by its own status; otherwise its delivery job tells whether
 * it waits, retries or failed. An e-mail whose job ended without sending it is held (no SMTP server).
 */
export function outboxState(entry: OutboxEntry): RowState {
  if (entry.status === 'sent' || entry.status === 'delivered') return entry.status;
  const delivery = entry.delivery;
  if (!delivery) return 'waiting';
  if (delivery.status === 'failed') return 'failed';
  if (delivery.status === 'done' || delivery.status === 'cancelled') return 'held';
  return delivery.attempts > 0 ? 'retrying' : 'waiting';
}

export function backfillState(backfill: Pick<Backfill, 'status'>): RowState {
  return backfill.status === 'running' ? 'running' : backfill.status;
}

/** Whether a list shows work in progress: it is then refreshed until that work ends. */
export function isActive(state: RowState): boolean {
  return state === 'waiting' || state === 'running' || state === 'retrying';
}

/** The i18n key of a job kind's name, when the page knows the kind (others show their code). */
const KNOWN_KINDS = new Set(['email.deliver', 'webhook.deliver', 'approval.reminder', 'approval.escalation', 'metadata.backfill']);
export function kindKey(kind: string): string | undefined {
  return KNOWN_KINDS.has(kind) ? `setup.jobs.kinds.${kind.replace('.', '_')}` : undefined;
}

/** The cursors of the pages seen so far: the last is the current page's `before`. */
export type CursorStack = readonly (string | undefined)[];
export const FIRST_PAGE: CursorStack = [undefined];
export const olderPage = (stack: CursorStack, next: string): CursorStack => [...stack, next];
export const newerPage = (stack: CursorStack): CursorStack => (stack.length > 1 ? stack.slice(0, -1) : stack);

const DATE_LOCALE: Record<UiLanguage, string> = { en: 'en-GB', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };

/** When something happened or is due, in the user's language, to the second (jobs run seconds apart). */
export function formatWhen(at: string | undefined, language: UiLanguage): string {
  if (!at || Number.isNaN(Date.parse(at))) return '';
  return new Intl.DateTimeFormat(DATE_LOCALE[language], { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at));
}
