import type { Doc } from '../../store/port.js';
import type { OperationContext } from '../../context/index.js';
import type { ListViewDefinition } from '../../schemas/generated/list-view.js';
import { PERSONAL_VIEWS } from '../../metadata/metadata-collections.js';

export interface PersonalViewDoc extends Doc {
  /** The view's name; unique in the tenant, given by the server. */
  _id: string;
  /** The user who wrote it: the only one who sees it. */
  owner: string;
  object: string;
  definition: ListViewDefinition;
  updatedAt: string;
}

/** The caller's own views of one object. */
export async function ownViews(ctx: OperationContext, object: string): Promise<ListViewDefinition[]> {
  const docs = await ctx.tenant.store.collection<PersonalViewDoc>(PERSONAL_VIEWS).find({ owner: ctx.principal.userId, object });
  return docs.map((doc) => doc.definition);
}

/** One of the caller's own views, or null: another user's view is not found either. */
export function ownView(ctx: OperationContext, object: string, name: string): Promise<PersonalViewDoc | null> {
  return ctx.tenant.store.collection<PersonalViewDoc>(PERSONAL_VIEWS).findOne({ _id: name, owner: ctx.principal.userId, object });
}
