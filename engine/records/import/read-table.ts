import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { pipeline, Readable } from 'node:stream';
import { isEngineError, ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';

/** A cell as an import keeps it: text from a CSV; from a spreadsheet its number, boolean or text, a date as ISO text. */
export type Cell = string | number | boolean | null;

export type TableFormat = 'csv' | 'xlsx';

/** The format of an uploaded file, by its name and type: a spreadsheet (XLSX) or CSV. */
export function tableFormat(fileName: string, contentType: string | undefined): TableFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx' || (!extension && contentType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')) return 'xlsx';
  if (extension === 'csv' || extension === 'txt' || (!extension && /^text\/(csv|plain)\b/i.test(contentType ?? ''))) return 'csv';
  throw new ValidationError([{ path: '/headers/x-file-name', message: msg`'${fileName}' is neither a CSV nor an XLSX file: save the sheet as CSV (UTF-8) or Excel workbook (.xlsx)` }]);
}

/**
 * The rows of a table file as they stream in, the header row first: a CSV (UTF-8, with or without
 * a byte-order mark, comma or semicolon separated), or the first sheet of an XLSX workbook.
 */
export function readTable(format: TableFormat, content: Readable): AsyncGenerator<Cell[]> {
  return format === 'csv' ? csvRows(content) : xlsxRows(content);
}

async function* csvRows(content: Readable): AsyncGenerator<Cell[]> {
  const chunks = content[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const head = Buffer.from(first.value as Buffer);
  async function* whole(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value as Buffer;
  }
  // Blank lines stay rows (empty ones), so that row numbers are those a spreadsheet shows.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, delimiter: delimiterOf(head.toString('utf8')) });
  // pipeline, not pipe: an error of the source (a file over the size limit) ends the parser with it.
  pipeline(Readable.from(whole()), parser, () => undefined);
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    if (isEngineError(error)) throw error;
    const line = (error as { lines?: number }).lines;
    throw new ValidationError([{ path: '/file', message: msg`is not a readable CSV file near line ${line ?? 1}: ${(error as Error).message}` }]);
  }
}

/** The separator of a CSV: the one of comma, semicolon (spreadsheets in many European locales) and tab its header line has most of. */
export function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (separator: string) => header.split(separator).length - 1;
  return [',', ';', '\t'].reduce((best, separator) => (count(separator) > count(best) ? separator : best));
}

async function* xlsxRows(content: Readable): AsyncGenerator<Cell[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(content, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit' });
  try {
    for await (const sheet of reader) {
      let expected = 1;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // Empty rows are left out of the stream: the numbers of those after them stay the sheet's.
        for (; expected < row.number; expected++) yield [];
        yield (row.values as unknown[]).slice(1).map(cellOf);
        expected = row.number + 1;
      }
      return;
    }
  } catch (error) {
    if (isEngineError(error)) throw error;
    throw new ValidationError([{ path: '/file', message: msg`is not a readable XLSX workbook: ${(error as Error).message}` }]);
  }
}

/** A spreadsheet cell's value: a formula's result, a link's text, rich text as plain text. */
function cellOf(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  const object = value as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: unknown };
  if (object.richText) return object.richText.map((part) => part.text).join('');
  if ('result' in object) return cellOf(object.result);
  if (typeof object.text === 'string') return object.text;
  return null;
}
