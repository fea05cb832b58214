/**
 * The SLA clock of a case, as pure arithmetic over the record before and after a write: the due
 * times follow from when it was opened, its priority's target and the time it waited on the
 * customer. The time-based escalation rules fire at the due fields; they match no paused or closed
 * case, so a pause cancels their occasions and moving the due times on resume plans them again.
 */
import type { SlaTarget } from './sla-target-kind.js';

export const WAITING = 'waiting_on_customer';
export const CLOSED_STATUSES: readonly string[] = ['resolved', 'closed'];
/** The statuses an agent moves a case to once they answered the customer. */
const RESPONDED: readonly string[] = ['working', WAITING, ...CLOSED_STATUSES];

type Values = Readonly<Record<string, unknown>>;
const MINUTE = 60_000;

const time = (value: unknown): number | undefined => (typeof value === 'string' ? Date.parse(value) : undefined);
const iso = (ms: number) => new Date(ms).toISOString();
const isClosed = (status: unknown) => CLOSED_STATUSES.includes(status as string);

/** The due times of a case opened at `openedAt` that waited `pausedMinutes` on the customer. */
export function dueTimes(openedAt: number, pausedMinutes: number, target: SlaTarget): { first_response_due: string; resolution_due: string } {
  const start = openedAt + pausedMinutes * MINUTE;
  return { first_response_due: iso(start + target.firstResponseMinutes * MINUTE), resolution_due: iso(start + target.resolutionMinutes * MINUTE) };
}

/** The SLA fields a write of a case changes, at `now`; `before` is null on a create. */
export function slaChanges(before: Values | null, record: Values, target: SlaTarget | undefined, now: number): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const value = (field: string) => (field in changes ? changes[field] : record[field]);
  if (target && (before === null || before.priority !== record.priority)) {
    Object.assign(changes, dueTimes(time(record.opened_at) ?? now, Number(record.sla_paused_minutes ?? 0), target));
  }
  // An agent's move answers the customer; an escalation of an unanswered case does not.
  if (before && before.status !== record.status && RESPONDED.includes(record.status as string) && !record.first_responded_at) changes.first_responded_at = iso(now);
  const wasWaiting = before?.status === WAITING;
  const waiting = record.status === WAITING;
  if (waiting && !wasWaiting) {
    changes.sla_paused_at = iso(now);
    if (record.sla_status !== 'breached') changes.sla_status = 'paused';
  }
  if (wasWaiting && !waiting) Object.assign(changes, resumed(record, value, now));
  if (isClosed(record.status) && !isClosed(before?.status)) {
    changes.resolved_at = record.resolved_at ?? iso(now);
    const due = time(value('resolution_due'));
    changes.sla_status = value('sla_status') === 'breached' || (due !== undefined && now > due) ? 'breached' : 'met';
  }
  if (before && isClosed(before.status) && !isClosed(record.status)) {
    changes.resolved_at = null;
    const due = time(value('resolution_due'));
    changes.sla_status = record.sla_status === 'breached' || (due !== undefined && now > due) ? 'breached' : 'on_track';
  }
  return changes;
}

/** Leaving the wait: the time waited is added to the paused minutes and moves the due times still running. */
function resumed(record: Values, value: (field: string) => unknown, now: number): Record<string, unknown> {
  const since = time(record.sla_paused_at) ?? now;
  const waited = Math.max(0, now - since);
  const changes: Record<string, unknown> = {
    sla_paused_at: null,
    sla_paused_minutes: Math.round((Number(record.sla_paused_minutes ?? 0) + waited / MINUTE) * 100) / 100,
  };
  const resolutionDue = time(value('resolution_due'));
  if (resolutionDue !== undefined) changes.resolution_due = iso(resolutionDue + waited);
  const firstDue = time(value('first_response_due'));
  if (firstDue !== undefined && !value('first_responded_at')) changes.first_response_due = iso(firstDue + waited);
  if (record.sla_status === 'paused') changes.sla_status = 'on_track';
  return changes;
}
