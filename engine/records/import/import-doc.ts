import type { StoredMessage } from '../../i18n/message.js';
import type { Doc } from '../../store/port.js';
import type { BulkMode } from '../bulk/index.js';
import type { Cell, TableFormat } from './read-table.js';

/** The tenant's imports: one document per uploaded file, with its settings and progress. */
export const IMPORTS = 'imports';
/** The rows of each import's file, as uploaded: `_id` is the import's id and the row number, so a range of ids reads them in order. */
export const IMPORT_ROWS = 'import_rows';
/** The job kind that checks (dry run) or runs an import in batches. */
export const IMPORT_JOB = 'records.import';

/** How one column of the file becomes one field's value. */
export interface ColumnMapping {
  /** The column's header, as in the file. */
  readonly column: string;
  /** The field it fills. */
  readonly field: string;
  /**
   * For a lookup or master-detail field: how the cell names the parent: `name` (its name field,
   * the default), `_id`, or one of the parent object's external-id fields.
   */
  readonly match?: string;
}

/** The order of day, month and year in dates written with slashes, dots or dashes (`3/1/2017`); ISO dates are read whatever it says. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';
export const DATE_ORDERS: readonly DateOrder[] = ['MDY', 'DMY', 'YMD'];

/** What the user chose before a dry run or a run. */
export interface ImportSettings {
  readonly mapping: readonly ColumnMapping[];
  readonly mode: BulkMode;
  /** The external-id field that matches records (upsert; update without an `_id` column). */
  readonly externalId?: string;
  readonly dateOrder: DateOrder;
  /** The decimal separator of numbers with only one kind of separator (`1,5`); `1,234.50` and `1.234,50` are read either way. */
  readonly decimalSeparator: '.' | ',';
}

/**
 * uploaded → checking → checked (the dry run's report) → running → done. A dry run or a run may be
 * cancelled (cancelled), and an unexpected error ends it (failed, with `lastError`). A checked or
 * ended import may be checked or run again.
 */
export type ImportStatus = 'uploaded' | 'checking' | 'checked' | 'running' | 'done' | 'cancelled' | 'failed';
export const IMPORT_STATUSES: readonly ImportStatus[] = ['uploaded', 'checking', 'checked', 'running', 'done', 'cancelled', 'failed'];

export interface ImportDoc extends Doc {
  object: string;
  createdBy: string;
  createdAt: string;
  fileName: string;
  format: TableFormat;
  headers: string[];
  /** Rows of data (the header row not counted, blank rows left out). */
  total: number;
  /** The number of the last row in the file (the header is row 1). */
  lastRow: number;
  status: ImportStatus;
  settings?: ImportSettings;
  /** The phase running or last run: a dry run (`check`) or the run itself. */
  phase?: 'check' | 'run';
  /** The file's row number the phase has done up to (inclusive); 1 before its first batch. */
  cursor: number;
  done: number;
  created: number;
  updated: number;
  failed: number;
  /** Rows an earlier run wrote already, passed over by this one. */
  skipped?: number;
  startedAt?: string;
  finishedAt?: string;
  lastError?: StoredMessage;
}

/** One problem of a row: the column (when known), the cell's value, and why. */
export interface RowProblem {
  column: string | null;
  value: Cell;
  /** The field path the write path named (`/amount`); empty for the record as a whole. */
  path: string;
  message: StoredMessage;
}

export interface ImportRowDoc extends Doc {
  import: string;
  /** The row's number in the file (the header is row 1). */
  row: number;
  cells: Cell[];
  /** What the last phase did with the row: checked or written, or failed with its problems. */
  outcome?: 'created' | 'updated' | 'failed';
  problems?: RowProblem[];
  /** The record the run created or updated from the row: a re-run of the import never writes the row again. */
  record?: string;
}

const ROW_DIGITS = 8;

/** A row's `_id`: the import's id and the row number, zero-padded so that ids sort as rows do. */
export function rowId(importId: string, row: number): string {
  return `${importId}:${String(row).padStart(ROW_DIGITS, '0')}`;
}

/** The ids of an import's rows after `row`, for a range read in order. */
export function rowsAfter(importId: string, row: number): Record<string, unknown> {
  return { _id: { $gt: rowId(importId, row), $lte: `${importId}:~` } };
}
