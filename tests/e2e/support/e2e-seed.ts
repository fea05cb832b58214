import { expect } from 'chai';
import { createUser } from '../../support/auth-helpers.js';
import type { TestEngine } from '../../support/test-engine.js';

export const XSS_NAME = '<img src=x onerror="window.__xss=1"> Acme';
export const DEAL_COUNT = 45;

export interface SeededUsers {
  readonly password: string;
  /** A user per language, their language saved on their record. */
  readonly en: string;
  readonly 'zh-CN': string;
  readonly 'zh-TW': string;
}

const DEAL = {
  name: 'deal',
  label: { en: 'Deal', 'zh-CN': '商机' },
  pluralLabel: { en: 'Deals', 'zh-CN': '商机' },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, label: { en: 'Deal name', 'zh-CN': '商机名称' } },
    { name: 'amount', type: 'currency', min: 0, label: { en: 'Amount', 'zh-CN': '金额' } },
    {
      name: 'stage',
      type: 'picklist',
      values: [
        { value: 'prospecting', label: { en: 'Prospecting', 'zh-CN': '初步接洽' } },
        { value: 'negotiation', label: { en: 'Negotiation', 'zh-CN': '商务谈判' } },
        { value: 'won', label: { en: 'Closed won', 'zh-CN': '赢单' } },
      ],
      default: 'prospecting',
      label: { en: 'Stage', 'zh-CN': '阶段' },
    },
    { name: 'close_date', type: 'date', label: { en: 'Close date', 'zh-CN': '预计成交日期' } },
    { name: 'website', type: 'url', label: { en: 'Website', 'zh-CN': '网站' } },
  ],
};

export async function seedUsers(engine: TestEngine): Promise<SeededUsers> {
  const password = 'browser tests password 1';
  const users = { en: 'sales.en@example.com', 'zh-CN': 'sales.cn@example.com', 'zh-TW': 'sales.tw@example.com' } as const;
  const names = { en: 'Mia Chen', 'zh-CN': '王芳', 'zh-TW': '陳志明' } as const;
  for (const language of ['en', 'zh-CN', 'zh-TW'] as const) {
    await createUser(engine, { full_name: names[language], email: users[language], language, permission_sets: ['admin', 'standard_user'] }, password);
  }
  return { password, ...users };
}

/** The deal object and DEAL_COUNT deals with distinct amounts (deal 1 the smallest), one with an XSS payload as its name. */
export async function seedDeals(engine: TestEngine): Promise<string> {
  const created = await engine.request('POST', '/api/v1/meta/objects', DEAL);
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const stages = ['prospecting', 'negotiation', 'won'];
  const responses = await Promise.all(
    Array.from({ length: DEAL_COUNT }, (_, offset) => {
      const index = offset + 1;
      return engine.request('POST', '/api/v1/records/deal', {
        name: index === 7 ? XSS_NAME : `Deal ${String(index).padStart(2, '0')}`,
        amount: index * 1000 + 0.5,
        stage: stages[index % 3],
        close_date: `2027-0${(index % 9) + 1}-15`,
      });
    }),
  );
  for (const response of responses) expect(response.status, JSON.stringify(response.body)).to.equal(201);
  const xssId: string = responses[6]!.body._id;
  return xssId;
}
