import type { DemoRecord } from '../../../engine/packs/pack-data.js';
import type { DemoProduct } from './demo-catalogue.js';
import type { DemoAccount, DemoCampaign } from './demo-customers.js';
import { personName } from './demo-names.js';
import { dayAfter, monthOf, type DemoRandom } from './demo-random.js';

const SOURCES = [['web', 5], ['referral', 3], ['partner', 2], ['trade_show', 2], ['advertisement', 1], ['cold_call', 1], ['email', 2]] as const;
const OPEN_STAGES = [['prospecting', 3], ['qualification', 3], ['proposal', 2], ['negotiation', 1]] as const;
const LOST_REASONS = ['price', 'competitor', 'no_budget', 'no_decision', 'timing'] as const;
/** Months of quotas: the last year's and the next two. */
const QUOTA_MONTHS = { from: -12, to: 2 } as const;

/** Each rep's quota per month, the key the opportunities closing in it name. */
export function demoQuotas(random: DemoRandom, today: Date, reps: readonly string[]): { quotas: DemoRecord[]; keyOf(rep: string, closeDate: string): string | undefined } {
  const quotas: DemoRecord[] = [];
  for (const rep of reps) {
    const base = random.int(20, 45) * 10_000;
    for (let offset = QUOTA_MONTHS.from; offset <= QUOTA_MONTHS.to; offset++) {
      const { start, end } = monthOf(today, offset);
      quotas.push({ _key: `quota-${rep}-${start.slice(0, 7)}`, rep: { $key: rep }, period_start: start, period_end: end, amount: base + random.int(0, 10) * 10_000 });
    }
  }
  const first = monthOf(today, QUOTA_MONTHS.from).start;
  const last = monthOf(today, QUOTA_MONTHS.to).end;
  return { quotas, keyOf: (rep, closeDate) => (closeDate >= first && closeDate <= last ? `quota-${rep}-${closeDate.slice(0, 7)}` : undefined) };
}

export interface DemoPipeline {
  readonly opportunities: DemoRecord[];
  readonly lines: DemoRecord[];
}

/**
 * ~1,200 opportunities opened over the last 12 months: those whose close date went by are won or
 * lost (about a third won), the rest open at a stage; each with one to three product lines.
 */
export function demoPipeline(
  random: DemoRandom,
  today: Date,
  accounts: readonly DemoAccount[],
  campaigns: readonly DemoCampaign[],
  catalogue: readonly DemoProduct[],
  quotaOf: (rep: string, closeDate: string) => string | undefined,
  count = 1200,
): DemoPipeline {
  const opportunities: DemoRecord[] = [];
  const lines: DemoRecord[] = [];
  const todayText = dayAfter(today, 0);
  for (let n = 1; n <= count; n++) {
    const account = random.pick(accounts);
    const opened = dayAfter(today, -random.int(5, 365));
    const close = dayAfter(today, -random.int(5, 365) + random.int(10, 120));
    const closeDate = close < opened ? dayAfter(new Date(opened), random.int(10, 60)) : close;
    const closed = closeDate < todayText;
    const stage = closed ? (random.chance(0.35) ? 'closed_won' : 'closed_lost') : random.weighted(OPEN_STAGES);
    const campaign = random.chance(0.3) ? campaigns.find((candidate) => candidate.start <= opened) : undefined;
    const quota = quotaOf(account.owner, closeDate);
    const key = `opp-${String(n).padStart(4, '0')}`;
    const product = random.pick(catalogue);
    opportunities.push({
      _key: key,
      _owner: { $key: account.owner },
      name: `${account.company.name} · ${product.family}`,
      account: { $key: account.key },
      contact: { $key: random.pick(account.contacts) },
      ...(campaign ? { campaign: { $key: campaign.key } } : {}),
      stage,
      ...(stage === 'closed_lost' ? { lost_reason: random.pick(LOST_REASONS) } : {}),
      opened_on: opened,
      close_date: closeDate,
      lead_source: random.weighted(SOURCES),
      type: random.chance(0.3) ? 'existing_business' : 'new_business',
      ...(quota ? { quota: { $key: quota } } : {}),
    });
    const count = random.int(1, 3);
    for (let l = 1; l <= count; l++) {
      const item = l === 1 ? product : random.pick(catalogue);
      lines.push({
        _key: `${key}-l${l}`,
        opportunity: { $key: key },
        product: { $key: item.key },
        quantity: item.price > 20_000 ? 1 : random.int(1, 20),
        unit_price: item.price,
        discount: random.weighted([[0, 6], [5, 2], [10, 2], [15, 1]] as const),
      });
    }
  }
  return { opportunities, lines };
}

/**
 * ~500 leads of the last months: most new or being worked, some unqualified, and a hundred
 * converted into the accounts, contacts and opportunities above (their converted_* lookups set).
 */
export function demoLeads(random: DemoRandom, accounts: readonly DemoAccount[], campaigns: readonly DemoCampaign[], opportunities: readonly DemoRecord[], reps: readonly string[], count = 500): DemoRecord[] {
  const leads: DemoRecord[] = [];
  for (let n = 1; n <= count; n++) {
    const converted = n <= 100 ? opportunities[n * 7] : undefined;
    const account = converted ? accounts.find((candidate) => candidate.key === (converted.account as { $key: string }).$key)! : random.pick(accounts);
    const person = personName(random, account.company.chinese, 100_000 + n);
    const campaign = random.chance(0.4) ? random.pick(campaigns) : undefined;
    const status = converted ? 'converted' : random.weighted([['new', 4], ['working', 4], ['qualified', 2], ['unqualified', 2]] as const);
    leads.push({
      _key: `lead-${String(n).padStart(3, '0')}`,
      _owner: { $key: converted ? account.owner : random.pick(reps) },
      first_name: person.first_name,
      last_name: person.last_name,
      title: person.title,
      email: person.email.replace('@demo-customer', '@demo-lead'),
      company: converted ? account.company.name : `${account.company.name.slice(0, 2)}${random.pick(['新', '联', '广', '安'])}${account.company.name.slice(2)}`,
      source: random.weighted(SOURCES),
      status,
      rating: random.weighted([['hot', 1], ['warm', 2], ['cold', 2]] as const),
      region: account.company.region,
      ...(campaign ? { campaign: { $key: campaign.key } } : {}),
      ...(converted
        ? { converted_account: { $key: account.key }, converted_contact: { $key: account.contacts[0]! }, converted_opportunity: { $key: converted._key }, converted_on: converted.opened_on }
        : {}),
    });
  }
  return leads;
}
