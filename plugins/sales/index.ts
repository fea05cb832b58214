import { definePack } from '../../engine/packs/index.js';
import { quotaHooks } from './code/quota-link.js';
import { quoteHooks } from './code/quote-lines.js';
import { salesDemoData } from './demo/demo-data.js';

/**
 * The sales pack's code: what its metadata cannot say. Opportunities find their owner's quota of
 * the month (for the forecast against quota), quotes start with their opportunity's lines, and
 * the demo data is generated for the day of the install.
 */
export default definePack({
  hooks: [...quotaHooks, ...quoteHooks],
  demoData: salesDemoData,
});
