import { NotFoundError, ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { newestFirst, type Page } from '../../jobs/index.js';
import { checkObjectRight } from '../../security/access/index.js';
import { checkSystemRight, hasSystemRight } from '../../security/object-access.js';
import { recordObject } from '../../records/record-object.js';
import type { Filter } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import { BACKFILL_STATUSES, BACKFILLS, percentDone, type BackfillDoc, type BackfillStatus } from '../../records/backfills/backfill.js';

export interface BackfillQuery extends Page {
  status?: string;
  object?: string;
}

export type BackfillView = BackfillDoc & { percent: number };

const READ_RIGHT = msg`Only users who may manage metadata (administrators) can follow the backfills of its changes.`;

/**
 * The tenant's backfills, newest first, by status and object: what a metadata change still
 * recomputes. Administrators see them all; a user who may read an object sees the running
 * backfills of that object (`?object=…&status=running`), which the studio shows on its list.
 */
export async function listBackfills(ctx: OperationContext, query: BackfillQuery): Promise<{ backfills: BackfillView[]; next: string | null }> {
  if (!hasSystemRight(ctx, 'manageMetadata')) {
    if (query.object === undefined || query.status !== 'running') checkSystemRight(ctx, 'manageMetadata', READ_RIGHT);
    checkObjectRight(ctx, recordObject(ctx, query.object!), 'read');
  }
  const filter: Filter = {};
  if (query.status !== undefined) {
    if (!BACKFILL_STATUSES.includes(query.status as BackfillStatus)) {
      throw new ValidationError([{ path: '/status', message: msg`must be one of ${BACKFILL_STATUSES.join(', ')}, got '${query.status}'` }]);
    }
    filter.status = query.status;
  }
  if (query.object !== undefined) filter.object = query.object;
  const { entries, next } = await newestFirst(ctx.tenant.store.collection<BackfillDoc>(BACKFILLS), filter, query);
  return { backfills: entries.map(withPercent), next };
}

export async function getBackfill(ctx: OperationContext, id: string): Promise<BackfillView> {
  checkSystemRight(ctx, 'manageMetadata', READ_RIGHT);
  const backfill = await ctx.tenant.store.collection<BackfillDoc>(BACKFILLS).findOne({ _id: id });
  if (!backfill) throw new NotFoundError(msg`The tenant has no backfill '${id}'.`);
  return withPercent(backfill);
}

function withPercent(backfill: BackfillDoc): BackfillView {
  return { ...backfill, percent: percentDone(backfill) };
}
