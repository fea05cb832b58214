import { ValidationError } from '../errors/index.js';
import type { Collection, Doc, Filter } from '../store/port.js';
import { msg } from '../i18n/message.js';

export interface Page {
  limit: number;
  /** The id of the last entry of the previous page. */
  before?: string;
}

const ID = /^[0-9a-f]{24}$/;

/** One page of a collection, newest first (ids grow with time), with the cursor of the next page: the listings of jobs and outboxes. */
export async function newestFirst<T extends Doc>(collection: Collection<T>, filter: Filter, page: Page): Promise<{ entries: T[]; next: string | null }> {
  if (page.before !== undefined && !ID.test(page.before)) throw new ValidationError([{ path: '/before', message: msg`must be the id of the last entry of the previous page` }]);
  const found = await collection.find(page.before === undefined ? filter : { ...filter, _id: { $lt: page.before } }, { sort: { _id: -1 }, limit: page.limit + 1 });
  const entries = found.slice(0, page.limit);
  return { entries, next: found.length > page.limit ? entries[entries.length - 1]!._id : null };
}
