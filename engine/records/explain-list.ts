import { msg, renderText, type Text } from '../i18n/message.js';
import { localize } from '../i18n/language.js';
import { checkSystemRight } from '../security/object-access.js';
import type { QueryPlanSummary } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { DEFAULT_LIMIT } from '../metadata/query/list-query.js';
import { listQuery, type ListRequest } from './list-records.js';

/** How the store would answer a list, and what an admin can do about a slow one. */
export interface ListPlan {
  plan: QueryPlanSummary;
  /** Sentences in the request's language; none when the plan reads about a page. */
  advice: string[];
}

/**
 * The query plan of a list as the user asks it (their filter, sort and record access), for admins
 * looking into a slow list view: which indexes serve it, whether the page stops after its limit,
 * and which field to flag `indexed` when every record is read.
 */
export async function explainList(ctx: OperationContext, objectName: string, request: Pick<ListRequest, 'filter' | 'sort' | 'limit'>): Promise<ListPlan> {
  checkSystemRight(ctx, 'manageMetadata', msg`Only users who may manage metadata (administrators) can read how the store answers a list.`);
  const { object, filter, sort } = await listQuery(ctx, objectName, request);
  const plan = await ctx.tenant.store.explain(object.collection, filter, { sort, limit: request.limit ?? DEFAULT_LIMIT });
  const label = (name: string) => localize(object.field(name)?.label, ctx.language, name) ?? name;
  const advice: Text[] = [];
  const [first] = Object.keys(sort);
  if (!plan.sortedByIndex && first !== undefined && first !== '_id') {
    advice.push(
      plan.access === 'scan'
        ? msg`Sorting by '${label(first)}' reads every record of the object: mark the field as indexed, or save a shared list view sorted by it, and lists sorted by it read only their page.`
        : msg`The records that match are sorted by '${label(first)}' after they are read: marking the field as indexed lets large lists stop after their page.`,
    );
  } else if (plan.access === 'scan' && request.filter !== undefined) {
    advice.push(msg`No index narrows this filter, so every record of the object is tested: mark a field it filters on as indexed.`);
  }
  for (const index of plan.building) advice.push(msg`The index '${index}' is being built; lists will use it once it is complete.`);
  return { plan, advice: advice.map((text) => renderText(text, ctx.language)) };
}
