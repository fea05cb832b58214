import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ResolvedField } from '../../fields/index.js';

/** How a column's cells are typed in a workbook: numbers as numbers, dates as dates, the rest as text; `as-is` keeps a text, number or boolean as it is. */
export type CellKind = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'boolean' | 'as-is';

export function cellKind(field: ResolvedField | undefined, asName = false): CellKind {
  if (!field || asName) return 'text';
  switch (field.type) {
    case 'number':
    case 'percent':
      return 'number';
    case 'currency':
      return 'money';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'rollup':
      // count, sum, min and max of numbers; a min or max of dates is ISO text, read as a date by cellValue's check
      return 'number';
    case 'formula': {
      const kinds: Record<string, CellKind> = { currency: 'money', number: 'number', percent: 'number', date: 'date', datetime: 'datetime', boolean: 'boolean' };
      return kinds[field.resultType] ?? 'text';
    }
    default:
      return 'text';
  }
}

const FORMATS: Partial<Record<CellKind, string>> = { money: '#,##0.00', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };

/** A value as a typed cell; what does not fit its kind (a list, an object) is written as text. */
function cellValue(kind: CellKind, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (kind === 'as-is' && (typeof value === 'number' || typeof value === 'boolean')) return value;
  if ((kind === 'number' || kind === 'money') && typeof value === 'number') return value;
  if (kind === 'boolean' && typeof value === 'boolean') return value;
  if ((kind === 'date' || kind === 'datetime') && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(kind === 'date' ? `${value.slice(0, 10)}T00:00:00Z` : value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item ?? ''))).join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A workbook of one sheet streamed to `out`: a bold header row, then rows of typed cells. Text
 * cells are written as text, never as formulas, whatever they start with.
 */
export class XlsxSheet {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(
    out: Writable,
    name: string,
    headers: readonly string[],
    private readonly kinds: readonly CellKind[],
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(name.slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: Math.min(40, Math.max(10, header.length + 2)), style: FORMATS[kinds[i] ?? 'text'] ? { numFmt: FORMATS[kinds[i] ?? 'text'] } : {} }));
    this.sheet.getRow(1).font = { bold: true };
  }

  add(values: readonly unknown[]): void {
    this.sheet.addRow(values.map((value, i) => cellValue(this.kinds[i] ?? 'text', value))).commit();
  }

  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
