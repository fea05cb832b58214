import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';

export type ExportFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The `format` parameter of an export or an error file: `csv` (the default) or `xlsx`. */
export function parseExportFormat(input: string | undefined): ExportFormat {
  if (input === undefined || input === '' || input === 'csv' || input === 'xlsx') return (input || 'csv') as ExportFormat;
  throw new ValidationError([{ path: '/format', message: msg`must be 'csv' or 'xlsx', got '${input}'` }]);
}
