import { pipeline, Transform, type Readable } from 'node:stream';
import type { OperationContext } from '../../context/index.js';
import { requestsInFlight } from '../../concurrency/requests-in-flight.js';
import { ForbiddenError, ValidationError } from '../../errors/index.js';
import { inSentence, msg } from '../../i18n/message.js';
import { userAccess } from '../../security/access/index.js';
import { BlobTooLargeError } from '../../store/blob-port.js';
import { newId } from '../../store/new-id.js';
import { recordObject } from '../record-object.js';
import { suggestMapping } from './column-mapping.js';
import { IMPORT_ROWS, IMPORTS, rowId, type ColumnMapping, type ImportDoc, type ImportRowDoc, type ImportSettings } from './import-doc.js';
import { presentImport, previewRows, type ImportView } from './import-view.js';
import { readTable, tableFormat, type Cell } from './read-table.js';
import { savedMapping } from './saved-mappings.js';

/** The largest file an import takes, by default (IMPORT_FILE_LIMIT_MB). */
export const DEFAULT_IMPORT_FILE_LIMIT = 50 * 1024 * 1024;
/** The most rows of data one import holds: split a larger file. */
export const MAX_IMPORT_ROWS = 200_000;
/** Rows stored per unit of work while a file is read. */
const ROWS_PER_UNIT = 1_000;

export interface ImportUpload {
  readonly name: string;
  readonly contentType?: string;
  readonly maxBytes: number;
}

/** An upload's answer: the import, the first rows, and the mapping the wizard proposes. */
export interface UploadedImport extends ImportView {
  preview: Cell[][];
  suggested: ColumnMapping[];
  /** The settings the user chose last time for this object (mode, external id, formats), if any. */
  saved: Omit<ImportSettings, 'mapping'> | null;
}

/**
 * Reads an uploaded CSV or XLSX file as it streams in and keeps its rows (the first row is the
 * header), ready for a dry run and a run. Only users who may create or edit the object's records
 * may import into it. Nothing is kept of a file that cannot be read, is too large or has too many rows.
 */
export async function uploadImport(ctx: OperationContext, objectName: string, upload: ImportUpload, content: Readable): Promise<UploadedImport> {
  const object = recordObject(ctx, objectName);
  const rights = ctx.principal.system ? { create: true, edit: true } : userAccess(ctx.snapshot, ctx.principal).object(object.name);
  if (!rights.create && !rights.edit) throw new ForbiddenError(msg`You may neither create nor edit ${inSentence(object.object.pluralLabel)}, so you cannot import them.`);
  const format = tableFormat(upload.name, upload.contentType);
  const id = newId();
  const rows = ctx.tenant.store.collection<ImportRowDoc>(IMPORT_ROWS);
  let headers: string[] | undefined;
  let total = 0;
  let lastRow = 1;
  let pending: ImportRowDoc[] = [];
  const flush = async () => {
    const chunk = pending;
    pending = [];
    if (chunk.length === 0) return;
    await ctx.tenant.store.unitOfWork((tx) => tx.collection<ImportRowDoc>(IMPORT_ROWS).insertMany(chunk));
    await requestsInFlight.giveWay();
  };
  try {
    let number = 0;
    const bounded = limited(upload.maxBytes);
    pipeline(content, bounded, () => undefined);
    for await (const cells of readTable(format, bounded)) {
      number++;
      if (!headers) {
        headers = headerNames(cells);
        continue;
      }
      if (cells.every((cell) => cell === null || cell === '')) continue;
      if (++total > MAX_IMPORT_ROWS) throw new ValidationError([{ path: '/file', message: msg`has more than ${MAX_IMPORT_ROWS} rows: split it into smaller files` }]);
      lastRow = number;
      pending.push({ _id: rowId(id, number), import: id, row: number, cells: cells.slice(0, headers.length) });
      if (pending.length >= ROWS_PER_UNIT) await flush();
    }
    await flush();
  } catch (error) {
    await rows.deleteMany({ _id: { $gt: rowId(id, 0), $lte: `${id}:~` } });
    throw error;
  }
  if (!headers || headers.length === 0) throw new ValidationError([{ path: '/file', message: msg`is empty: the first row must name the columns` }]);
  const doc: ImportDoc = {
    _id: id,
    object: object.name,
    createdBy: ctx.principal.userId,
    createdAt: new Date().toISOString(),
    fileName: upload.name,
    format,
    headers,
    total,
    lastRow,
    status: 'uploaded',
    cursor: 1,
    done: 0,
    created: 0,
    updated: 0,
    failed: 0,
  };
  await ctx.tenant.store.collection<ImportDoc>(IMPORTS).insertOne(doc);
  const saved = await savedMapping(ctx, object.name);
  return { ...presentImport(ctx, doc), preview: await previewRows(ctx, id), suggested: suggestMapping(ctx, object, headers, saved.columns), saved: saved.settings ?? null };
}

/** The header row as column names: trimmed text; an empty header is named by its place (`Column 3`). */
function headerNames(cells: readonly Cell[]): string[] {
  let last = cells.length;
  while (last > 0 && (cells[last - 1] === null || String(cells[last - 1]).trim() === '')) last--;
  return cells.slice(0, last).map((cell, index) => (cell === null || String(cell).trim() === '' ? `Column ${index + 1}` : String(cell).trim()));
}

/** Passes the bytes on until the limit, then fails the stream (413): a file is never read past it. */
function limited(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new BlobTooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
}
