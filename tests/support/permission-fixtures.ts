import { expect } from 'chai';
import { issueToken } from '../../engine/security/api-tokens.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import type { TestEngine, TestResponse } from './test-engine.js';

/**
 * One company set up through the API, as an administrator would: a role hierarchy over four
 * departments, a permission set per department, objects with different org-wide defaults, a
 * group, sharing rules, a user per persona and records owned across them. The permission matrix
 * and the attack specs build it in each tenant they need.
 */

export const OBJECTS = ['account', 'opportunity', 'opportunity_line', 'case', 'invoice', 'supplier'] as const;
export type ObjectName = (typeof OBJECTS)[number];

export const PERSONAS = ['admin', 'rita', 'rob', 'mona', 'sam', 'fiona', 'pete'] as const;
export type Persona = (typeof PERSONAS)[number];

/** What each persona does, for test names. */
export const JOB: Record<Persona, string> = {
  admin: 'the administrator',
  rita: 'a sales rep',
  rob: 'another sales rep',
  mona: 'their sales manager',
  sam: 'a service agent',
  fiona: 'a finance clerk',
  pete: 'a procurement officer',
};

const ROLES = [
  { name: 'ceo' },
  { name: 'sales_director', reportsTo: 'ceo' },
  { name: 'sales_manager', reportsTo: 'sales_director' },
  { name: 'sales_rep', reportsTo: 'sales_manager' },
  { name: 'service_lead', reportsTo: 'ceo' },
  { name: 'service_agent', reportsTo: 'service_lead' },
  { name: 'cfo', reportsTo: 'ceo' },
  { name: 'finance_clerk', reportsTo: 'cfo' },
  { name: 'procurement_officer', reportsTo: 'ceo' },
];

const name = { name: 'name', type: 'text', required: true };
const picklist = (field: string, values: string[]) => ({ name: field, type: 'picklist', values });
const lookup = (field: string, target: string) => ({ name: field, type: 'lookup', target });
const number = (field: string) => ({ name: field, type: 'number' });

const OBJECT_DEFINITIONS = [
  { name: 'account', sharing: 'private', fields: [name, picklist('industry', ['public_sector', 'retail', 'manufacturing'])] },
  {
    name: 'opportunity',
    sharing: 'private',
    fields: [name, lookup('account', 'account'), picklist('stage', ['prospecting', 'negotiation', 'won']), number('amount'), number('margin'), number('discount')],
  },
  // A detail has no sharing of its own: it follows its opportunity.
  { name: 'opportunity_line', fields: [name, { name: 'opportunity', type: 'masterdetail', target: 'opportunity' }, picklist('family', ['hardware', 'service']), number('quantity')] },
  { name: 'case', sharing: 'publicRead', fields: [name, lookup('account', 'account'), picklist('priority', ['low', 'high'])] },
  { name: 'invoice', sharing: 'publicRead', fields: [name, lookup('account', 'account'), picklist('status', ['open', 'paid']), number('amount')] },
  { name: 'supplier', fields: [name, picklist('rating', ['a', 'b'])] },
];

/** The fields of each object, in definition order. */
export const FIELDS = Object.fromEntries(OBJECT_DEFINITIONS.map((definition) => [definition.name, definition.fields.map((field) => field.name)])) as Record<ObjectName, string[]>;

const CRUD = { create: true, read: true, edit: true, delete: true };
const PERMISSION_SETS = [
  {
    name: 'sales_user',
    objects: { account: CRUD, opportunity: CRUD, opportunity_line: CRUD, case: { read: true } },
    // Reps never see the margin, and see the discount their manager grants without changing it.
    fields: { opportunity: { margin: { read: false, edit: false }, discount: { read: true, edit: false } } },
  },
  {
    name: 'sales_management',
    objects: { opportunity: { read: true, edit: true } },
    fields: { opportunity: { margin: { read: true, edit: true }, discount: { read: true, edit: true } } },
  },
  { name: 'service_user', objects: { account: { read: true }, case: CRUD } },
  { name: 'finance_user', objects: { account: { read: true }, opportunity: { read: true }, opportunity_line: { read: true }, invoice: CRUD } },
  { name: 'procurement_user', objects: { supplier: CRUD } },
];

const GROUPS = [{ name: 'deal_desk', roles: ['finance_clerk', 'cfo'] }];

const SHARING_RULES = [
  { name: 'public_sector_to_service', object: 'account', criteria: { industry: 'public_sector' }, sharedWith: { roleAndSubordinates: 'service_lead' }, access: 'read' },
  { name: 'manager_accounts_to_team', object: 'account', ownedBy: { role: 'sales_manager' }, sharedWith: { roleAndSubordinates: 'sales_manager' }, access: 'edit' },
  { name: 'big_deals_to_deal_desk', object: 'opportunity', criteria: { amount: { gte: 100000 } }, sharedWith: { group: 'deal_desk' }, access: 'read' },
];

