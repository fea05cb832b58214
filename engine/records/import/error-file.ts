import type { Writable } from 'node:stream';
import type { OperationContext } from '../../context/index.js';
import { messageFromStored, msg, renderText } from '../../i18n/message.js';
import type { ExportFormat } from '../export/export-format.js';
import { XlsxSheet } from '../export/xlsx-cells.js';
import type { ImportDoc, ImportRowDoc } from './import-doc.js';
import { failedRows } from './import-view.js';
import type { Cell } from './read-table.js';

const PAGE = 1_000;

/**
 * The rows the last dry run or run failed, as the file had them (same columns, same cells), with
 * one more column saying what is wrong with each: the user fixes them there and imports the file
 * again (the extra column maps to no field). Rows a run wrote are not in it, so nothing is written twice.
 */
export async function writeErrorFile(ctx: OperationContext, doc: ImportDoc, format: ExportFormat, out: Writable): Promise<void> {
  const headers = [...doc.headers, renderText(msg`Errors`, ctx.language)];
  const xlsx = format === 'xlsx' ? new XlsxSheet(out, doc.object, headers, headers.map(() => 'as-is' as const)) : undefined;
  const write = (cells: readonly Cell[]) => (xlsx ? xlsx.add(cells) : out.write(csvLine(cells)));
  if (!xlsx) out.write(`\uFEFF${csvLine(headers)}`);
  let after = 0;
  for (;;) {
    const rows = await failedRows(ctx, doc._id, after, PAGE);
    for (const row of rows) write([...doc.headers.map((_header, i) => row.cells[i] ?? null), problemText(ctx, row)]);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.row;
  }
  if (xlsx) await xlsx.end();
}

/** A row's problems in one cell: `Amount: is not a number; Close date: …`. */
function problemText(ctx: OperationContext, row: ImportRowDoc): string {
  return (row.problems ?? []).map((problem) => `${problem.column ?? ''}${problem.column ? ': ' : ''}${renderText(messageFromStored(problem.message), ctx.language)}`).join('; ');
}

/**
 * One CSV line with the cells as the user wrote them (quoted where needed, nothing added), so that
 * the fixed file reads back the same: the cells came from the user's own file.
 */
function csvLine(cells: readonly Cell[]): string {
  return `${cells.map((cell) => (cell === null ? '' : /[",\r\n;]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(',')}\r\n`;
}
