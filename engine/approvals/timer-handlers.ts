import { writeUnit } from '../records/write-pipeline/index.js';
import { inSentence, msg } from '../i18n/message.js';
import { registerJobHandler, type JobDoc } from '../jobs/index.js';
import { queueEmail, recipientsByLanguage } from '../mail/index.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { operationContext, SYSTEM_PRINCIPAL, type Tenant } from '../context/index.js';
import { ESCALATION_JOB, REMINDER_JOB } from './approval-timers.js';
import { writeApprovalHistory } from './approval-history.js';
import { processAt } from './process-versions.js';
import type { ApprovalRecord } from './transition-record.js';
import { openWorkItems, WORK_ITEMS, type WorkItem } from '../records/work-items.js';

interface TimerPayload {
  object: string;
  record: string;
  step: string;
}

/**
 * The reminder and the escalation of a step, fired by the job scheduler: each acts only if the
 * record still waits at the step the timer was set for (a cancelled or late timer does nothing).
 */
export function registerApprovalTimers(): void {
  registerJobHandler(REMINDER_JOB, (tenant, job) => onTimer(tenant, job, 'remind'));
  registerJobHandler(ESCALATION_JOB, (tenant, job) => onTimer(tenant, job, 'escalate'));
}

async function onTimer(tenant: Tenant, job: JobDoc, kind: 'remind' | 'escalate'): Promise<void> {
  const payload = job.payload as unknown as TimerPayload;
  const ctx = operationContext(tenant, SYSTEM_PRINCIPAL, 'workflow');
  const object = ctx.snapshot.object(payload.object);
  if (!object) return;
  await writeUnit(tenant.store, async (tx) => {
    const record = await tx.collection<ApprovalRecord>(object.collection).findOne(alive({ _id: payload.record }));
    const state = record?._workflow;
    if (!record || state?.status !== 'pending' || state.step !== payload.step) return;
    const items = await tx.collection<WorkItem>(WORK_ITEMS).find({ record: record._id, status: 'pending' });
    const users = ctx.snapshot.object('user')!;
    const people = await tx.collection<StoredRecord>(users.collection).find({ _id: { $in: items.map((item) => item.approver) } }, { projection: { email: 1, manager: 1, active: 1, language: 1 } });
    const base = { object: object.name, record: record._id, process: state.process, version: state.version, step: state.step, actor: 'system' };
    if (kind === 'remind') {
      // One e-mail per language, each approver reading it in the language saved on their user record.
      for (const [language, to] of recipientsByLanguage(people)) {
        await queueEmail(tx, {
          to,
          subject: msg`Reminder: ${object.object.label} waiting for your approval`.render(language),
          text: msg`A ${inSentence(object.object.label)} has waited for your approval at step '${state.step}' since ${state.stepStartedAt}.`.render(language) + `\n/records/${object.name}/${record._id}`,
          reason: `approval reminder ${state.process}`,
        });
      }
      await writeApprovalHistory(tx, [{ ...base, action: 'remind' }]);
      return;
    }
    // Escalation: each pending item goes to the approver's manager, or to the named user.
    const process = await processAt(ctx, tx, state.process, state.version);
    const step = process.steps.find((candidate) => candidate.name === state.step)?.definition;
    const target = step?.escalation?.to;
    const byId = new Map(people.map((user) => [user._id, user]));
    const approvers = new Set<string>(record._approvers ?? []);
    const pendingNow = new Set(items.map((item) => item.approver));
    for (const item of items) {
      const to = target && 'user' in target ? target.user : (byId.get(item.approver)?.manager as string | undefined);
      if (!to || to === item.approver) {
        approvers.add(item.approver);
        continue;
      }
      await tx.collection<WorkItem>(WORK_ITEMS).updateOne({ _id: item._id }, { $set: { status: 'reassigned', respondedAt: new Date().toISOString() } });
      // Whoever already waits at the step keeps their one item; anyone else gets a new one.
      if (!pendingNow.has(to)) {
        await openWorkItems(tx, { object: object.name, record: record._id, process: state.process, step: state.step! }, [{ approver: to }]);
        pendingNow.add(to);
      }
      approvers.add(to);
      await writeApprovalHistory(tx, [{ ...base, action: 'escalate', to, onBehalfOf: item.approver }]);
    }
    await tx.collection<ApprovalRecord>(object.collection).updateOne({ _id: record._id }, { $set: { _approvers: [...approvers] } });
  }, job.requestId);
}

