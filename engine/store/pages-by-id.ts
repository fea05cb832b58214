import type { Collection, Doc, Filter, Projection } from './port.js';

/** Records a scan over a whole object reads per page: a few megabytes at most, whatever the object's size. */
export const SCAN_PAGE_SIZE = 5_000;

/**
 * The records a filter matches, in `_id` pages of at most `pageSize`: a check or a scan over an
 * object of a million records holds one page at a time, never the whole object. Each page starts
 * after the last `_id` of the one before, so records written meanwhile behind the cursor are not
 * read twice. Between two pages the event loop is handed back, so requests are answered meanwhile
 * (a scan inside a unit of work must not wait for writes: they would wait on that unit).
 */
export async function* pagesById<T extends Doc>(records: Collection<T>, filter: Filter, pageSize: number, projection?: Projection): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    if (after !== undefined) await new Promise<void>((resolve) => setImmediate(resolve));
    const page = await records.find(after === undefined ? filter : pageFilter(filter, after), { sort: { _id: 1 }, limit: pageSize, ...(projection ? { projection } : {}) });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!._id;
  }
}

/** The filter and the cursor side by side where they can be (both stores plan an `_id` range from it), else joined with `$and`. */
function pageFilter(filter: Filter, after: string): Filter {
  return '_id' in filter ? { $and: [filter, { _id: { $gt: after } }] } : { ...filter, _id: { $gt: after } };
}
