import { recordAccess } from '../../security/access/index.js';
import { appendAudit } from '../../audit/audit-log.js';
import type { OperationContext } from '../../context/index.js';
import { listRecords } from '../list-records.js';
import { MAX_LIMIT } from '../../metadata/query/list-query.js';
import { recordObject } from '../record-object.js';
import type { RecordView } from '../../metadata/record-shape/record.js';
import { csvRow } from './csv.js';
import { columnValue, planExport, type ExportColumn, type LookupCells } from './export-columns.js';
import { readableColumns } from './readable-columns.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';

export interface ExportRequest {
  filter?: unknown;
  sort?: string;
  /** Columns, e.g. "name,amount,account.name"; without it every field the user may read. */
  fields?: string;
  /** Relations whose parents' fields become columns too, e.g. "account,owner" (see planExport). */
  expand?: string;
  /** `name`: each lookup column holds its parent's name where the user may see the parent (see planExport). */
  lookups?: LookupCells;
  /** Headers and picklist values in the reader's language instead of API names and stored values (readableColumns). */
  labels?: boolean;
}

/** The most rows one export holds; narrow the filter for more. */
export const MAX_EXPORT_ROWS = 100_000;

/** The columns of an export, then its records page after page. */
export interface ExportPages {
  readonly object: CompiledObject;
  readonly columns: readonly ExportColumn[];
  readonly pages: AsyncGenerator<readonly RecordView[]>;
}

/**
 * The records a user may list, page after page through the same list operation (so the same
 * access, field security and filter rules apply, to the parents embedded too), at most
 * MAX_EXPORT_ROWS. The first page is read before this returns, so a bad filter is an error before
 * anything is sent. Every export is audited with its row count once its last page was read.
 */
export async function exportPages(ctx: OperationContext, objectName: string, request: ExportRequest): Promise<ExportPages> {
  const object = recordObject(ctx, objectName);
  await recordAccess(ctx, object, 'read');
  const plan = await planExport(ctx, object, request);
  const list = { ...(request.filter === undefined ? {} : { filter: request.filter }), ...(request.sort ? { sort: request.sort } : {}), ...(plan.fields ? { fields: plan.fields } : {}), ...(plan.expand ? { expand: plan.expand } : {}) };
  const first = await listRecords(ctx, objectName, { ...list, limit: MAX_LIMIT });
  async function* pages(): AsyncGenerator<readonly RecordView[]> {
    let page = first;
    let rows = 0;
    for (;;) {
      const take = page.records.slice(0, MAX_EXPORT_ROWS - rows);
      if (take.length > 0) yield take;
      rows += take.length;
      if (!page.next || rows >= MAX_EXPORT_ROWS) break;
      page = await listRecords(ctx, objectName, { ...list, limit: MAX_LIMIT, cursor: page.next });
    }
    await ctx.tenant.store.unitOfWork((tx) => appendAudit(tx, { actor: ctx.principal.userId, action: 'record.export', object: object.name, changes: { rows: { old: null, new: rows } } }));
  }
  return { object, columns: request.labels ? readableColumns(ctx, object, plan.columns) : plan.columns, pages: pages() };
}

/**
 * The records a user may list, as CSV (exportPages), with a byte-order mark so that spreadsheet
 * programs read the Chinese labels right.
 */
export async function* exportRecords(ctx: OperationContext, objectName: string, request: ExportRequest): AsyncGenerator<string> {
  const { columns, pages } = await exportPages(ctx, objectName, request);
  const row = (record: RecordView) => csvRow(columns.map((column) => columnValue(record, column)));
  yield `\uFEFF${csvRow(columns.map((column) => column.header))}`;
  for await (const page of pages) yield page.map(row).join('');
}
