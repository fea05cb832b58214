import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { dayOffset, type Dice } from './demo-random.js';
import { TECHNICIANS } from './demo-people.js';
import { accountKey, contactKey, MADE, productKey, SALES_ACCOUNTS } from './sales-demo-keys.js';

const SITES = 90;
const CONTRACTED = 0.7;
const DAY_YEAR = 364;
const PRODUCTS = ['SN-010', 'SN-010', 'SN-020', 'SN-020', 'SN-030', 'GW-100', 'GW-100', 'GW-200', 'CM-100'] as const;
const LOCATIONS = ['一号厂房 Plant 1', '二号厂房 Plant 2', '三号产线 Line 3', '配电房 Substation', '冷库 Cold store', '仓库 Warehouse', '质检室 QA lab'];
const LEVELS = { basic: { fee: 8000, visits: 1 }, standard: { fee: 15000, visits: 2 }, premium: { fee: 32000, visits: 4 } } as const;
const REPORTS = [
  'Cleaned and recalibrated; firmware updated. 已清洁校准，固件已升级。',
  'Replaced the battery; all readings normal. 已更换电池，读数正常。',
  'Checked connections and seals; no faults found. 检查接线与密封，未见故障。',
  'Replaced a damaged cable; tested with the customer. 更换损坏的线缆，已与客户共同测试。',
];

interface Site {
  readonly account: number;
  readonly assets: DemoRecord[];
}

/**
 * The installed base at the sales demo's accounts: ~90 sites with a few assets each, installed over
 * the last three years with one or two years of warranty; seven sites in ten under a maintenance
 * contract (one in five of them ended and expired, the others active, those ending within 60 days
 * already due for renewal), each contract with the visits of its level: done with a report before
 * today, scheduled after. Hooks do not see a first install's demo records, so each contract's
 * covered assets are counted here as the pack's hook counts them.
 */
export function demoInstalledBase(today: Date, dice: Dice): { assets: DemoRecord[]; contracts: DemoRecord[]; visits: DemoRecord[] } {
  const sites = demoSites(today, dice);
  const contracts: DemoRecord[] = [];
  const visits: DemoRecord[] = [];
  for (const site of sites) {
    if (!dice.chance(CONTRACTED)) continue;
    const key = `contract-${accountKey(site.account)}`;
    const level = dice.pick(['basic', 'standard', 'standard', 'premium'] as const);
    const ended = dice.chance(0.2);
    const start = ended ? dice.int(-DAY_YEAR - 330, -DAY_YEAR - 5) : dice.int(-DAY_YEAR + 1, 0);
    const end = start + DAY_YEAR;
    const technician = dice.pick(TECHNICIANS);
    const covered = ended ? [] : site.assets.filter((asset) => asset.status !== 'decommissioned');
    for (const asset of covered) asset.contract = { $key: key };
    contracts.push({
      _key: key, account: { $key: accountKey(site.account) }, contact: { $key: contactKey(site.account) }, level,
      start_date: dayOffset(today, start), end_date: dayOffset(today, end),
      annual_fee: LEVELS[level].fee + 1200 * site.assets.length, visits_per_year: LEVELS[level].visits,
      status: ended ? 'expired' : 'active',
      renewal_status: ended ? dice.pick(['renewed', 'not_renewing']) : end <= 60 ? 'due' : 'not_due',
      technician: { $key: technician }, covered_assets: covered.length,
    });
    const visitsOfTerm = LEVELS[level].visits;
    for (let v = 0; v < visitsOfTerm; v++) {
      const day = start + Math.floor(((v + 0.5) * DAY_YEAR) / visitsOfTerm) + dice.int(-10, 10);
      const done = day < 0;
      const asset = site.assets.length > 0 ? dice.pick(site.assets) : undefined;
      const cancelled = !done && dice.chance(0.05);
      visits.push({
        _key: `visit-${accountKey(site.account)}-${v + 1}`, contract: { $key: key }, ...(asset ? { asset: { $key: asset._key } } : {}),
        visit_type: 'preventive', scheduled_date: dayOffset(today, day), technician: { $key: technician }, _owner: { $key: technician },
        status: done ? 'completed' : cancelled ? 'cancelled' : 'scheduled',
        ...(done ? { completed_on: dayOffset(today, day), report: dice.pick(REPORTS) } : {}),
      });
    }
    // An asset in repair under contract has its repair visit booked for the coming days.
    for (const asset of covered.filter((candidate) => candidate.status === 'in_repair')) {
      visits.push({
        _key: `visit-repair-${asset._key}`, contract: { $key: key }, asset: { $key: asset._key }, visit_type: 'corrective',
        scheduled_date: dayOffset(today, dice.int(1, 10)), technician: { $key: technician }, _owner: { $key: technician }, status: 'scheduled',
      });
    }
  }
  return { assets: sites.flatMap((site) => site.assets), contracts, visits };
}

function demoSites(today: Date, dice: Dice): Site[] {
  const taken = new Set<number>();
  const sites: Site[] = [];
  let serial = 0;
  while (sites.length < SITES) {
    const account = dice.int(1, SALES_ACCOUNTS);
    if (taken.has(account)) continue;
    taken.add(account);
    const assets: DemoRecord[] = [];
    const units = dice.int(1, 5);
    for (let a = 0; a < units; a++) {
      const code = dice.pick(PRODUCTS);
      const installed = -dice.int(20, 1000);
      const warranty = installed + 365 * MADE[code]!.warrantyYears;
      serial += 1;
      const roll = dice.int(1, 100);
      assets.push({
        _key: `asset-${serial}`,
        serial_number: `${code.replace('-', '')}-${dayOffset(today, installed).slice(2, 4)}${String(10000 + serial * 7).slice(-5)}`,
        product: { $key: productKey(code) }, account: { $key: accountKey(account) }, contact: { $key: contactKey(account) },
        location: dice.pick(LOCATIONS), install_date: dayOffset(today, installed), warranty_end: dayOffset(today, warranty),
        status: roll <= 88 ? 'installed' : roll <= 96 ? 'in_repair' : 'decommissioned',
      });
    }
    sites.push({ account, assets });
  }
  return sites;
}
