import type { OperationContext } from '../../context/index.js';
import { ConflictError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';
import { IMPORT_ROWS, IMPORTS, type ImportDoc } from './import-doc.js';
import { ownImport } from './import-view.js';

/** Removes an import and the rows of its file (not while it is checked or run: cancel it first). The records it wrote stay. */
export async function deleteImport(ctx: OperationContext, id: string): Promise<void> {
  await ownImport(ctx, id);
  await ctx.tenant.store.unitOfWork(async (tx) => {
    const removed = await tx.collection<ImportDoc>(IMPORTS).deleteOne({ _id: id, status: { $nin: ['checking', 'running'] } });
    if (removed === 0) throw new ConflictError('import_running', msg`The import is being checked or run: cancel it before you delete it.`);
    await tx.collection(IMPORT_ROWS).deleteMany({ _id: { $gt: `${id}:`, $lte: `${id}:~` } });
  });
}
