import { expect } from 'chai';
import { createRecord, defineObject } from './api-helpers.js';
import { bearer, createUser, tokenFor } from './auth-helpers.js';
import { defineSetup, ROLES, SETS } from './security-setup.js';
import type { TestEngine, TestResponse } from './test-engine.js';

/** A day counted from today (UTC), as the engine counts relative periods: -10 is ten days ago. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCHours(0, 0, 0, 0);
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export const TODAY = dayFromToday(0);

/** A deal as the fixture creates it; `rep` deals are created by the sales rep, who owns them. */
export interface DealSpec {
  name: string;
  stage: 'open' | 'won' | 'lost';
  amount?: number;
  currency_code?: string;
  close_date?: string;
  account?: 'acme' | 'globex' | 'initech';
  margin?: number;
  rep?: boolean;
}

/** Fixed dates where weeks, quarters and fiscal years turn; the rest relative to today for periods and aging. */
export const DEALS: readonly DealSpec[] = [
  { name: 'A1', stage: 'won', amount: 0.1, close_date: '2025-12-29', account: 'acme', margin: 5 },
  { name: 'A2', stage: 'won', amount: 0.2, close_date: '2026-01-04', account: 'acme', margin: 7 },
  { name: 'A3', stage: 'open', amount: 100, currency_code: 'EUR', close_date: '2026-03-31', account: 'globex', margin: 1 },
  { name: 'A4', stage: 'lost', amount: 1234.57, close_date: '2026-04-01', account: 'initech' },
  { name: 'R1', stage: 'won', amount: 300, close_date: TODAY, account: 'acme', rep: true },
  { name: 'R2', stage: 'open', amount: 50.5, close_date: dayFromToday(-10), account: 'globex', rep: true },
  { name: 'B1', stage: 'open', amount: 20, close_date: dayFromToday(-45), account: 'initech' },
  { name: 'B2', stage: 'lost', close_date: dayFromToday(-75) },
  { name: 'B3', stage: 'won', amount: 1, close_date: dayFromToday(-120), account: 'globex' },
  { name: 'B4', stage: 'open', amount: 2 },
];

export interface ReportOrg {
  accounts: Record<string, string>;
  deals: Record<string, string>;
  rep: { id: string; headers: Record<string, string> };
  manager: { id: string };
}

/**
 * A sales org for reports: currencies (USD corporate, EUR at 1.1), users with roles, accounts with
 * a sector and a manager, deals in two currencies, and a sales rep who may read deals but not their
 * margin, and sees only the deals they own (deals are private).
 */
export async function buildReportOrg(engine: TestEngine): Promise<ReportOrg> {
  const ok = (response: TestResponse, what: string) => expect(response.status, `${what}: ${JSON.stringify(response.body)}`).to.be.oneOf([200, 201]);
  ok(await engine.request('PUT', '/api/v1/meta/currencies/usd', { name: 'usd', corporate: true }), 'usd');
  ok(await engine.request('PUT', '/api/v1/meta/currencies/eur', { name: 'eur', rates: [{ from: '2000-01-01', rate: 1.1 }] }), 'eur');
  await defineSetup(engine, ROLES, { name: 'sales_manager', label: { en: 'Sales manager', 'zh-CN': '销售经理' } });
  await defineSetup(engine, ROLES, { name: 'sales_rep', reportsTo: 'sales_manager', label: { en: 'Sales rep', 'zh-CN': '销售代表' } });
  await defineObject(engine, {
    name: 'account',
    label: { en: 'Account', 'zh-CN': '客户' },
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'sector', type: 'picklist', label: { en: 'Sector', 'zh-CN': '行业' }, values: [{ value: 'retail', label: { en: 'Retail', 'zh-CN': '零售' } }, { value: 'tech', label: { en: 'Tech', 'zh-CN': '科技' } }] },
      { name: 'manager', type: 'lookup', target: 'user' },
    ],
  });
  await defineObject(engine, {
    name: 'deal',
    label: { en: 'Deal', 'zh-CN': '商机' },
    sharing: 'private',
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'stage', type: 'picklist', values: [{ value: 'open', label: { en: 'Open', 'zh-CN': '进行中' } }, 'won', 'lost'] },
      { name: 'currency_code', type: 'text', maxLength: 3 },
      { name: 'amount', type: 'currency', currencyField: 'currency_code' },
      { name: 'close_date', type: 'date' },
      { name: 'account', type: 'lookup', target: 'account', label: { en: 'Account', 'zh-CN': '客户' } },
      { name: 'margin', type: 'number' },
    ],
  });
  await defineSetup(engine, SETS, {
    name: 'deal_rep',
    objects: { deal: { read: true, create: true, edit: true }, account: { read: true } },
    fields: { deal: { margin: { read: false } } },
  });
  const manager = { id: await createUser(engine, { full_name: 'Mia Manager', email: 'mia@example.com', role: 'sales_manager', permission_sets: ['standard_user'] }, 'manager password 1') };
  const repId = await createUser(engine, { full_name: 'Ray Rep', email: 'ray@example.com', role: 'sales_rep', permission_sets: ['standard_user', 'deal_rep'] }, 'rep password 1234');
  const rep = { id: repId, headers: bearer(await tokenFor(engine, 'ray@example.com', 'rep password 1234')) };
  const accounts: Record<string, string> = {};
  for (const [name, sector] of [['acme', 'retail'], ['globex', 'tech'], ['initech', 'retail']] as const) {
    accounts[name] = (await createRecord(engine, 'account', { name, sector, ...(name === 'initech' ? {} : { manager: manager.id }) }))._id;
  }
  const deals: Record<string, string> = {};
  for (const { rep: byRep, account, ...values } of DEALS) {
    const body = { ...values, ...(account ? { account: accounts[account] } : {}) };
    const created = byRep ? await engine.request('POST', '/api/v1/records/deal', body, rep.headers) : await engine.request('POST', '/api/v1/records/deal', body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    deals[values.name] = created.body._id;
  }
  return { accounts, deals, rep, manager };
}

/** Saves a report (201), failing the test with the engine's answer otherwise. */
export async function saveReport(engine: TestEngine, report: Record<string, unknown>): Promise<void> {
  const response = await engine.request('POST', '/api/v1/meta/reports', report);
  expect(response.status, JSON.stringify(response.body)).to.equal(201);
}

/** Runs a report as the admin (or with the headers given), expecting 200. */
export async function run(engine: TestEngine, name: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const response = await engine.request('POST', `/api/v1/reports/${name}/run`, body, headers);
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  return response.body;
}

/** A summary's groups as {label: figure} of one measure, level by level: {Open: {count: 3, groups: {...}}}. */
export function byLabel(groups: readonly any[], measure = 'count'): Record<string, unknown> {
  return Object.fromEntries(groups.map((group) => [group.label, group.groups ? { [measure]: group.values[measure], groups: byLabel(group.groups, measure) } : group.values[measure]]));
}
