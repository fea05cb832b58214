import { onBeforeSave } from '../records/write-hooks.js';
import { runAutomation } from './run-automation.js';

/** Makes every record write run the object's automation rules (a before-save hook); safe to call more than once. */
export function installAutomation(): void {
  onBeforeSave(runAutomation);
}
