import { definePack } from '../../engine/packs/index.js';
import { copyLines } from './copy-lines.js';
import { procurementDemoData } from './demo-data.js';

/**
 * The procurement pack's code: the action that copies a purchase request's lines to the order its
 * approval creates, and the demo data of a year of purchasing. Everything else is metadata.
 */
export default definePack({
  actions: { copyLines },
  demoData: procurementDemoData,
});
