import type { FieldDefinition, ObjectDefinition } from '../../shared/metadata/object-definition';
import type { ListAnswer } from './list-query';

/** GET /records/:object/plan: how the store answers a list, and what an admin can do about it. */
export interface ListPlan {
  readonly plan: { readonly access: 'ids' | 'index' | 'union' | 'scan'; readonly indexes: readonly string[]; readonly sortedByIndex: boolean; readonly building: readonly string[] };
  readonly advice: readonly string[];
}

/** A page that took longer than this to arrive is worth explaining to an admin. */
export const SLOW_LIST_MS = 1000;
/** A list over more records than this is worth explaining even when it was quick this time. */
export const LARGE_LIST = 5000;

/** When the list's plan is worth asking for, and which field the hint offers to index. */
export const slowListVerdict = {
  worthAsking(page: ListAnswer): boolean {
    return (page.elapsedMs ?? 0) > SLOW_LIST_MS || (page.total ?? 0) > LARGE_LIST;
  },
  /** The list's first sort key, when the store sorts after reading and it is one of the object's own fields. */
  fieldToIndex(answer: ListPlan, object: ObjectDefinition, sort: string): FieldDefinition | undefined {
    if (answer.plan.sortedByIndex) return undefined;
    const first = sort.split(',')[0]?.replace(/^-/, '');
    return first ? object.fields.find((field) => field.name === first) : undefined;
  },
};
