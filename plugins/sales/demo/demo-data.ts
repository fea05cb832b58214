import type { DemoDataGenerator } from '../../../engine/packs/index.js';
import { demoCatalogue } from './demo-catalogue.js';
import { demoCampaigns, demoCustomers } from './demo-customers.js';
import { demoLeads, demoPipeline, demoQuotas } from './demo-pipeline.js';
import { demoRandom } from './demo-random.js';
import { demoTeam } from './demo-team.js';

/**
 * The sales demo for the day of the install: a team of sixteen, a product catalogue with three
 * price books, ~300 accounts with ~600 contacts, campaigns, ~1,200 opportunities of the last twelve
 * months with their lines, ~500 leads and each rep's monthly quotas; the same records for the same day.
 */
export const salesDemoData: DemoDataGenerator = (context) => {
  const random = demoRandom(context);
  const team = demoTeam(random);
  const { products, priceBooks, entries, catalogue } = demoCatalogue();
  const customers = demoCustomers(random, team.reps);
  const { campaigns, list: campaignList } = demoCampaigns(random, context.today);
  const { quotas, keyOf } = demoQuotas(random, context.today, team.reps);
  const pipeline = demoPipeline(random, context.today, customers.list, campaignList, catalogue, keyOf);
  return {
    user: team.users,
    product: products,
    price_book: priceBooks,
    price_book_entry: entries,
    account: customers.accounts,
    contact: customers.contacts,
    campaign: campaigns,
    quota: quotas,
    opportunity: pipeline.opportunities,
    opportunity_line: pipeline.lines,
    lead: demoLeads(random, customers.list, campaignList, pipeline.opportunities, team.reps),
  };
};
