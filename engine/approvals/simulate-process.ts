import { evaluateOnRecord } from '../records/logic/evaluate-on-record.js';
import { initialTransition, transition } from 'xstate';
import { EngineError, InternalError, NotFoundError, type ErrorDetail } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import { computeDerived } from '../records/logic/apply-logic.js';
import { normalizeValues } from '../records/validate-values.js';
import { userAccess } from '../security/access/index.js';
import { checkSystemRight } from '../security/object-access.js';
import type { Collections } from '../store/port.js';
import { principalOf, type OperationContext } from '../context/index.js';
import type { CompiledProcess, CompiledStep } from '../metadata/approval-processes/compiled-process.js';
import { describeActions, readUsers, userRef, type SimulatedAction, type UserDoc, type UserRef } from './describe-actions.js';
import { END_STATES, type HookParams, type MachineEvent } from '../metadata/approval-processes/process-machine.js';
import { readOnlyCollections } from './read-only-collections.js';
import { resolveApprovers } from './resolve-approvers.js';
import { parseSimulationRequest, simulatedRecord } from './simulation-input.js';
import { stepConditions, type ApprovalRecord } from './transition-record.js';
import { localize } from '../i18n/language.js';
import { msg } from '../i18n/message.js';

export type { SimulatedAction, UserRef } from './describe-actions.js';

export interface SimulatedApprover extends UserRef {
  /** The delegate the approver named for today, who would get the item in their place. */
  delegate?: UserRef;
}

export interface SimulatedStep {
  name: string;
  label: string;
  status: 'entered' | 'skipped';
  condition: string | null;
  /** What the condition gave when the machine reached the step's gate; true for a step without one. */
  conditionMet: boolean;
  mode: CompiledStep['mode'];
  quorum: number;
  /** Whom the step would ask; empty for a skipped step. */
  approvers: SimulatedApprover[];
  /** Why nobody would be asked: the real event would be refused with 409 `no_approver` here. */
  noApprover?: string;
  onEnter: SimulatedAction[];
  onLeave: SimulatedAction[];
}

/** The path a record would take through a process if every step approved, computed without writing anything. */
export interface ApprovalSimulation {
  process: string;
  object: string;
  /** An inactive process is simulated too: that is how it is tried before it is activated. */
  active: boolean;
  /** The stored record simulated, or null for sample values. */
  record: string | null;
  submitter: UserRef;
  /** Whether the submitter may submit this record (its owner, a role or user the process names, or modify all). */
  maySubmit: boolean;
  entryCriteria: string | null;
  /** Whether the entry criteria admit the record; when not, a submit is refused with 422 and nothing else happens. */
  admitted: boolean;
  /** The states the record would wait in, in order, then where it ends: ["manager", "finance", "approved"]. */
  path: string[];
  steps: SimulatedStep[];
  onSubmit: SimulatedAction[];
  onApprove: SimulatedAction[];
  /** The fields the actions would set, with the values they would end with. */
  changes: Record<string, unknown>;
  /** What would stop or break the real run: no approver, a refused submitter, a value the record refuses. */
  problems: ErrorDetail[];
}

/**
 * Walks a process for a sample or stored record as the runner would if every step approved: the
 * entry criteria, then the compiled machine from its initial transition, one decided APPROVE
 * after another, with the step conditions, approvers and actions the runner would compute at each
 * event. Everything reads through a store that refuses writes. For administrators: it reads any
 * record and any user, whatever their sharing.
 */
