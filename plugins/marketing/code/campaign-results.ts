import type { PackAction } from '../../../engine/actions/index.js';
import { alive } from '../../../engine/metadata/record-shape/record-state.js';
import type { Collections } from '../../../engine/store/port.js';

/** The stages of an opportunity that are no longer pipeline (sales' picklist values). */
const WON = 'closed_won';
const CLOSED = ['closed_won', 'closed_lost'];
/** Response statuses that count as a response (the campaign member's formula `responded` says the same). */
const RESPONDED = ['responded', 'attended'];

/** The figures of a campaign result, as its fields name them. */
export interface CampaignFigures {
  members: number;
  responses: number;
  leads: number;
  converted_leads: number;
  opportunities: number;
  won_opportunities: number;
  pipeline_revenue: number;
  won_revenue: number;
  budget: number | null;
  refreshed_at: string;
}

/** An amount in the corporate currency where the record holds one, else as stored. */
function corporate(record: Record<string, unknown>, field: string): number {
  const converted = record[`${field}__corporate`];
  const amount = typeof converted === 'number' ? converted : record[field];
  return typeof amount === 'number' ? amount : 0;
}

function sum(records: readonly Record<string, unknown>[], field: string): number {
  // Whole cents, so that a sum of many amounts does not drift in floating point.
  return records.reduce((total, record) => total + Math.round(corporate(record, field) * 100), 0) / 100;
}

/**
 * Counts what one campaign brought, from the records as the unit of work sees them: every record,
 * whoever owns it (the results are the marketing team's view of the whole company's deals).
 */
export async function countCampaignFigures(tx: Collections, campaignId: string, now: Date = new Date()): Promise<CampaignFigures> {
  const campaign = await tx.collection('records.campaign').findOne(alive({ _id: campaignId }));
  const mine = alive({ campaign: campaignId });
  const [members, responses, leads, convertedLeads, opportunities] = await Promise.all([
    tx.collection('records.campaign_member').count(mine),
    tx.collection('records.campaign_member').count({ ...mine, status: { $in: RESPONDED } }),
    tx.collection('records.lead').count(mine),
    tx.collection('records.lead').count({ ...mine, status: 'converted' }),
    tx.collection('records.opportunity').find(mine, { projection: { stage: 1, amount: 1, amount__corporate: 1 } }),
  ]);
  const won = opportunities.filter((opportunity) => opportunity.stage === WON);
  const open = opportunities.filter((opportunity) => !CLOSED.includes(opportunity.stage as string));
  const budget = campaign && typeof campaign.budget === 'number' ? corporate(campaign, 'budget') : null;
  return {
    members,
    responses,
    leads,
    converted_leads: convertedLeads,
    opportunities: opportunities.length,
    won_opportunities: won.length,
    pipeline_revenue: sum(open, 'amount'),
    won_revenue: sum(won, 'amount'),
    budget,
    refreshed_at: now.toISOString(),
  };
}

/**
 * The action the results' rules run (on create, the button, the nightly schedule): it counts the
 * campaign's figures and sets them on the result record, through the record write path.
 */
export const refreshCampaignResults: PackAction = {
  label: { en: 'Count the campaign\'s results', 'zh-CN': '统计市场活动成效' },
  async run(_ctx, { tx, object, record }) {
    if (object !== 'campaign_result' || typeof record.campaign !== 'string') return;
    return { set: { ...(await countCampaignFigures(tx, record.campaign)) } };
  },
};
