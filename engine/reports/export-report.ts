import ExcelJS from 'exceljs';
import { csvRow } from '../records/export/csv.js';
import type { Language } from '../i18n/language.js';
import type { ReportResult } from './report-result.js';
import { reportTable } from './report-table.js';

/** A report's result as CSV: a byte-order mark so spreadsheets read it as UTF-8, text cells defused. */
export function reportCsv(result: ReportResult, language: Language): string {
  const table = reportTable(result, language);
  return `\uFEFF${csvRow(table.header)}${table.rows.map((row) => csvRow(row)).join('')}`;
}

/** A report's result as an XLSX workbook of one sheet: figures as numbers with their scale's format, the header frozen. */
export async function reportXlsx(result: ReportResult, language: Language): Promise<Buffer> {
  const table = reportTable(result, language);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(result.report.label.slice(0, 31) || result.report.name);
  sheet.addRow([...table.header]).font = { bold: true };
  // Text goes in as text (never a formula): exceljs writes a string cell for a string value.
  for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? null : typeof cell === 'object' ? JSON.stringify(cell) : cell)));
  for (const [index, measure] of table.measureColumns) {
    const column = sheet.getColumn(index + 1);
    if (measure.type !== 'date' && measure.type !== 'datetime') column.numFmt = measure.scale > 0 ? `#,##0.${'0'.repeat(measure.scale)}` : '#,##0';
    column.width = 16;
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
