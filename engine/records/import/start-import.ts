import type { OperationContext } from '../../context/index.js';
import { ConflictError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { enqueueJob } from '../../jobs/index.js';
import { IMPORT_JOB, IMPORT_ROWS, IMPORTS, type ImportDoc, type ImportRowDoc } from './import-doc.js';
import { ownImport, presentImport, type ImportView } from './import-view.js';
import { parseImportSettings } from './import-settings.js';
import { prepareImport } from './prepare-import.js';
import { saveMapping } from './saved-mappings.js';
import { tagUnitWithRequest } from '../../observability/index.js';

const ACTIVE: readonly ImportDoc['status'][] = ['checking', 'running'];

/**
 * Starts the dry run (`check`) or the run of an import as a job, with the settings sent: they are
 * checked first against the file and the user's rights (4xx, nothing started), then saved as the
 * user's mapping for the object. A dry run checks every row through the whole write path and
 * writes none; a run writes them, passing over the rows an earlier run of the import wrote.
 */
export async function startImport(ctx: OperationContext, id: string, phase: 'check' | 'run', body: unknown): Promise<ImportView> {
  const doc = await ownImport(ctx, id);
  if (ACTIVE.includes(doc.status)) throw busy();
  const settings = parseImportSettings(body);
  await prepareImport(ctx, doc, settings);
  const started = await ctx.tenant.store.unitOfWork(async (tx) => {
    const imports = tx.collection<ImportDoc>(IMPORTS);
    const now = new Date().toISOString();
    const after = await imports.findOneAndUpdate(
      { _id: id, status: { $nin: [...ACTIVE] } },
      { $set: { status: phase === 'check' ? 'checking' : 'running', phase, settings, cursor: 1, done: 0, created: 0, updated: 0, failed: 0, skipped: 0, startedAt: now }, $unset: { finishedAt: '', lastError: '' } },
    );
    if (!after) throw busy();
    // A run's rows keep the record they wrote; a new phase forgets only the problems and the outcomes of failed rows.
    await tx.collection<ImportRowDoc>(IMPORT_ROWS).updateMany({ _id: { $gt: `${id}:`, $lte: `${id}:~` }, outcome: 'failed' }, { $unset: { outcome: '', problems: '' } });
    await saveMapping(tx, ctx, doc.object, settings);
    tagUnitWithRequest(tx, ctx.requestId);
    await enqueueJob(tx, { kind: IMPORT_JOB, dueAt: new Date(), payload: { import: id } });
    return after;
  });
  return presentImport(ctx, started);
}

/** Stops a dry run or a run after the batch it is in: what a run wrote stays, and a later run goes on from there. */
export async function cancelImport(ctx: OperationContext, id: string): Promise<ImportView> {
  await ownImport(ctx, id);
  const imports = ctx.tenant.store.collection<ImportDoc>(IMPORTS);
  const cancelled = await imports.findOneAndUpdate({ _id: id, status: { $in: [...ACTIVE] } }, { $set: { status: 'cancelled', finishedAt: new Date().toISOString() } });
  if (!cancelled) throw new ConflictError('import_not_running', msg`The import is neither being checked nor running: there is nothing to cancel.`);
  return presentImport(ctx, cancelled);
}

function busy(): ConflictError {
  return new ConflictError('import_running', msg`The import is being checked or run already: wait for it to end, or cancel it first.`);
}
