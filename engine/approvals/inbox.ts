import { ValidationError } from '../errors/index.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { fieldAccess, userAccess } from '../security/access/index.js';
import type { OperationContext } from '../context/index.js';
import { processLabel, stepLabel } from '../metadata/approval-processes/approval-labels.js';
import type { ApprovalRecord } from './transition-record.js';
import { userNames } from './user-names.js';
import { WORK_ITEMS, type WorkItem } from '../records/work-items.js';
import { localize } from '../i18n/language.js';
import { msg } from '../i18n/message.js';

export interface InboxItem {
  object: string;
  /** The object's label in the request's language. */
  objectLabel: string;
  record: string;
  /** The record's name, title or first text field, for the list; null when the caller may not read that field. */
  title: string | null;
  process: string;
  processLabel: string;
  step: string;
  stepLabel: string;
  assignedAt: string;
  /** How long the item has waited, in hours. */
  ageHours: number;
  submittedBy: string | null;
  submittedAt: string | null;
  delegateOf?: string;
}

export interface Inbox {
  items: InboxItem[];
  /** How many items are pending for the caller in all (the items are the first `limit` of them). */
  total: number;
  /** The full names of the submitters and of those the caller stands in for, where the caller may read them. */
  users: Record<string, string>;
}

const SORTS = { assignedAt: 1, '-assignedAt': -1, age: -1, '-age': 1 } as const;

/** The caller's pending approvals across objects, oldest first by default (`sort=-assignedAt` for newest). */
export async function approvalInbox(ctx: OperationContext, sort = 'assignedAt', limit = 100): Promise<Inbox> {
  if (!Object.hasOwn(SORTS, sort)) throw new ValidationError([{ path: '/sort', message: msg`'${sort}' is not a sort of the inbox: use one of ${Object.keys(SORTS).join(', ')}` }]);
  const order = SORTS[sort as keyof typeof SORTS];
  const workItems = ctx.tenant.store.collection<WorkItem>(WORK_ITEMS);
  const mine = { approver: ctx.principal.userId, status: 'pending' };
  const [items, total] = await Promise.all([workItems.find(mine, { sort: { assignedAt: order, _id: order }, limit }), workItems.count(mine)]);
  const records = new Map<string, ApprovalRecord>();
  for (const objectName of new Set(items.map((item) => item.object))) {
    const object = ctx.snapshot.object(objectName);
    if (!object) continue;
    const ids = items.filter((item) => item.object === objectName).map((item) => item.record);
    for (const record of await ctx.tenant.store.collection<ApprovalRecord>(object.collection).find(alive({ _id: { $in: ids } }))) records.set(record._id, record);
  }
  const now = Date.now();
  const listed = items.map((item): InboxItem => {
    const record = records.get(item.record);
    const object = ctx.snapshot.object(item.object);
    const process = ctx.snapshot.approvalProcesses.get(item.process);
    return {
      object: item.object,
      objectLabel: localize(object?.object.label, ctx.language, item.object),
      record: item.record,
      title: record && object ? titleOf(ctx, object, record) : null,
      process: item.process,
      processLabel: processLabel(process, item.process, ctx.language),
      step: item.step,
      stepLabel: stepLabel(process, item.step, ctx.language),
      assignedAt: item.assignedAt,
      ageHours: Math.round(((now - Date.parse(item.assignedAt)) / 3_600_000) * 10) / 10,
      submittedBy: record?._workflow?.submittedBy ?? null,
      submittedAt: record?._workflow?.submittedAt ?? null,
      ...(item.delegateOf ? { delegateOf: item.delegateOf } : {}),
    };
  });
  return { items: listed, total, users: await userNames(ctx, listed.flatMap((item) => [item.submittedBy, item.delegateOf])) };
}

/**
 * The record's name as the caller may see it: an approver reads the record because they are asked,
 * but only through their permission sets' object and field rights, like any reader; a name field
 * hidden from them is never shown in their inbox.
 */
function titleOf(ctx: OperationContext, object: CompiledObject, record: StoredRecord): string | null {
  if (!ctx.principal.system && !userAccess(ctx.snapshot, ctx.principal).object(object.name).read) return null;
  const field = object.field('name') ?? object.field('title') ?? object.object.fields.find((candidate) => candidate.type === 'text' || candidate.type === 'autonumber');
  if (!field || !fieldAccess(ctx, object).readable.has(field.name)) return null;
  const value = record[field.name];
  return typeof value === 'string' ? value : null;
}
