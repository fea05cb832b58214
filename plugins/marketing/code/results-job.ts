import type { OperationContext } from '../../../engine/context/index.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { PackJob } from '../../../engine/packs/index.js';
import { createRecord, deleteRecord, updateRecord } from '../../../engine/records/index.js';
import { countCampaignFigures, type CampaignFigures } from './campaign-results.js';

function sameFigures(stored: Readonly<Record<string, unknown>>, figures: CampaignFigures): boolean {
  return Object.entries(figures).every(([field, value]) => field === 'refreshed_at' || (stored[field] ?? null) === value);
}

/**
 * Keeps every campaign's results record: makes the missing ones (campaigns created before the pack
 * was installed), removes those whose campaign was deleted (the lookup cleared it, so that deleting
 * a campaign is never refused for its results), and counts the others again, writing only those
 * whose figures moved, so that the history of a result shows when its campaign's figures changed.
 */
export async function refreshAllCampaignResults(ctx: OperationContext): Promise<{ created: number; updated: number; removed: number }> {
  const store = ctx.tenant.store;
  const campaigns = await store.collection('records.campaign').find(alive(), { projection: { _id: 1 } });
  const results = await store.collection('records.campaign_result').find(alive());
  const byCampaign = new Map(results.map((result) => [result.campaign as string, result]));
  let created = 0;
  let updated = 0;
  let removed = 0;
  for (const orphan of results.filter((result) => !result.campaign)) {
    await deleteRecord(ctx, 'campaign_result', orphan._id as string);
    removed++;
  }
  for (const { _id: campaign } of campaigns) {
    const result = byCampaign.get(campaign as string);
    const figures = await countCampaignFigures(store, campaign as string);
    if (!result) {
      await createRecord(ctx, 'campaign_result', { campaign, ...figures });
      created++;
      continue;
    }
    if (sameFigures(result, figures)) continue;
    await updateRecord(ctx, 'campaign_result', result._id as string, figures);
    updated++;
  }
  return { created, updated, removed };
}

/** The hourly count of campaign results, run as the engine in each tenant with the pack. */
export const countResultsJob: PackJob = {
  everyMinutes: 60,
  async run(ctx) {
    await refreshAllCampaignResults(ctx);
  },
};
