import { expect } from 'chai';
import type { TestTenant } from '../../support/tenant-helpers.js';
import type { TestEngine } from '../../support/test-engine.js';
import { demoUser, ok, type DemoUser, type Json } from './pack-tenant-helpers.js';

const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const TODAY = new Date().toISOString().slice(0, 10);
/** The day (YYYY-MM-DD) `days` after `day`. */
export const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** 09:00 in Shanghai (UTC+8) on a day: when the manufacturing pack's reminders go out. */
export const nineInShanghai = (day: string) => new Date(Date.parse(`${day}T01:00:00Z`));
export const oneMinute = (at: Date, sign: 1 | -1) => new Date(at.getTime() + sign * MINUTE);

/**
 * The calls of one tenant's administrator and of the people of its team, for the specs of the
 * manufacturing pack; the engine and tenant are read when called (they are made in `before`).
 */
export function tenantCalls(engine: () => TestEngine, tenant: () => TestTenant) {
  const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => engine().request(method, path, body, { ...tenant().headers, ...headers });
  const where = (filter: Json) => encodeURIComponent(JSON.stringify(filter));
  return {
    admin,
    create: async (object: string, values: Json) => ok(await admin('POST', `/api/v1/records/${object}`, values), 201),
    read: async (object: string, id: string) => ok(await admin('GET', `/api/v1/records/${object}/${id}`)),
    list: async (object: string, filter: Json = {}, extra = '') => ok(await admin('GET', `/api/v1/records/${object}?limit=200&filter=${where(filter)}${extra}`)).records as Json[],
    count: async (object: string, filter: Json = {}) => ok(await admin('GET', `/api/v1/records/${object}?limit=1&total=true&filter=${where(filter)}`)).total as number,
    /** A user of the tenant with a role and permission sets (beside the standard user's), signed in for an API token. */
    person: async (name: string, role: string, permissionSets: string[]): Promise<DemoUser> => {
      const email = `${name}@manufacturing.example`;
      ok(await admin('POST', '/api/v1/records/user', { full_name: name, email, role, permission_sets: ['standard_user', ...permissionSets] }), 201);
      return demoUser(engine(), tenant(), email);
    },
    /** The e-mails of the outbox whose subject holds the text. */
    emailsAbout: async (text: string) => (ok(await admin('GET', '/api/v1/outbox/email?limit=200')).messages as Json[]).filter((message) => String(message.subject).includes(text)),
    /** Runs every job due at `when`, again while any ran (a job may enqueue another due at once). */
    runAllDue: async (when: Date) => {
      while ((await engine().jobs.runDue(when)) > 0);
    },
  };
}

/** The details of an error response of that status and code, as [path, message] pairs. */
export function refusal(response: { status: number; body: any }, status: number, code?: string): [string, string][] {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  if (code) expect(response.body.error.code).to.equal(code);
  return (response.body.error.details as Json[]).map((detail) => [detail.path, detail.message]);
}
