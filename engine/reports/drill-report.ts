import type { OperationContext } from '../context/index.js';
import { ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import type { ResolvedGrouping } from '../metadata/reports/report-parts.js';
import { withinResolved, type Calendar } from '../metadata/reports/within-filter.js';
import { listRecords, type ListResponse } from '../records/list-records.js';
import { bucketRange } from './buckets.js';
import { levelMapper, sourceField } from './level-values.js';
import { readableReport } from './readable-report.js';
import { calendarOf, reportMatch, type RunConditions } from './report-match.js';
import { storeGroups } from './store-groups.js';

export interface DrillRequest extends RunConditions {
  /** The keys of the row groups, outermost first (a summary's groups), as the run answered them. */
  readonly row?: readonly unknown[];
  /** Matrix: the keys of the column groups. */
  readonly column?: readonly unknown[];
  readonly limit?: number;
  readonly cursor?: string;
  readonly fields?: string;
}

export interface DrillResponse extends ListResponse {
  /** The filter, in the list API's language, that selects the records behind the cell. */
  readonly filter: unknown;
}

/** An id no record has: `in` of it matches nothing, where an empty list is no condition at all. */
const NO_RECORD = '0'.repeat(24);

/** The list API's `in` takes at most this many values; longer lists are split into `or`. */
const IN_CHUNK = 500;

/**
 * The records behind one figure of a report: the report's filter (relative periods as dates) and
 * the run's conditions with each level's key as a condition, listed by the list API's own
 * operation (the reader's access, field security, sort and cursor paging apply). A level on a
 * parent's field becomes the ids of the parents whose value it is.
 */
export async function drillReport(ctx: OperationContext, name: string, request: DrillRequest): Promise<DrillResponse> {
  const { report } = readableReport(ctx, name);
  const calendar = calendarOf(report, request);
  const rowKeys = request.row ?? [];
  const columnKeys = request.column ?? [];
  if (rowKeys.length > report.groupings.length) throw new ValidationError([{ path: '/row', message: msg`names ${rowKeys.length} keys: the report has ${report.groupings.length} row levels` }]);
  if (columnKeys.length > report.columnGroupings.length) {
    throw new ValidationError([{ path: '/column', message: msg`names ${columnKeys.length} keys: the report has ${report.columnGroupings.length} column levels` }]);
  }
  const match = await reportMatch(ctx, report, request, calendar);
  const conditions: unknown[] = [withinResolved(report.object, report.definition.filter ?? {}, calendar)];
  if (request.filter !== undefined) conditions.push(withinResolved(report.object, request.filter, calendar));
  const pairs = [...rowKeys.map((key, i) => [report.groupings[i]!, key] as const), ...columnKeys.map((key, i) => [report.columnGroupings[i]!, key] as const)];
  for (const [level, key] of pairs) conditions.push(await levelCondition(ctx, level, key, calendar, match));
  // A dashboard's conditions on parents' fields, as ids of the records they leave.
  if (request.paths?.length) {
    const ids = (await storeGroups(ctx, report.object.collection, match, '$_id', [])).map((row) => row.parts.key);
    conditions.push(inList('_id', ids));
  }
  const filter = { and: conditions };
  const list = await listRecords(ctx, report.object.name, { filter, ...(request.limit ? { limit: request.limit } : {}), ...(request.cursor ? { cursor: request.cursor } : {}), ...(request.fields ? { fields: request.fields } : {}) });
  return { ...list, filter };
}

async function levelCondition(ctx: OperationContext, level: ResolvedGrouping, key: unknown, calendar: Calendar, match: Parameters<typeof storeGroups>[2]): Promise<unknown> {
  const source = sourceField(level.path);
  if (level.path.steps.length > 1) {
    // The parents the reader's records name whose value is the key.
    const raws = (await storeGroups(ctx, level.path.steps[0]!.object.collection, match, `$${source}`, [])).map((row) => row.parts.key);
    const mapper = await levelMapper(ctx, level, new Set(raws), calendar);
    const wanted = JSON.stringify(key ?? null);
    const ids = raws.filter((raw) => raw !== null && raw !== undefined && JSON.stringify(mapper(raw) ?? null) === wanted);
    const list = inList(source, ids);
    return key === null ? { or: [{ [source]: { isNull: true } }, list] } : list;
  }
  if (key === null) return { [source]: { isNull: true } };
  if (!level.bucket) return { [source]: key };
  const range = bucketRange(key, level.bucket, calendar, level.agingDays);
  if (!range) throw new ValidationError([{ path: '/row', message: msg`'${String(key)}' is not a ${level.bucket} of ${level.key}` }]);
  const moment = (day: string) => (level.path.field.type === 'datetime' ? `${day}T00:00:00.000Z` : day);
  return { [source]: { ...(range.from ? { gte: moment(range.from) } : {}), ...(range.to ? { lt: moment(range.to) } : {}) } };
}

/** `{field: {in: ids}}`, split into `or` of lists the list API takes; no ids matches nothing. */
function inList(field: string, ids: readonly unknown[]): unknown {
  if (ids.length <= IN_CHUNK) return { [field]: { in: ids.length > 0 ? ids : [NO_RECORD] } };
  const chunks = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) chunks.push({ [field]: { in: ids.slice(i, i + IN_CHUNK) } });
  return { or: chunks };
}
