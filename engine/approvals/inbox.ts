import { ValidationError } from '../errors/index.js';
import type { StoredRecord } from '../records/record.js';
import type { OperationContext } from '../tenancy/index.js';
import type { ApprovalRecord } from './transition-record.js';
import { WORK_ITEMS, type WorkItem } from './work-items.js';

export interface InboxItem {
  object: string;
  record: string;
  /** The record's name, title or first text field, for the list. */
  title: string | null;
  process: string;
  step: string;
  assignedAt: string;
  /** How long the item has waited, in hours. */
  ageHours: number;
  submittedBy: string | null;
  delegateOf?: string;
}

const SORTS = { assignedAt: 1, '-assignedAt': -1, age: -1, '-age': 1 } as const;

/** The caller's pending approvals across objects, oldest first by default (`sort=-assignedAt` for newest). */
export async function approvalInbox(ctx: OperationContext, sort = 'assignedAt', limit = 100): Promise<{ items: InboxItem[] }> {
  if (!Object.hasOwn(SORTS, sort)) throw new ValidationError([{ path: '/sort', message: `'${sort}' is not a sort of the inbox: use one of ${Object.keys(SORTS).join(', ')}` }]);
  const order = SORTS[sort as keyof typeof SORTS];
  const items = await ctx.tenant.store
    .collection<WorkItem>(WORK_ITEMS)
    .find({ approver: ctx.principal.userId, status: 'pending' }, { sort: { assignedAt: order, _id: order }, limit });
  const records = new Map<string, ApprovalRecord>();
  for (const objectName of new Set(items.map((item) => item.object))) {
    const object = ctx.snapshot.object(objectName);
    if (!object) continue;
    const ids = items.filter((item) => item.object === objectName).map((item) => item.record);
    for (const record of await ctx.tenant.store.collection<ApprovalRecord>(object.collection).find({ _id: { $in: ids } })) records.set(record._id, record);
  }
  const now = Date.now();
  return {
    items: items.map((item) => {
      const record = records.get(item.record);
      return {
        object: item.object,
        record: item.record,
        title: record ? titleOf(ctx, item.object, record) : null,
        process: item.process,
        step: item.step,
        assignedAt: item.assignedAt,
        ageHours: Math.round(((now - Date.parse(item.assignedAt)) / 3_600_000) * 10) / 10,
        submittedBy: record?._workflow?.submittedBy ?? null,
        ...(item.delegateOf ? { delegateOf: item.delegateOf } : {}),
      };
    }),
  };
}

function titleOf(ctx: OperationContext, objectName: string, record: StoredRecord): string | null {
  const object = ctx.snapshot.object(objectName)!;
  const field = object.field('name') ?? object.field('title') ?? object.object.fields.find((candidate) => candidate.type === 'text' || candidate.type === 'autonumber');
  const value = field ? record[field.name] : undefined;
  return typeof value === 'string' ? value : null;
}
