import type { OperationContext } from '../../context/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import { planBulk, type BulkPlan } from '../bulk/index.js';
import { recordObject } from '../record-object.js';
import { checkMapping, type MappedColumn } from './column-mapping.js';
import type { ImportDoc, ImportSettings } from './import-doc.js';
import { RowReader } from './row-record.js';

/** What a dry run and a run need, checked once: the object, the columns, the rights of the mode, the parents' access. */
export interface PreparedImport {
  readonly object: CompiledObject;
  readonly columns: readonly MappedColumn[];
  readonly plan: BulkPlan;
  readonly reader: RowReader;
}

/**
 * Checks the settings of an import against its file and the user's rights, as they stand now:
 * before a dry run or a run starts (so a mistake answers 4xx at once), and again by the job, which
 * acts as the user with the rights they hold when it runs.
 */
export async function prepareImport(ctx: OperationContext, doc: ImportDoc, settings: ImportSettings): Promise<PreparedImport> {
  const object = recordObject(ctx, doc.object);
  const plan = await planBulk(ctx, object, { mode: settings.mode, ...(settings.externalId ? { externalId: settings.externalId } : {}) });
  const columns = checkMapping(ctx, object, doc.headers, settings);
  const reader = await RowReader.open(ctx, columns, settings);
  return { object, columns, plan, reader };
}