const USERS: Record<Exclude<Persona, 'admin'>, { full_name: string; role: string; permission_sets: string[] }> = {
  rita: { full_name: 'Rita Rep', role: 'sales_rep', permission_sets: ['standard_user', 'sales_user'] },
  rob: { full_name: 'Rob Rep', role: 'sales_rep', permission_sets: ['standard_user', 'sales_user'] },
  mona: { full_name: 'Mona Manager', role: 'sales_manager', permission_sets: ['standard_user', 'sales_user', 'sales_management'] },
  sam: { full_name: 'Sam Service', role: 'service_agent', permission_sets: ['standard_user', 'service_user'] },
  fiona: { full_name: 'Fiona Finance', role: 'finance_clerk', permission_sets: ['standard_user', 'finance_user'] },
  pete: { full_name: 'Pete Procurement', role: 'procurement_officer', permission_sets: ['standard_user', 'procurement_user'] },
};

export interface RecordSpec {
  key: string;
  object: ObjectName;
  owner: Persona;
  values: Record<string, string | number>;
  /** Lookup and master-detail fields, by the key of the record they point at. */
  refs?: Record<string, string>;
}

/** The records, in creation order; a detail's owner is whoever created it, its access is its master's. */
export const RECORDS: readonly RecordSpec[] = [
  { key: 'acc_rita', object: 'account', owner: 'rita', values: { name: 'Rita Retail', industry: 'retail' } },
  { key: 'acc_rob', object: 'account', owner: 'rob', values: { name: 'Rob City Council', industry: 'public_sector' } },
  { key: 'acc_mona', object: 'account', owner: 'mona', values: { name: 'Mona Manufacturing', industry: 'manufacturing' } },
  { key: 'acc_admin', object: 'account', owner: 'admin', values: { name: 'Admin Holdings', industry: 'retail' } },
  { key: 'opp_rita_small', object: 'opportunity', owner: 'rita', values: { name: 'Rita laptops', stage: 'prospecting', amount: 50000, margin: 12000, discount: 5 }, refs: { account: 'acc_rita' } },
  { key: 'opp_rita_big', object: 'opportunity', owner: 'rita', values: { name: 'Rita data centre', stage: 'negotiation', amount: 150000, margin: 30000, discount: 10 }, refs: { account: 'acc_rita' } },
  { key: 'opp_rob', object: 'opportunity', owner: 'rob', values: { name: 'Rob council portal', stage: 'won', amount: 20000, margin: 4000, discount: 0 }, refs: { account: 'acc_rob' } },
  { key: 'opp_mona', object: 'opportunity', owner: 'mona', values: { name: 'Mona robots', stage: 'negotiation', amount: 80000, margin: 20000, discount: 15 }, refs: { account: 'acc_mona' } },
  { key: 'opp_admin', object: 'opportunity', owner: 'admin', values: { name: 'Admin council audit', stage: 'prospecting', amount: 5000, margin: 1000, discount: 0 }, refs: { account: 'acc_rob' } },
  { key: 'line_small_1', object: 'opportunity_line', owner: 'admin', values: { name: 'Laptops', family: 'hardware', quantity: 3 }, refs: { opportunity: 'opp_rita_small' } },
  { key: 'line_small_2', object: 'opportunity_line', owner: 'admin', values: { name: 'Laptop setup', family: 'service', quantity: 1 }, refs: { opportunity: 'opp_rita_small' } },
  { key: 'line_big', object: 'opportunity_line', owner: 'admin', values: { name: 'Racks', family: 'hardware', quantity: 10 }, refs: { opportunity: 'opp_rita_big' } },
  { key: 'line_rob', object: 'opportunity_line', owner: 'admin', values: { name: 'Portal hosting', family: 'service', quantity: 2 }, refs: { opportunity: 'opp_rob' } },
  { key: 'case_sam', object: 'case', owner: 'sam', values: { name: 'Council portal down', priority: 'high' }, refs: { account: 'acc_rob' } },
  { key: 'case_admin', object: 'case', owner: 'admin', values: { name: 'Retail invoice question', priority: 'low' }, refs: { account: 'acc_rita' } },
  { key: 'inv_fiona', object: 'invoice', owner: 'fiona', values: { name: 'INV-1001', status: 'open', amount: 1000 }, refs: { account: 'acc_rita' } },
  { key: 'inv_admin', object: 'invoice', owner: 'admin', values: { name: 'INV-1002', status: 'paid', amount: 2500 }, refs: { account: 'acc_rob' } },
  { key: 'sup_pete', object: 'supplier', owner: 'pete', values: { name: 'Pete Parts', rating: 'a' } },
  { key: 'sup_admin', object: 'supplier', owner: 'admin', values: { name: 'Admin Supplies', rating: 'b' } },
];

export const recordSpec = (key: string): RecordSpec => RECORDS.find((spec) => spec.key === key) ?? expect.fail(`no record ${key}`);
export const keysOf = (object: ObjectName): string[] => RECORDS.filter((spec) => spec.object === object).map((spec) => spec.key);

export type Caller = (method: string, path: string, body?: unknown) => Promise<TestResponse>;

