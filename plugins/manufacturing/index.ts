import { definePack } from '../../engine/packs/index.js';
import { coveredAssets } from './code/covered-assets.js';
import { manufacturingDemoData } from './code/demo-data.js';
import { oneActiveBomPerProduct } from './code/one-active-bom.js';

/**
 * The manufacturing pack's code: what its metadata cannot say. One active bill of materials per
 * product, the assets each maintenance contract covers, and the demo data generated for the day of
 * the install (docs/packs/manufacturing.md).
 */
export default definePack({
  hooks: [oneActiveBomPerProduct, coveredAssets],
  demoData: manufacturingDemoData,
});
