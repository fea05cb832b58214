import type { CompiledObject } from '../metadata/compiled-object.js';
import type { Filter, Projection, SortSpec } from '../store/port.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import type { OperationContext } from '../context/index.js';
import { cursorFilter, encodeCursor } from './cursor.js';
import { compileFilter } from '../metadata/query/filter-language.js';
import { presentRecord, type RecordView } from '../metadata/record-shape/record.js';
import { recordObject } from './record-object.js';
import { expandRecords, parseExpand, withExpanded } from './expand.js';
import { DEFAULT_LIMIT, parseSelection, parseSort } from '../metadata/query/list-query.js';
import { completeOnTheFly, filterPaths, refuseWhileBackfilling, runningBackfill } from './backfills/backfill-reads.js';

export interface ListRequest {
  /** The filter in the API's language, already parsed from JSON. */
  filter?: unknown;
  /** Sort, e.g. "-amount,title". */
  sort?: string;
  /** Fields to return, e.g. "title,amount"; all when undefined. */
  fields?: string;
  /** Page size, 1 to 200; 50 when undefined. */
  limit?: number;
  cursor?: string;
  /** Count every match too (a second pass over the matches). */
  total?: boolean;
  /** Lookup fields whose parents to embed, e.g. "account,supplier". */
  expand?: string;
}

/** What the engine itself narrows a list to, beside the client's filter (a related list's parent). */
export interface ListScope {
  filter: Filter;
}

export interface ListResponse {
  records: RecordView[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
  total: number | null;
}

/** The store query a list runs: the client's filter checked, the scope and the user's access merged in, the sort. */
export interface ListQuery {
  object: CompiledObject;
  hidden: ReadonlySet<string>;
  /** What the records must match: scope, client filter, record access, not in the recycle bin. */
  filter: Filter;
  /** The scope and the client's filter alone, which the cursor carries. */
  scoped: Filter;
  sort: SortSpec;
}

export async function listQuery(ctx: OperationContext, objectName: string, request: Pick<ListRequest, 'filter' | 'sort'>, scope?: ListScope): Promise<ListQuery> {
  // the object, from the snapshot the request started with; the records and fields the user may see
  const object = recordObject(ctx, objectName);
  const access = await recordAccess(ctx, object, 'read');
  const { hidden } = fieldAccess(ctx, object);
  // the client's filter, checked and compiled; the engine's scope and the access beside it
  const clientFilter = request.filter === undefined ? {} : compileFilter(object, request.filter, hidden);
  const scoped = scope ? (request.filter === undefined ? scope.filter : { $and: [scope.filter, clientFilter] }) : clientFilter;
  return { object, hidden, filter: alive(withAccess(scoped, access)), scoped, sort: parseSort(object, request.sort, hidden) };
}

export async function listRecords(ctx: OperationContext, objectName: string, request: ListRequest, scope?: ListScope): Promise<ListResponse> {
  const { object, hidden, filter, scoped, sort } = await listQuery(ctx, objectName, request, scope);
  const expand = parseExpand(object, request.expand, hidden);
  // A value a backfill has not stored everywhere yet cannot select nor order records (409 with its progress).
  const records = ctx.tenant.store.collection(object.collection);
  const backfill = await runningBackfill(ctx.tenant.store, object.name);
  refuseWhileBackfilling(backfill, [...filterPaths(scoped), ...Object.keys(sort)]);
  const fields = withExpanded(parseSelection(object, request.fields, hidden), expand);
  const limit = request.limit ?? DEFAULT_LIMIT;
  // the cursor's position on top
  const cursorQuery = { object: object.name, sort, filter: scoped };
  const paged = request.cursor ? { $and: [filter, cursorFilter(cursorQuery, request.cursor)] } : filter;
  // one page plus one record, to know whether another page follows
  // During a backfill the whole record is read: a value computed on the fly reads other fields.
  const projection = backfill ? undefined : projectionFor(fields, Object.keys(sort));
  const found = await records.find(paged, { sort, limit: limit + 1, ...(projection ? { projection } : {}) });
  const page = found.slice(0, limit);
  const next = found.length > limit ? encodeCursor(cursorQuery, page[page.length - 1]!) : null;
  const total = request.total === true ? await records.count(filter) : null;
  const current = await completeOnTheFly(ctx.tenant.store, ctx.snapshot, object, backfill, page);
  const views = current.map((record) => presentRecord(record, fields, hidden));
  // parents embedded with one query per relation for the whole page
  await expandRecords(ctx, views, expand);
  return { records: views, next, total };
}

/** The selected fields plus the sort keys, which the cursor needs even when they are not shown. */
function projectionFor(fields: ReadonlySet<string> | undefined, sortKeys: string[]): Projection | undefined {
  if (!fields) return undefined;
  const projection: Projection = { _id: 1, _version: 1 };
  for (const name of [...fields, ...sortKeys]) projection[name] = 1;
  return projection;
}
