import { evaluateOnRecord } from '../records/logic/evaluate-on-record.js';
import { parseOrText, render, templateData } from '../actions/run-actions.js';
import { emailIn } from '../actions/email-in-language.js';
import { resolveLabels } from '../metadata/labels.js';
import { maskUrl } from '../mail/index.js';
import type { ErrorDetail } from '../errors/index.js';
import type { ApprovalAction } from '../schemas/generated/common.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { readableErrors } from '../metadata/readable-errors.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { expressionKey, type CompiledProcess } from '../metadata/approval-processes/compiled-process.js';
import { msg } from '../i18n/message.js';
import { localize } from '../i18n/language.js';
import { tenantActions, useProblems } from '../actions/index.js';

/** A user as a simulation names them: the id the engine stores, the name an admin recognises. */
export interface UserRef {
  id: string;
  name: string | null;
}

/** One action of a process as it would run, its expressions evaluated and its templates rendered. */
export type SimulatedAction =
  | { at: string; type: 'setField'; field: string; value: unknown; expression?: string }
  | { at: string; type: 'email'; to: Array<UserRef & { email: string }>; subject: string; body: string }
  | { at: string; type: 'webhook'; url: string; body: unknown }
  | { at: string; type: 'createRecord'; object: string; values: Record<string, unknown> }
  /** A conversion: the records it would create, each with the values its mapping gives (links to records not yet created are left out). */
  | { at: string; type: 'convert'; records: Array<{ as: string; object: string; values: Record<string, unknown> }> }
  /** A pack's action: its label in the reader's language (the pack and name where the tenant does not offer it). */
  | { at: string; type: 'packAction'; pack: string; action: string; label: string; params: Record<string, unknown> };

/** What the runner's ActionScope holds (run-actions.ts), for a record that is not stored. */
export interface DescribeScope {
  process: CompiledProcess;
  record: StoredRecord;
  step: string | null;
  submitter: string;
  /** The pending approvers at the moment the actions run: the runner's work items, which only a step's onEnter finds open. */
  approvers: readonly string[];
}

export interface UserDoc extends StoredRecord {
  full_name?: unknown;
  email?: unknown;
  active?: unknown;
  delegate?: unknown;
  delegate_from?: unknown;
  delegate_until?: unknown;
}

/** The live user records of some ids, with what a simulation shows of them. */
export async function readUsers(reader: Collections, ctx: OperationContext, ids: Iterable<string>): Promise<Map<string, UserDoc>> {
  const users = ctx.snapshot.object('user')!;
  const found = await reader
    .collection<UserDoc>(users.collection)
    .find(alive({ _id: { $in: [...new Set(ids)] } }), { projection: { full_name: 1, email: 1, active: 1, delegate: 1, delegate_from: 1, delegate_until: 1, role: 1, permission_sets: 1 } });
  return new Map(found.map((user) => [user._id, user]));
}

export function userRef(id: string, users: ReadonlyMap<string, UserDoc>): UserRef {
  const name = users.get(id)?.full_name;
  return { id, name: typeof name === 'string' ? name : null };
}

/**
 * Describes one list of actions as runActions would run it on the record, writing nothing: the
 * value each setField gives (later actions see it, as in the runner), the e-mail each recipient
 * would get, the webhook call, the values of each record to create. A value the record would
 * refuse is reported as a problem: the runner's write of the event would fail with 400.
 */
