import { expect } from 'chai';
import { LOGIN } from './auth-helpers.js';
import type { TestEngine } from './test-engine.js';

/** The operator token of test engines that turn the operator API on. */
export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdefghijklmnop';
export const TENANTS_PATH = '/api/operator/tenants';

/** Headers of the platform operator's calls (no tenant, no user). */
export function operator(token = OPERATOR_TOKEN): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A tenant made through the operator API, with its first administrator signed in and holding a token. */
export interface TestTenant {
  name: string;
  adminEmail: string;
  adminPassword: string;
  adminId: string;
  token: string;
  /** Headers of its administrator's calls: the tenant and their API token. */
  headers: Record<string, string>;
}

const ADMIN_PASSWORD = 'a tenant administrator passphrase';

/** Signs in to `tenant` with no other credentials; the response as the API gave it. */
export function loginTo(engine: TestEngine, tenant: string, email: string, password: string) {
  return engine.request('POST', LOGIN, { email, password }, { authorization: '', 'x-tenant': tenant });
}

/** Creates a tenant as the operator, signs its administrator in and issues them an API token. */
export async function createTenant(engine: TestEngine, name: string): Promise<TestTenant> {
  const adminEmail = `admin@${name}.example`;
  const created = await engine.request('POST', TENANTS_PATH, { name, adminEmail, adminPassword: ADMIN_PASSWORD }, operator());
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const token = await tokenIn(engine, name, adminEmail, ADMIN_PASSWORD);
  return { name, adminEmail, adminPassword: ADMIN_PASSWORD, adminId: created.body.admin.id, token, headers: { 'x-tenant': name, authorization: `Bearer ${token}` } };
}

/** Signs a user in to `tenant` with their password and issues them an API token there. */
export async function tokenIn(engine: TestEngine, tenant: string, email: string, password: string): Promise<string> {
  const signedIn = await loginTo(engine, tenant, email, password);
  expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
  const cookie = signedIn.headers.getSetCookie().find((header) => header.startsWith('crm_session='))!.split(';')[0]!;
  const issued = await engine.request('POST', '/api/v1/auth/tokens', { name: 'tests' }, {
    authorization: '',
    cookie,
    'x-csrf-token': signedIn.body.csrfToken,
    'x-tenant': tenant,
  });
  expect(issued.status, JSON.stringify(issued.body)).to.equal(201);
  return issued.body.token as string;
}

/** Signs a user of `tenant` in and issues them an API token: the headers of their calls (the tenant and the token). */
export async function tenantUserHeaders(engine: TestEngine, tenant: string, email: string, password: string): Promise<Record<string, string>> {
  return { 'x-tenant': tenant, authorization: `Bearer ${await tokenIn(engine, tenant, email, password)}` };
}
