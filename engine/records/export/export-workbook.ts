import type { Writable } from 'node:stream';
import type { OperationContext } from '../../context/index.js';
import { localize } from '../../i18n/language.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { columnValue, type ExportColumn } from './export-columns.js';
import { exportPages, type ExportRequest } from './export-records.js';
import { cellKind, XlsxSheet, type CellKind } from './xlsx-cells.js';

const SYSTEM_DATES = new Set(['_createdAt', '_updatedAt']);

/**
 * The records a user may list (exportPages: the same columns, access and limits as the CSV) as an
 * XLSX workbook streamed to `out`, with typed cells: numbers and amounts as numbers, dates as
 * dates, booleans as booleans, a parent named by its name as text.
 */
export async function exportWorkbook(ctx: OperationContext, objectName: string, request: ExportRequest, out: Writable, started?: () => void): Promise<void> {
  const { object, columns, pages } = await exportPages(ctx, objectName, request);
  started?.();
  const sheet = new XlsxSheet(out, localize(object.object.pluralLabel, ctx.language), columns.map((column) => column.header), columns.map((column) => kindOf(ctx, object, column)));
  for await (const page of pages) for (const record of page) sheet.add(columns.map((column) => columnValue(record, column)));
  await sheet.end();
}

function kindOf(ctx: OperationContext, object: CompiledObject, column: ExportColumn): CellKind {
  if (SYSTEM_DATES.has(column.field) && !column.relation) return 'datetime';
  if (!column.relation) return cellKind(object.field(column.field), column.parentName !== undefined);
  const relation = object.field(column.relation);
  const target = relation && (relation.type === 'lookup' || relation.type === 'masterdetail') ? relation.target : 'user';
  if (SYSTEM_DATES.has(column.field)) return 'datetime';
  return cellKind(ctx.snapshot.object(target)?.field(column.field));
}
