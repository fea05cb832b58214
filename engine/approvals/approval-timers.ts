import { cancelJobs, enqueueJob } from '../jobs/index.js';
import type { Collections } from '../store/port.js';
import type { CompiledStep } from '../metadata/approval-processes/compiled-process.js';
import { durationMs } from '../metadata/duration.js';

export const REMINDER_JOB = 'approval.reminder';
export const ESCALATION_JOB = 'approval.escalation';

/** The reminder and the escalation of a step, as due-jobs keyed by the record, cancelled when the step ends. */
export async function scheduleApprovalTimers(tx: Collections, at: { object: string; record: string; step: CompiledStep; startedAt: Date }): Promise<void> {
  const payload = { object: at.object, record: at.record, step: at.step.name };
  // One key per timer (a key is unique among due jobs), one prefix per record to cancel both.
  if (at.step.definition.reminder) {
    await enqueueJob(tx, { kind: REMINDER_JOB, dueAt: new Date(at.startedAt.getTime() + durationMs(at.step.definition.reminder.after)), payload, key: `${timerPrefix(at.record)}remind` });
  }
  if (at.step.definition.escalation) {
    await enqueueJob(tx, { kind: ESCALATION_JOB, dueAt: new Date(at.startedAt.getTime() + durationMs(at.step.definition.escalation.after)), payload, key: `${timerPrefix(at.record)}escalate` });
  }
}

export async function cancelApprovalTimers(tx: Collections, record: string): Promise<void> {
  await cancelJobs(tx, { keyPrefix: timerPrefix(record) });
}

const timerPrefix = (record: string) => `approval:${record}:`;
