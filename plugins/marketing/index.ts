import { definePack } from '../../engine/packs/index.js';
import { refreshCampaignResults } from './code/campaign-results.js';
import { marketingDemoData } from './code/demo-data.js';
import { marketingHooks } from './code/hooks.js';
import { countResultsJob } from './code/results-job.js';

/**
 * The marketing pack's code: what its metadata cannot say. Counting a campaign's results (an
 * action its rules run, and an hourly job), keeping segments' members to their criteria (hooks on
 * the segment's writes), one membership per lead or contact and campaign, and its demo data.
 */
export default definePack({
  hooks: marketingHooks,
  actions: { refreshCampaignResults },
  jobs: { 'count-results': countResultsJob },
  demoData: marketingDemoData,
});