/** The company in one tenant: who is who, and the ids its records got there. */
export interface Org {
  tenant: string;
  as(persona: Persona): Caller;
  headers(persona: Persona): Record<string, string>;
  userId(persona: Persona): string;
  id(key: string): string;
  /** A record's name in this tenant: the same names in every tenant, told apart by a suffix. */
  nameOf(key: string): string;
}

/** The default tenant, or a tenant made by `createTenant`, as `buildOrg` needs it. */
export interface OrgTenant {
  name: string;
  adminId: string;
  /** The administrator's headers; none in the default tenant, where the test engine's token is the admin's. */
  headers: Record<string, string>;
}

export const defaultTenant = (engine: TestEngine): OrgTenant => ({ name: DEFAULT_TENANT, adminId: engine.adminId, headers: {} });

/** Sets the company up in the tenant through the API; each user gets an API token as an integration would (and a password when given). */
export async function buildOrg(engine: TestEngine, tenant: OrgTenant, options: { password?: string } = {}): Promise<Org> {
  const admin: Caller = (method, path, body) => engine.request(method, path, body, tenant.headers);
  const ok = async (method: string, path: string, body: unknown, status = 201): Promise<Record<string, any>> => {
    const response = await admin(method, path, body);
    expect(response.status, `${method} ${path} in ${tenant.name}: ${JSON.stringify(response.body)}`).to.equal(status);
    return response.body;
  };
  for (const definition of OBJECT_DEFINITIONS) await ok('POST', '/api/v1/meta/objects', definition);
  for (const role of ROLES) await ok('POST', '/api/v1/meta/roles', role);
  for (const set of PERMISSION_SETS) await ok('POST', '/api/v1/meta/permission-sets', set);
  for (const group of GROUPS) await ok('POST', '/api/v1/meta/groups', group);
  for (const rule of SHARING_RULES) await ok('POST', '/api/v1/meta/sharing-rules', rule);

  const store = await engine.platform.tenant(tenant.name);
  const userIds: Record<string, string> = { admin: tenant.adminId };
  const headers: Record<string, Record<string, string>> = { admin: tenant.headers };
  for (const [persona, user] of Object.entries(USERS)) {
    const created = await ok('POST', '/api/v1/records/user', { ...user, email: `${persona}@example.com` });
    userIds[persona] = created._id;
    // A password set after the token would revoke it: a new password ends every credential.
    if (options.password !== undefined) await ok('POST', `/api/v1/auth/users/${created._id}/password`, { password: options.password }, 204);
    const { token } = await issueToken(store, created._id, 'permission matrix');
    headers[persona] = { ...(tenant.name === DEFAULT_TENANT ? {} : { 'x-tenant': tenant.name }), authorization: `Bearer ${token}` };
  }

  const ids: Record<string, string> = {};
  const nameOf = (key: string) => `${recordSpec(key).values.name} (${tenant.name})`;
  for (const spec of RECORDS) {
    const refs = Object.fromEntries(Object.entries(spec.refs ?? {}).map(([field, key]) => [field, ids[key]]));
    const created = await ok('POST', `/api/v1/records/${spec.object}`, { ...spec.values, name: nameOf(spec.key), ...refs });
    ids[spec.key] = created._id;
    if (spec.owner !== 'admin' && spec.object !== 'opportunity_line') {
      await ok('PUT', `/api/v1/records/${spec.object}/${created._id}/owner`, { owner: userIds[spec.owner] }, 200);
    }
  }
  return {
    tenant: tenant.name,
    as: (persona) => (method, path, body) => engine.request(method, path, body, headers[persona]),
    headers: (persona) => headers[persona]!,
    userId: (persona) => userIds[persona]!,
    id: (key) => ids[key] ?? expect.fail(`no record ${key} in ${tenant.name}`),
    nameOf,
  };
}

/**
 * Everything of the company a tenant's administrator can read: every record of every object and
 * the manual shares of the private ones. What "nothing changed" compares.
 */
export async function orgState(org: Org): Promise<Record<string, unknown>> {
  const admin = org.as('admin');
  const state: Record<string, unknown> = {};
  await Promise.all(OBJECTS.map(async (object) => {
    const response = await admin('GET', `/api/v1/records/${object}?sort=_id&limit=200`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    state[object] = response.body.records;
  }));
  await Promise.all(RECORDS.filter((spec) => spec.object === 'account' || spec.object === 'opportunity').map(async ({ key, object }) => {
    state[`${key} shares`] = (await admin('GET', `/api/v1/records/${object}/${org.id(key)}/shares`)).body;
  }));
  return state;
}

/** The rows of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks), the BOM dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') (cell += '"', i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(cell), (cell = ''));
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      (row = []), (cell = '');
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The values of one column of an export, by its header; fails the test when the column is missing. */
export function csvColumn(rows: string[][], column: string): string[] {
  const index = rows[0]?.indexOf(column) ?? -1;
  expect(index, `the export's header ${JSON.stringify(rows[0])} has ${column}`).to.be.at.least(0);
  return rows.slice(1).map((row) => row[index]!);
}
