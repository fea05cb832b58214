import { ValidationError, type ErrorDetail } from '../errors/index.js';
import { carriedChange } from '../store/carried-value.js';
import type { Filter } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { AUDIT_COLLECTION, type AuditEntry } from '../audit/audit-log.js';
import { auditScope } from './audit-visibility.js';
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

/** The audit log, newest first, narrowed by the given criteria, as the reader may see it (see auditScope); for holders of the view-audit-log right. */
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
  return readPage(ctx, filter, query.limit);
}

/** How many entries one request reads at most before it answers with what it found and a `next` to go on from. */
const SCAN_LIMIT = 5000;

/**
 * One page of the entries the user may read. The scope keeps out, in the query, entries of objects
 * they cannot read; whether they may see each record is then decided batch by batch, reading on
 * until the page is full. A page may hold fewer entries than asked (even none) with a `next` when
 * the request has read SCAN_LIMIT entries: a reader who sees few of many gets an answer in bounded time.
 */
async function readPage(ctx: OperationContext, criteria: Filter, limit: number): Promise<{ entries: AuditEntry[]; next: string | null }> {
  const scope = auditScope(ctx);
  const log = ctx.tenant.store.collection<AuditEntry>(AUDIT_COLLECTION);
  const batch = Math.max(limit + 1, 100);
  const entries: AuditEntry[] = [];
  let after: string | undefined;
  for (let scanned = 0; scanned < SCAN_LIMIT; ) {
    const cursor: Filter = after === undefined ? {} : { _id: { $lt: after } };
    const found = await log.find({ $and: [criteria, scope.filter, cursor] }, { sort: { _id: -1 }, limit: batch });
    scanned += found.length;
    for (const entry of await scope.visible(found)) {
      entries.push(carried(entry));
      if (entries.length > limit) return { entries: entries.slice(0, limit), next: entries[limit - 1]!._id };
    }
    if (found.length < batch) return { entries, next: null };
    after = found[found.length - 1]!._id;
  }
  return { entries, next: after ?? null };
}

/** Entries written before values were bounded may hold one too deep to send. */
function carried(entry: AuditEntry): AuditEntry {
  if (!entry.changes) return entry;
  return { ...entry, changes: Object.fromEntries(Object.entries(entry.changes).map(([name, change]) => [name, carriedChange(change)])) };
}
