import { engineWriteHooks } from '../records/write-pipeline/index.js';
import { runAutomation } from './run-automation.js';

/** Makes every create and update run the object's automation rules (a before-save hook); safe to call more than once. */
export function installAutomation(): void {
  engineWriteHooks.on('beforeSave', 'automation', async (tx, { kind, ctx, object, before, record }) =>
    kind === 'create' || kind === 'update' ? runAutomation(tx, ctx, object, before, record) : undefined,
  );
}
