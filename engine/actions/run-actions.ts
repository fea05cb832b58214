import { evaluateOnRecord } from '../records/logic/evaluate-on-record.js';
import Handlebars from 'handlebars';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { ApprovalAction } from '../schemas/generated/common.js';
import { queueEmail, recipientsByLanguage } from '../mail/index.js';
import { localize, type Language } from '../i18n/language.js';
import { emailIn } from './email-in-language.js';
import { queueWebhook } from '../mail/index.js';
import type { Collections } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import type { FollowUp } from '../records/follow-ups.js';
import type { ActionSource } from '../metadata/actions/action-source.js';
import { expressionKey } from '../metadata/approval-processes/compiled-process.js';
import { runPackAction } from './run-pack-action.js';
import { queueOf } from '../metadata/record-shape/queue-owner.js';
import { groupMembers, userDirectory } from '../security/access/index.js';
import { convertRecord, type ConvertedRecord } from './convert-record.js';

export interface ActionScope {
  source: ActionSource;
  /** The record as it stands, with the field changes of earlier actions of the event. */
  record: StoredRecord;
  step: string | null;
  comment?: string;
  submitter: string;
  /** The approvers of the current step, for e-mails to "approvers". */
  approvers: readonly string[];
}

const templates = new Map<string, HandlebarsTemplateDelegate>();
/** A template rendered as e-mails and webhooks get it: plain text, no HTML escaping. */
export function render(source: string, data: unknown): string {
  let template = templates.get(source);
  if (!template) {
    // Values are plain text in e-mails; HTML escaping would show &amp; to the reader.
    template = Handlebars.compile(source, { noEscape: true });
    if (templates.size < 1000) templates.set(source, template);
  }
  return template(data);
}

/**
 * Runs one list of actions of a process or a rule, in the write's unit of work: field changes are returned
 * for the event's single write of the record, e-mails and webhooks go to the outbox (delivered by
 * the job scheduler), records to create are returned for the caller to insert in the same unit of work;
 * a conversion creates its records at once (as the context's user) and returns them, its links joining the changes.
 * A pack's action runs with the caller's context, and what it asks for joins the changes and the records to create.
 */
export async function runActions(
  tx: Collections,
  ctx: OperationContext,
  scope: ActionScope,
  path: string,
  actions: readonly ApprovalAction[],
): Promise<{ changes: Record<string, unknown>; followUps: FollowUp[]; created: ConvertedRecord[] }> {
  const changes: Record<string, unknown> = {};
  const followUps: FollowUp[] = [];
  const created: ConvertedRecord[] = [];
  const object = ctx.snapshot.object(scope.source.object)!;
  const current = () => ({ ...scope.record, ...changes }) as StoredRecord;
  const evaluate = (key: string) => evaluateOnRecord(tx, ctx, object, scope.source.expressions.get(key)!, current());
  for (const [index, action] of actions.entries()) {
    const at = `${path}/${index}`;
    if ('setField' in action) {
      changes[action.setField] = action.expression !== undefined ? await evaluate(expressionKey(at)) : action.value;
    } else if ('email' in action) {
      // One e-mail per language, each recipient reading it in the language saved on their user record.
      for (const [language, to] of recipientsByLanguage(await recipients(tx, ctx, action.email.to, scope, current()))) {
        const data = templateData(scope.source, scope.step, scope.comment, current(), language);
        const text = emailIn(action.email, language);
        await queueEmail(tx, { to, subject: render(text.subject, data), text: render(text.body, data), reason: scope.source.name });
      }
    } else if ('webhook' in action) {
      // A webhook's reader is a program: the process is named in English.
      const data = templateData(scope.source, scope.step, scope.comment, current(), 'en');
      const body = action.webhook.body ? parseOrText(render(action.webhook.body, data)) : data;
      await queueWebhook(tx, { url: action.webhook.url, body, reason: scope.source.name });
    } else if ('createRecord' in action) {
      const values: Record<string, unknown> = {};
      for (const name of Object.keys(action.createRecord.values)) values[name] = await evaluate(expressionKey(at, name));
      followUps.push({ object: action.createRecord.object, values });
    } else if ('convert' in action) {
      // Created now, not as follow-ups: the record links to them in this event's write, and they are the acting user's.
      const result = await convertRecord(tx, ctx, `${at}/convert`, action.convert, evaluate);
      created.push(...result.created);
      Object.assign(changes, result.links);
    } else {
      // A pack's action asks for changes; the event's write and the follow-ups make them through the write path.
      const result = await runPackAction(tx, ctx, { source: scope.source.name, object: object.name, step: scope.step }, at, action.packAction, current());
      Object.assign(changes, result.set ?? {});
      for (const created of result.create ?? []) followUps.push({ object: created.object, values: { ...created.values } });
    }
  }
  return { changes, followUps, created };
}

/** What templates see: the record's fields (also under `record`), the process or rule (named in `language`), the step, the comment, a link. */
export function templateData(source: Pick<ActionSource, 'label' | 'object'>, step: string | null, comment: string | undefined, record: StoredRecord, language: Language): Record<string, unknown> {
  return {
    ...record,
    record,
    process: localize(source.label, language),
    step,
    comment: comment ?? '',
    // A sample record of a simulation has no id yet.
    link: `/records/${source.object}/${record._id ?? 'new'}`,
  };
}

/** A rendered webhook body: JSON when it parses, else the text as it is. */
export function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The users an owner stands for: the user, or the members of the queue that owns the record. */
async function ownerUsers(ctx: OperationContext, owner: string): Promise<string[]> {
  const queue = queueOf(owner);
  if (queue === null) return [owner];
  return groupMembers(ctx.snapshot.security.groups.get(queue), await userDirectory(ctx.tenant));
}

/** The users a process names as recipients (their e-mail, language, whether active): submitter, approvers, owner (a queue's members), a user, a user field. */
async function recipients(
  tx: Collections,
  ctx: OperationContext,
  to: readonly (string | { user: string } | { field: string })[],
  scope: ActionScope,
  record: StoredRecord,
): Promise<StoredRecord[]> {
  const ids: string[] = [];
  for (const recipient of to) {
    if (recipient === 'submitter') ids.push(scope.submitter);
    else if (recipient === 'approvers') ids.push(...scope.approvers);
    else if (recipient === 'owner') ids.push(...(await ownerUsers(ctx, record._owner)));
    else if (typeof recipient === 'object' && 'user' in recipient) ids.push(recipient.user);
    else if (typeof recipient === 'object' && typeof record[recipient.field] === 'string') ids.push(record[recipient.field] as string);
  }
  const users = ctx.snapshot.object('user')!;
  return await tx.collection<StoredRecord>(users.collection).find(alive({ _id: { $in: [...new Set(ids)] } }), { projection: { email: 1, active: 1, language: 1 } });
}
