import type { DemoRecord } from '../../../engine/packs/pack-data.js';
import { companyName, personName, type DemoCompany } from './demo-names.js';
import { dayAfter, type DemoRandom } from './demo-random.js';

const INDUSTRIES = [['technology', 5], ['manufacturing', 6], ['finance', 2], ['retail', 3], ['healthcare', 2], ['education', 1], ['energy', 2], ['logistics', 2], ['government', 1], ['other', 1]] as const;
const CAMPAIGNS = [
  ['event', '工业互联网峰会', 'Industrial IoT Summit'], ['webinar', '预测性维护网络研讨会', 'Predictive maintenance webinar'], ['email', '春季产品邮件', 'Spring product mailing'],
  ['trade_show', '汉诺威工博会', 'Hannover Messe'], ['advertisement', '行业媒体广告', 'Trade press advertising'], ['social', '短视频推广', 'Short video promotion'],
  ['partner', '渠道伙伴联合推广', 'Partner co-marketing'], ['event', '客户答谢会', 'Customer appreciation day'],
] as const;

export interface DemoAccount {
  readonly key: string;
  readonly company: DemoCompany;
  readonly contacts: readonly string[];
  readonly owner: string;
}

/** ~300 accounts (a tenth of them subsidiaries of a parent), two contacts each. */
export function demoCustomers(random: DemoRandom, reps: readonly string[], count = 300): { accounts: DemoRecord[]; contacts: DemoRecord[]; list: DemoAccount[] } {
  const used = new Set<string>();
  const accounts: DemoRecord[] = [];
  const contacts: DemoRecord[] = [];
  const list: DemoAccount[] = [];
  for (let n = 1; n <= count; n++) {
    const industry = random.weighted(INDUSTRIES);
    const company = companyName(random, industry, used);
    const key = `acct-${String(n).padStart(3, '0')}`;
    const owner = random.pick(reps);
    const parent = n > 30 && random.chance(0.1) ? list[random.int(0, 29)] : undefined;
    accounts.push({
      _key: key,
      _owner: { $key: owner },
      name: company.name,
      account_number: `A${String(10000 + n)}`,
      type: random.weighted([['customer', 5], ['prospect', 4], ['partner', 1]] as const),
      industry,
      region: company.region,
      ...(parent ? { parent_account: { $key: parent.key } } : {}),
      phone: company.chinese ? `+86 ${random.int(10, 29)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}` : `+65 ${random.int(6000, 6999)} ${random.int(1000, 9999)}`,
      website: `https://www.demo-${n}.example`,
      billing_city: company.city,
      billing_country: company.country,
      annual_revenue: random.int(5, 2000) * 1_000_000,
      employees: random.int(20, 5000),
    });
    const people: string[] = [];
    for (let c = 1; c <= 2; c++) {
      const contactKey = `${key}-c${c}`;
      people.push(contactKey);
      contacts.push({ _key: contactKey, ...personName(random, company.chinese, n * 10 + c), account: { $key: key }, phone: `+86 13${random.int(100000000, 999999999)}` });
    }
    list.push({ key, company, contacts: people, owner });
  }
  return { accounts, contacts, list };
}

export interface DemoCampaign {
  readonly key: string;
  readonly start: string;
}

/** Two campaigns a quarter over the last year and the next months. */
export function demoCampaigns(random: DemoRandom, today: Date): { campaigns: DemoRecord[]; list: DemoCampaign[] } {
  const campaigns: DemoRecord[] = [];
  const list: DemoCampaign[] = [];
  for (let n = 0; n < 16; n++) {
    const [type, zh, en] = CAMPAIGNS[n % CAMPAIGNS.length]!;
    const start = dayAfter(today, -360 + n * 25);
    const end = dayAfter(today, -360 + n * 25 + random.int(1, 30));
    const status = end < dayAfter(today, 0) ? (random.chance(0.9) ? 'completed' : 'aborted') : start <= dayAfter(today, 0) ? 'active' : 'planned';
    const key = `campaign-${n + 1}`;
    const budget = random.int(2, 40) * 10_000;
    campaigns.push({ _key: key, name: `${zh} ${start.slice(0, 7)} · ${en}`, type, status, start_date: start, end_date: end, budget, expected_revenue: budget * random.int(3, 10) });
    list.push({ key, start });
  }
  return { campaigns, list };
}
