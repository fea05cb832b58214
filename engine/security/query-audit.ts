import { ValidationError, type ErrorDetail } from '../errors/index.js';
import type { Filter } from '../store/port.js';
import type { OperationContext } from '../tenancy/index.js';
import { AUDIT_COLLECTION, type AuditEntry } from './audit-log.js';
import { checkSystemRight } from './object-access.js';
import { msg } from '../i18n/message.js';

export interface AuditQuery {
  action?: string;
  actor?: string;
  object?: string;
  record?: string;
  /** ISO date-times bounding `at`, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  /** The id of the last entry of the previous page. */
  before?: string;
}

const ID = /^[0-9a-f]{24}$/;

/** The audit log, newest first, narrowed by the given criteria; administrators only. */
export async function queryAudit(ctx: OperationContext, query: AuditQuery): Promise<{ entries: AuditEntry[]; next: string | null }> {
  checkSystemRight(ctx, 'viewAuditLog', msg`Only users who may view the audit log (administrators) can read it.`);
  const problems: ErrorDetail[] = [];
  const filter: Filter = {};
  for (const key of ['action', 'actor', 'object', 'record'] as const) {
    const value = query[key];
    if (value !== undefined) filter[key] = value;
  }
  const at: Record<string, string> = {};
  for (const [key, operator] of [['from', '$gte'], ['to', '$lte']] as const) {
    const value = query[key];
    if (value === undefined) continue;
    if (Number.isNaN(Date.parse(value))) problems.push({ path: `/${key}`, message: msg`must be a date and time like 2025-12-31T09:30:00Z` });
    else at[operator] = new Date(value).toISOString();
  }
  if (Object.keys(at).length > 0) filter.at = at;
  if (query.before !== undefined) {
    if (!ID.test(query.before)) problems.push({ path: '/before', message: msg`must be the id of an audit entry` });
    else filter._id = { $lt: query.before };
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const found = await ctx.tenant.store.collection<AuditEntry>(AUDIT_COLLECTION).find(filter, { sort: { _id: -1 }, limit: query.limit + 1 });
  const entries = found.slice(0, query.limit);
  return { entries, next: found.length > query.limit ? entries[entries.length - 1]!._id : null };
}