export async function simulateProcess(ctx: OperationContext, name: string, body: unknown): Promise<ApprovalSimulation> {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can simulate approval processes.`);
  const request = parseSimulationRequest(body);
  const process = ctx.snapshot.approvalProcesses.get(name);
  if (!process) throw new NotFoundError(msg`There is no approval process named '${name}'.`);
  const object = ctx.snapshot.object(process.object)!;
  const reader = readOnlyCollections(ctx.tenant.store);
  const { submitter, record } = await simulatedRecord(reader, ctx, object, request);
  const problems: ErrorDetail[] = [];
  const maySubmit = submitterMay(ctx, object, process, record, submitter);
  if (!maySubmit) {
    const who = typeof submitter.full_name === 'string' ? submitter.full_name : submitter._id;
    problems.push({ path: '/submitters', message: msg`${who} may not submit this record: only its owner, the roles and users the process names, and administrators may` });
  }
  const admitted = await admits(reader, ctx, object, process, record);
  const simulation: ApprovalSimulation = {
    process: process.name,
    object: object.name,
    active: process.active,
    record: typeof record._id === 'string' ? record._id : null,
    submitter: userRef(submitter._id, new Map([[submitter._id, submitter]])),
    maySubmit,
    entryCriteria: process.definition.entryCriteria ?? null,
    admitted,
    path: [],
    steps: [],
    onSubmit: [],
    onApprove: [],
    changes: {},
    problems,
  };
  if (!admitted) {
    problems.push({ path: '/entryCriteria', message: msg`the record does not meet the entry criteria: ${process.definition.entryCriteria}` });
    return simulation;
  }
  return walk(reader, ctx, object, process, record, submitter._id, simulation);
}

async function walk(
  reader: Collections,
  ctx: OperationContext,
  object: CompiledObject,
  process: CompiledProcess,
  initial: ApprovalRecord,
  submitter: string,
  simulation: ApprovalSimulation,
): Promise<ApprovalSimulation> {
  const steps = new Map<string, SimulatedStep>();
  const indexOf = (step: string | null) => process.steps.findIndex((candidate) => candidate.name === step);
  let record = initial;
  let changes: Record<string, unknown> = {};
  const describe = async (path: string, list: Parameters<typeof describeActions>[4], step: string | null, approvers: readonly string[] = []) => {
    const result = await describeActions(reader, ctx, { process, record: { ...record, ...changes } as ApprovalRecord, step, submitter, approvers }, path, list);
    changes = { ...changes, ...result.changes };
    simulation.problems.push(...result.problems);
    return result.described;
  };

  // submit: the conditions as the record stands, the submit actions, the machine's first transition
  let conditions = await stepConditions(reader, ctx, object, process, record);
  simulation.onSubmit = await describe('/onSubmit', process.definition.onSubmit, null);
  let [snapshot, actions] = initialTransition(process.machine, { conditions });
  let previous: string | null = null;
  for (let event = 0; ; event++) {
    const value = snapshot.value as string;
    const ended = (END_STATES as readonly string[]).includes(value);
    // the gates the machine passed between the step it left and where it is now
    for (const skipped of process.steps.slice(indexOf(previous) + 1, ended ? process.steps.length : indexOf(value))) {
      steps.set(skipped.name, simulatedStep(ctx, skipped, 'skipped', conditions[skipped.name] ?? true));
    }
    for (const action of actions) {
      if (action.type !== 'hook') continue;
      const hook = action.params as HookParams;
      const index = indexOf(hook.step ?? null);
      if (hook.on === 'leave') {
        steps.get(hook.step!)!.onLeave = await describe(`/steps/${index}/onLeave`, process.steps[index]!.definition.onLeave, hook.step!);
      } else if (hook.on === 'enter') {
        const entered = simulatedStep(ctx, process.steps[index]!, 'entered', conditions[hook.step!] ?? true);
        steps.set(entered.name, entered);
        const asked = await approvers(reader, ctx, process.steps[index]!, { ...record, ...changes } as ApprovalRecord, submitter);
        if ('noApprover' in asked) {
          entered.noApprover = asked.noApprover;
          simulation.problems.push({ path: `/steps/${index}/approvers`, message: asked.noApprover });
        } else entered.approvers = asked.approvers;
        const pending = entered.approvers.map((approver) => approver.delegate?.id ?? approver.id);
        entered.onEnter = await describe(`/steps/${index}/onEnter`, process.steps[index]!.definition.onEnter, entered.name, pending);
      } else if (hook.on === 'approve') {
        simulation.onApprove = await describe('/onApprove', process.definition.onApprove, previous);
      }
    }
    simulation.path.push(value);
    simulation.changes = { ...simulation.changes, ...changes };
    record = await asStored(reader, ctx, object, record, changes);
    changes = {};
    if (ended) break;
    if (event > process.steps.length) throw new InternalError(`The machine of '${process.name}' did not end after ${event} approvals.`);
    // approve: the next event the runner would send, decided, from the snapshot it would have persisted
    conditions = await stepConditions(reader, ctx, object, process, record);
    previous = value;
    const approve: MachineEvent = { type: 'APPROVE', conditions, decided: true };
    [snapshot, actions] = transition(process.machine, process.machine.resolveState({ value: snapshot.value, context: snapshot.context } as never), approve as never);
  }
  simulation.steps = process.steps.map((step) => steps.get(step.name)!);
  return simulation;
}

function simulatedStep(ctx: OperationContext, step: CompiledStep, status: SimulatedStep['status'], conditionMet: boolean): SimulatedStep {
  return {
    name: step.name,
    label: localize(step.definition.label, ctx.language, step.name),
    status,
    condition: step.definition.condition ?? null,
    conditionMet,
    mode: step.mode,
    quorum: step.quorum,
    approvers: [],
    onEnter: [],
    onLeave: [],
  };
}

/** The runner's own resolution, and the delegate each approver named for today, as the runner would substitute them. */
async function approvers(
  reader: Collections,
  ctx: OperationContext,
  step: CompiledStep,
  record: ApprovalRecord,
  submitter: string,
): Promise<{ approvers: SimulatedApprover[] } | { noApprover: string }> {
  let ids: string[];
  try {
    ids = await resolveApprovers(reader, ctx, step, record, submitter);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'no_approver') return { noApprover: error.message };
    throw error;
  }
  const users = await readUsers(reader, ctx, ids);
  const delegates = new Map(ids.flatMap((id) => {
    const delegate = delegateToday(users.get(id));
    return delegate && delegate !== id ? [[id, delegate] as const] : [];
  }));
  const named = new Map([...users, ...(await readUsers(reader, ctx, delegates.values()))]);
  return {
    approvers: ids.map((id) => {
      const delegate = delegates.get(id);
      return { ...userRef(id, named), ...(delegate ? { delegate: userRef(delegate, named) } : {}) };
    }),
  };
}

/** The runner's rule (transition-record.ts): a delegate applies from `delegate_from` to `delegate_until`, both included, either open. */
function delegateToday(user: UserDoc | undefined): string | undefined {
  if (!user || typeof user.delegate !== 'string') return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const from = typeof user.delegate_from === 'string' ? user.delegate_from : '0000-01-01';
  const until = typeof user.delegate_until === 'string' ? user.delegate_until : '9999-12-31';
  return from <= today && today <= until ? user.delegate : undefined;
}

/** The runner's submit check (approval-events.ts), for a submitter who is not the caller. */
function submitterMay(ctx: OperationContext, object: CompiledObject, process: CompiledProcess, record: ApprovalRecord, submitter: UserDoc): boolean {
  const principal = principalOf(submitter);
  if (userAccess(ctx.snapshot, principal).object(object.name).modifyAll) return true;
  const submitters = process.definition.submitters ?? {};
  return (
    ((submitters.owner ?? true) && record._owner === principal.userId) ||
    (submitters.users ?? []).includes(principal.userId) ||
    (principal.role !== null && (submitters.roles ?? []).includes(principal.role))
  );
}

async function admits(reader: Collections, ctx: OperationContext, object: CompiledObject, process: CompiledProcess, record: ApprovalRecord): Promise<boolean> {
  if (!process.entryCriteria) return true;
  return (await evaluateOnRecord(reader, ctx, object, process.entryCriteria, record)) === true;
}

/** The record as the runner's write would leave it after an event: the field changes in stored form, the formulas recomputed. */
async function asStored(reader: Collections, ctx: OperationContext, object: CompiledObject, record: ApprovalRecord, changes: Record<string, unknown>): Promise<ApprovalRecord> {
  if (Object.keys(changes).length === 0) return record;
  const next: Record<string, unknown> = { ...record };
  const normalized = normalizeValues(object, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null && value !== undefined)));
  for (const name of Object.keys(changes)) {
    if (name in normalized) next[name] = normalized[name];
    else delete next[name];
  }
  const { computed } = await computeDerived(reader, ctx, object, next);
  for (const [name, value] of Object.entries(computed)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next as ApprovalRecord;
}
