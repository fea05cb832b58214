import type { OperationContext } from '../../context/index.js';
import { NotFoundError } from '../../errors/index.js';
import { messageFromStored, msg, renderText } from '../../i18n/message.js';
import type { ColumnMapping, ImportDoc, ImportRowDoc, ImportSettings, ImportStatus } from './import-doc.js';
import { IMPORT_ROWS, IMPORTS, rowsAfter } from './import-doc.js';
import type { Cell } from './read-table.js';

/** What the API shows of an import: the file, the settings, where the dry run or the run stands. */
export interface ImportView {
  id: string;
  object: string;
  fileName: string;
  format: ImportDoc['format'];
  headers: string[];
  /** Rows of data in the file. */
  total: number;
  status: ImportStatus;
  phase: 'check' | 'run' | null;
  settings: ImportSettings | null;
  progress: {
    /** Rows the phase has done, of `total`. */
    done: number;
    created: number;
    updated: number;
    failed: number;
    /** Rows an earlier run already wrote, not written again. */
    skipped: number;
    /** Rows a second, over the phase so far. */
    rate: number;
    startedAt: string | null;
    finishedAt: string | null;
  };
  lastError: string | null;
}

/** An import of the user's own: anyone else's answers 404, as if it did not exist. */
export async function ownImport(ctx: OperationContext, id: string): Promise<ImportDoc> {
  const doc = await ctx.tenant.store.collection<ImportDoc>(IMPORTS).findOne({ _id: id, createdBy: ctx.principal.userId });
  if (!doc) throw new NotFoundError(msg`There is no import '${id}' of yours.`);
  return doc;
}

export function presentImport(ctx: OperationContext, doc: ImportDoc): ImportView {
  const until = doc.finishedAt ? Date.parse(doc.finishedAt) : Date.now();
  const seconds = doc.startedAt ? Math.max(0.001, (until - Date.parse(doc.startedAt)) / 1000) : 0;
  return {
    id: doc._id,
    object: doc.object,
    fileName: doc.fileName,
    format: doc.format,
    headers: doc.headers,
    total: doc.total,
    status: doc.status,
    phase: doc.phase ?? null,
    settings: doc.settings ?? null,
    progress: {
      done: doc.done,
      created: doc.created,
      updated: doc.updated,
      failed: doc.failed,
      skipped: doc.skipped ?? 0,
      rate: seconds > 0 ? Math.round(doc.done / seconds) : 0,
      startedAt: doc.startedAt ?? null,
      finishedAt: doc.finishedAt ?? null,
    },
    lastError: doc.lastError ? renderText(messageFromStored(doc.lastError), ctx.language) : null,
  };
}

/** The first rows of the file, for the wizard's preview. */
export async function previewRows(ctx: OperationContext, id: string, count = 10): Promise<Cell[][]> {
  const rows = await ctx.tenant.store.collection<ImportRowDoc>(IMPORT_ROWS).find(rowsAfter(id, 0), { sort: { _id: 1 }, limit: count, projection: { cells: 1 } });
  return rows.map((row) => row.cells);
}

/** One problem of the dry run's or the run's report. */
export interface ProblemView {
  row: number;
  column: string | null;
  value: Cell;
  message: string;
}

export const PROBLEM_PAGE = 200;

/** The problems the last phase found, row by row from `after`, in the reader's language. */
export async function listProblems(ctx: OperationContext, id: string, after = 0, limit = PROBLEM_PAGE): Promise<{ problems: ProblemView[]; next: number | null }> {
  await ownImport(ctx, id);
  const rows = await failedRows(ctx, id, after, limit);
  const problems = rows.flatMap((row) => (row.problems ?? []).map((problem) => ({ row: row.row, column: problem.column, value: problem.value, message: renderText(messageFromStored(problem.message), ctx.language) })));
  return { problems, next: rows.length === limit ? rows[rows.length - 1]!.row : null };
}

/** The rows the last phase failed, in file order, from after row `after`. */
export function failedRows(ctx: OperationContext, id: string, after: number, limit: number): Promise<ImportRowDoc[]> {
  return ctx.tenant.store.collection<ImportRowDoc>(IMPORT_ROWS).find({ ...rowsAfter(id, after), outcome: 'failed' }, { sort: { _id: 1 }, limit });
}

export type { ColumnMapping };