export async function describeActions(
  reader: Collections,
  ctx: OperationContext,
  scope: DescribeScope,
  path: string,
  actions: readonly ApprovalAction[] | undefined,
): Promise<{ described: SimulatedAction[]; changes: Record<string, unknown>; problems: ErrorDetail[] }> {
  const described: SimulatedAction[] = [];
  const changes: Record<string, unknown> = {};
  const problems: ErrorDetail[] = [];
  const object = ctx.snapshot.object(scope.process.object)!;
  const current = () => ({ ...scope.record, ...changes }) as StoredRecord;
  const evaluate = (key: string) => evaluateOnRecord(reader, ctx, object, scope.process.expressions.get(key)!, current());
  const source = { label: resolveLabels(scope.process.definition.label, scope.process.name), object: scope.process.object };
  for (const [index, action] of (actions ?? []).entries()) {
    const at = `${path}/${index}`;
    if ('setField' in action) {
      const value = action.expression !== undefined ? await evaluate(expressionKey(at)) : action.value;
      changes[action.setField] = value;
      described.push({ at, type: 'setField', field: action.setField, value: value ?? null, ...(action.expression !== undefined ? { expression: action.expression } : {}) });
      if (value !== null && value !== undefined && !object.validatePatch({ [action.setField]: value })) {
        const refused = readableErrors(object.validatePatch.errors ?? [], { unknownProperty: msg`is not a field of ${object.name}` });
        for (const detail of refused) problems.push({ path: at, message: msg`'${action.setField}' would get ${JSON.stringify(value)}, which ${detail.message}: the event would fail with 400` });
      }
    } else if ('email' in action) {
      // Written as the reader of the simulation would get it; each recipient gets it in their own language.
      const data = templateData(source, scope.step, undefined, current(), ctx.language);
      const text = emailIn(action.email, ctx.language);
      described.push({
        at,
        type: 'email',
        to: await recipients(reader, ctx, action.email.to, scope, current()),
        subject: render(text.subject, data),
        body: render(text.body, data),
      });
    } else if ('webhook' in action) {
      const data = templateData(source, scope.step, undefined, current(), 'en');
      described.push({ at, type: 'webhook', url: maskUrl(action.webhook.url), body: action.webhook.body ? parseOrText(render(action.webhook.body, data)) : data });
    } else if ('createRecord' in action) {
      const values: Record<string, unknown> = {};
      for (const name of Object.keys(action.createRecord.values)) values[name] = (await evaluate(expressionKey(at, name))) ?? null;
      described.push({ at, type: 'createRecord', object: action.createRecord.object, values });
    } else if ('convert' in action) {
      const records: Array<{ as: string; object: string; values: Record<string, unknown> }> = [];
      for (const [index, create] of action.convert.create.entries()) {
        const values: Record<string, unknown> = {};
        for (const name of Object.keys(create.values ?? {})) values[name] = (await evaluate(expressionKey(`${at}/convert/create/${index}`, name))) ?? null;
        records.push({ as: create.as, object: create.object, values });
      }
      described.push({ at, type: 'convert', records });
    } else {
      // Described, not run: a pack's code may write or call out, which a simulation must not.
      const { pack, action: name, params = {} } = action.packAction;
      const offered = tenantActions(ctx.tenant).actionsOf(pack)?.get(name);
      described.push({ at, type: 'packAction', pack, action: name, label: localize(offered?.action.label, ctx.language, `${pack}/${name}`)!, params });
      for (const problem of useProblems(`${at}/packAction`, action.packAction, tenantActions(ctx.tenant))) {
        problems.push({ path: problem.path, message: msg`${problem.message}: the event would fail with 422` });
      }
    }
  }
  return { described, changes, problems };
}

/** The recipients as the runner finds them: active users with an address; the others get nothing. */
async function recipients(
  reader: Collections,
  ctx: OperationContext,
  to: readonly (string | { user: string } | { field: string })[],
  scope: DescribeScope,
  record: StoredRecord,
): Promise<Array<UserRef & { email: string }>> {
  const ids: string[] = [];
  for (const recipient of to) {
    if (recipient === 'submitter') ids.push(scope.submitter);
    else if (recipient === 'approvers') ids.push(...scope.approvers);
    else if (recipient === 'owner') ids.push(record._owner);
    else if (typeof recipient === 'object' && 'user' in recipient) ids.push(recipient.user);
    else if (typeof recipient === 'object' && typeof record[recipient.field] === 'string') ids.push(record[recipient.field] as string);
  }
  const users = await readUsers(reader, ctx, ids);
  return [...new Set(ids)].flatMap((id) => {
    const user = users.get(id);
    return user && user.active !== false && typeof user.email === 'string' ? [{ ...userRef(id, users), email: user.email }] : [];
  });
}
