import { seededRandom, type DemoDataContext, type DemoDataGenerator } from '../../../engine/packs/generated-demo-data.js';
import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { salesDemoData } from '../../sales/demo/demo-data.js';
import { demoRandom, type DemoRandom } from '../../sales/demo/demo-random.js';

/** Sales' demo records by object, as its generator makes them for the same day. */
export type SalesDemo = Readonly<Record<string, readonly DemoRecord[]>>;

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A demo key named by a lookup of a demo record (`{ "$key": … }`), if it names one. */
function keyOf(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' && typeof (value as { $key?: unknown }).$key === 'string' ? (value as { $key: string }).$key : undefined;
}

/** How members of a campaign in each status have answered by now. */
const RESPONSES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  planned: [['planned', 1]],
  active: [['sent', 40], ['opened', 25], ['responded', 20], ['attended', 5], ['unsubscribed', 5], ['bounced', 5]],
  completed: [['sent', 25], ['opened', 25], ['responded', 30], ['attended', 10], ['unsubscribed', 5], ['bounced', 5]],
  aborted: [['sent', 70], ['opened', 20], ['bounced', 10]],
};

/** The day a member first responded: between the campaign's start and its end (or today). */
function respondedOn(campaign: DemoRecord, today: Date, random: DemoRandom): string {
  const start = typeof campaign.start_date === 'string' ? Date.parse(campaign.start_date) : today.getTime() - 60 * DAY;
  const end = Math.min(typeof campaign.end_date === 'string' ? Date.parse(campaign.end_date) : today.getTime(), today.getTime());
  return isoDay(start + Math.max(0, end - start) * random.next());
}

/**
 * The members of sales' demo campaigns: the leads each campaign brought, and a sample of contacts
 * invited to it, each answered as far as the campaign has gone.
 */
function campaignMembers(sales: SalesDemo, today: Date, random: DemoRandom): DemoRecord[] {
  const members: DemoRecord[] = [];
  const contacts = sales.contact ?? [];
  for (const campaign of sales.campaign ?? []) {
    const status = typeof campaign.status === 'string' && campaign.status in RESPONSES ? campaign.status : 'active';
    const leads = (sales.lead ?? []).filter((lead) => keyOf(lead.campaign) === campaign._key);
    const invited = new Set<DemoRecord>();
    const wanted = Math.min(contacts.length, random.int(15, 60));
    while (invited.size < wanted) invited.add(random.pick(contacts));
    const people = [...leads.map((lead) => ['lead', lead] as const), ...[...invited].map((contact) => ['contact', contact] as const)];
    for (const [field, person] of people) {
      const response = random.weighted(RESPONSES[status]!);
      const responded = response === 'responded' || response === 'attended';
      members.push({
        _key: `member-${campaign._key}-${person._key}`,
        campaign: { $key: campaign._key },
        [field]: { $key: person._key },
        status: response,
        ...(responded ? { first_responded_date: respondedOn(campaign, today, random) } : {}),
      });
    }
  }
  return members;
}

/** A results record per demo campaign; the pack's rule counts its figures as it is created. */
function campaignResults(sales: SalesDemo): DemoRecord[] {
  return (sales.campaign ?? []).map((campaign) => ({ _key: `result-${campaign._key}`, campaign: { $key: campaign._key } }));
}

/** Segments a marketing team keeps; refreshed by the nightly rule or the button. */
const SEGMENTS: readonly DemoRecord[] = [
  { _key: 'segment-hot-leads', name: 'Hot leads 热门线索', target: 'lead', criteria: { rating: 'hot', status: { in: ['new', 'working'] } }, description: 'Hot leads not yet qualified: the next webinar\'s invitations.' },
  { _key: 'segment-east-region', name: 'East region leads 华东线索', target: 'lead', criteria: { region: 'east', status: { ne: 'converted' } } },
  { _key: 'segment-overseas', name: 'Overseas leads 海外线索', target: 'lead', criteria: { region: 'overseas' }, auto_refresh: false },
  { _key: 'segment-contacts-with-email', name: 'Contacts with e-mail 有邮箱的联系人', target: 'contact', criteria: { email: { isNull: false } } },
];

/** The marketing team, one user per role (the demo helper prints their passwords). */
const USERS: readonly DemoRecord[] = [
  { _key: 'user-marketing_director', full_name: '周晓岚 Zhou Xiaolan', email: 'marketing_director@demo.crm.local', role: 'marketing_director', permission_sets: ['standard_user', 'marketing_manager', 'marketing_user'], language: 'zh-CN' },
  { _key: 'user-marketing_manager', full_name: 'Emma Clarke', email: 'marketing_manager@demo.crm.local', role: 'marketing_manager', permission_sets: ['standard_user', 'marketing_manager', 'marketing_user'], manager: { $key: 'user-marketing_director' }, language: 'en' },
  { _key: 'user-marketing_specialist', full_name: '林嘉怡 Lin Jiayi', email: 'marketing_specialist@demo.crm.local', role: 'marketing_specialist', permission_sets: ['standard_user', 'marketing_user'], manager: { $key: 'user-marketing_manager' }, language: 'zh-CN' },
];

/**
 * The marketing pack's demo records for the day of the install, built on the sales pack's demo
 * records of the same day (its campaigns, leads and contacts, named by their demo keys).
 */
export function marketingDemo(sales: SalesDemo, context: DemoDataContext): Readonly<Record<string, readonly DemoRecord[]>> {
  return {
    user: USERS,
    segment: SEGMENTS,
    campaign_member: campaignMembers(sales, context.today, demoRandom(context)),
    campaign_result: campaignResults(sales),
  };
}

/**
 * The generator of the pack's code. Sales' demo records of the day are made again as the sales
 * pack's install made them (its generator, seeded by its name), so that the members name sales'
 * demo campaigns, leads and contacts by the keys they were created with.
 */
export const marketingDemoData: DemoDataGenerator = (context) => marketingDemo(salesDemoData({ today: context.today, random: seededRandom('sales') }), context);
