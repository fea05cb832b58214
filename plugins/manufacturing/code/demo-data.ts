import type { DemoDataContext } from '../../../engine/packs/index.js';
import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { demoBoms } from './demo-boms.js';
import { demoInstalledBase } from './demo-installed-base.js';
import { demoPeople } from './demo-people.js';
import { demoQuotes } from './demo-quotes.js';
import { dice } from './demo-random.js';

/**
 * The manufacturing demo for the day of the install, on top of the sales demo's accounts and
 * products: the engineering team and field technicians, component parts with the bills of
 * materials of the hardware sold, quotes with configured products, and the installed base at the
 * customers' sites with its maintenance contracts and visits.
 */
export function manufacturingDemoData(context: DemoDataContext): Record<string, DemoRecord[]> {
  const roll = dice(context);
  const { parts, boms, lines } = demoBoms(context.today);
  const { quotes, quoteLines, configurations, options } = demoQuotes(roll);
  const { assets, contracts, visits } = demoInstalledBase(context.today, roll);
  return {
    user: demoPeople(),
    product: parts,
    bom: boms,
    bom_line: lines,
    quote: quotes,
    quote_line: quoteLines,
    product_configuration: configurations,
    configuration_option: options,
    maintenance_contract: contracts,
    installed_asset: assets,
    maintenance_visit: visits,
  };
}
