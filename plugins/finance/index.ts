import { definePack } from '../../engine/packs/index.js';
import { copyLines } from './code/copy-lines.js';
import { financeDemoData } from './code/demo-data.js';

/** The finance pack's code: the action that copies a won opportunity's lines, and the demo tenant's orders, invoices, payments and claims. */
export default definePack({
  actions: { copyLines },
  demoData: financeDemoData,
});
