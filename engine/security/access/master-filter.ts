import type { Collection, Filter } from '../../store/port.js';

/**
 * The most master ids a detail's access filter names when one side is small: a few hundred KB of
 * BSON, far below MongoDB's 16 MB per command, and a short list for the embedded store to match.
 */
export const DEFAULT_MASTER_IDS_CAP = 10_000;

let cap = DEFAULT_MASTER_IDS_CAP;

/** Tests set a small cap to reach both sides of it with a few hundred records. */
export function setMasterIdsCap(value = DEFAULT_MASTER_IDS_CAP): void {
  cap = value;
}

/**
 * The details whose master the user reaches (`readable`, a filter on the masters), as a filter on
 * the details' master field that never names more masters than it must. The readable ids when they
 * are few; else the ids of the other masters (in the bin or not reached: a live detail's master is
 * always live, so "not one of those" is the same set), when they are few; else whichever of the
 * two lists is shorter: at most half the masters. Each side is read only as far as it needs.
 */
export async function masterFilter(masters: Collection, field: string, readable: Filter): Promise<Filter> {
  const ids = (records: readonly { _id: string }[]) => records.map((record) => record._id);
  const idsOnly = { projection: { _id: 1 } } as const;
  const reached = await masters.find(readable, { ...idsOnly, limit: cap + 1 });
  if (reached.length <= cap) return { [field]: { $in: ids(reached) } };
  const others = { $nor: [readable] };
  const unreached = await masters.find(others, { ...idsOnly, limit: cap + 1 });
  if (unreached.length <= cap) return notAmong(field, ids(unreached));
  // Both sides are large: the shorter list, found by reading the other side no further than it.
  const allReached = await masters.find(readable, idsOnly);
  const allUnreached = await masters.find(others, { ...idsOnly, limit: allReached.length });
  return allUnreached.length < allReached.length ? notAmong(field, ids(allUnreached)) : { [field]: { $in: ids(allReached) } };
}

/** Details whose master is none of these, and that have one (null matches no master). */
function notAmong(field: string, ids: string[]): Filter {
  return { [field]: { $nin: [...ids, null] } };
}
