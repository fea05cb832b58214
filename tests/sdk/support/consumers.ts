/**
 * Code a consultant would write against the generated types, compiled with tsc by typegen.spec.ts.
 * Both files live beside the generated crm-types.ts in a temporary folder two levels under the
 * repository, hence the client's path.
 */

/** Compiles cleanly, and typegen.spec.ts runs its roundTrip against the test server. */
export const VALID_CONSUMER = `import { ApiError, createClient } from '../../sdk/client.js';
import type { CrmObjects, Opportunity, OpportunityCreate } from './crm-types.js';

export async function roundTrip(baseUrl: string, token: string) {
  const crm = createClient<CrmObjects>({ baseUrl, headers: { authorization: 'Bearer ' + token } });
  const account = await crm.records('account').create({ name: 'Acme', industry: 'technology', employees: 120 });
  const opportunities = crm.records('opportunity');

  const draft: OpportunityCreate = {
    title: 'Laptops',
    account: account._id,
    amount: 12000,
    probability: 40,
    close_date: '2030-06-30',
    stage: 'proposal',
    tags: ['hardware', 'services'],
    is_private: false,
  };
  const created: Opportunity = await opportunities.create(draft);
  const id: string = created._id;
  const version: number = created._version;
  const amount: number | undefined = created.amount;
  const stage: 'prospecting' | 'proposal' | 'closed_won' | 'closed_lost' | undefined = created.stage;
  const tags: Array<'hardware' | 'software' | 'services'> | undefined = created.tags;
  const number: string | undefined = created.number;
  const doubled: number = (created.amount ?? 0) * 2;

  const fetched = await opportunities.get(id);
  const page = await opportunities.list({
    filter: {
      amount: { gte: 10000, lt: 1e9 },
      stage: { in: ['proposal', 'closed_won'] },
      tags: 'hardware',
      close_date: { gte: '2030-01-01' },
      account: account._id,
      or: [{ is_private: false }, { title: { startsWith: 'Lap' } }],
      _createdAt: { isNull: false },
    },
    sort: ['-amount', 'title'],
    fields: ['title', 'amount'],
    limit: 10,
    total: true,
  });
  const titles: Array<string | undefined> = page.records.map((record) => record.title);
  const ids: string[] = page.records.map((record) => record._id);
  const bySingleKey = await opportunities.list({ sort: '-close_date', filter: { title: 'Laptops' } });

  const updated = await opportunities.update(id, { amount: 15000, close_date: null }, { ifMatch: version });
  let stale: ApiError | undefined;
  try {
    await opportunities.update(id, { amount: 1 }, { ifMatch: version });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    stale = error;
  }
  await opportunities.delete(id, { ifMatch: updated._version });
  let gone: ApiError | undefined;
  try {
    await opportunities.get(id);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    gone = error;
  }
  return { account, created, amount, stage, tags, number, doubled, fetched, page, titles, ids, bySingleKey, updated, stale, gone };
}
`;

/**
 * Each line marked MISTAKE must fail to compile, with the text in brackets in one of its errors, and no
 * other line may fail.
 */
export const INVALID_CONSUMER = `import { createClient } from '../../sdk/client.js';
import type { CrmObjects } from './crm-types.js';

const crm = createClient<CrmObjects>({ baseUrl: 'http://localhost:3000' });
const opportunities = crm.records('opportunity');

export async function mistakes(account: string, id: string) {
  await opportunities.create({ title: 'A', account, amount: 1, budget: 5 }); // MISTAKE: unknown field in create ['budget' does not exist]
  await opportunities.create({ title: 'A', account, amount: '12000' }); // MISTAKE: wrong type for amount [Type 'string' is not assignable to type 'number']
  crm.records('opportunities'); // MISTAKE: unknown object name ["opportunities"]
  await opportunities.create({ title: 'A', account, amount: 1, stage: 'won' }); // MISTAKE: picklist value not among the choices ["won"]
  await opportunities.create({ title: 'A', account }); // MISTAKE: required field amount missing [Property 'amount' is missing]
  await opportunities.list({ sort: '-budget' }); // MISTAKE: sort by an unknown field ["-budget"]
  await opportunities.list({ sort: ['title', 'tags'] }); // MISTAKE: sort by a multi-select picklist ["tags"]
  await opportunities.list({ filter: { budget: { gt: 1 } } }); // MISTAKE: filter on an unknown field ['budget' does not exist]
  await opportunities.list({ filter: { amount: { contains: '1' } } }); // MISTAKE: text operator on a number ['contains' does not exist]
  await opportunities.list({ filter: { stage: { in: ['won'] } } }); // MISTAKE: picklist value in a filter ["won"]
  await opportunities.list({ filter: { or: [{ amount: 'many' }] } }); // MISTAKE: wrong operand type inside or [Type 'string' is not assignable]
  await opportunities.update(id, { number: 'OP-9' }); // MISTAKE: an auto-number is not writable ['number' does not exist]
  await opportunities.update(id, { amount: 1 }, { ifMatch: true }); // MISTAKE: ifMatch is a version [Type 'true' is not assignable]
  const record = await opportunities.get(id); const text: string = record.amount; // MISTAKE: amount read as a string [is not assignable to type 'string']
  const page = await opportunities.list({ fields: ['title'] }); page.records[0]?.amount; // MISTAKE: a field not selected [Property 'amount' does not exist]
  await crm.records('account').create({ name: 'B', industry: 'mining' }); // MISTAKE: picklist value on another object ["mining"]
  return text;
}
`;
