import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loginTo, type TestTenant } from '../../support/tenant-helpers.js';
import type { TestEngine } from '../../support/test-engine.js';

export type Json = Record<string, any>;

/** The repository's packs folder: the department packs as shipped. */
export const PLUGINS = fileURLToPath(new URL('../../../plugins', import.meta.url));

/** A user of a tenant's demo, signed in with a password the administrator gave them. */
export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly headers: Record<string, string>;
  as(method: string, path: string, body?: unknown): ReturnType<TestEngine['request']>;
}

const PASSWORD = 'a demo user passphrase for tests';

/** Gives the tenant's user of that e-mail a password, signs them in and issues them an API token. */
export async function demoUser(engine: TestEngine, tenant: TestTenant, email: string): Promise<DemoUser> {
  const found = await engine.request('GET', `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ email }))}`, undefined, tenant.headers);
  const id = (found.body.records as Json[])[0]?._id as string;
  expect(id, `the demo has a user ${email}`).to.be.a('string');
  expect((await engine.request('POST', `/api/v1/auth/users/${id}/password`, { password: PASSWORD }, tenant.headers)).status).to.equal(204);
  const signedIn = await loginTo(engine, tenant.name, email, PASSWORD);
  expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
  const cookie = signedIn.headers.getSetCookie().find((header) => header.startsWith('crm_session='))!.split(';')[0]!;
  const issued = await engine.request('POST', '/api/v1/auth/tokens', { name: 'tests' }, { authorization: '', cookie, 'x-csrf-token': signedIn.body.csrfToken, 'x-tenant': tenant.name });
  expect(issued.status, JSON.stringify(issued.body)).to.equal(201);
  const headers = { 'x-tenant': tenant.name, authorization: `Bearer ${issued.body.token}` };
  return { id, email, headers, as: (method, path, body) => engine.request(method, path, body, headers) };
}

/** The body of a response that must have succeeded with that status. */
export function ok(response: { status: number; body: any }, status = 200): Json {
  expect(response.status, JSON.stringify(response.body)).to.equal(status);
  return response.body as Json;
}

/** The fields of an object definition with one field's English label changed: a tenant's or a pack's customisation. */
export function relabel(fields: Json[], name: string, en: string): Json[] {
  return fields.map((field) => (field.name === name ? { ...field, label: { ...field.label, en } } : field));
}

/**
 * Makes the pack in `folder` (a copy in a temporary packs folder) a new version whose definition of
 * `object` is changed by `change`, as the consultant's next release would be.
 */
export function releasePack(folder: string, version: string, object: string, change: (definition: Json) => Json): void {
  const manifest = JSON.parse(readFileSync(join(folder, 'pack.json'), 'utf8'));
  writeFileSync(join(folder, 'pack.json'), JSON.stringify({ ...manifest, version }, null, 2));
  const file = join(folder, 'metadata', 'objects', `${object}.json`);
  writeFileSync(file, JSON.stringify(change(JSON.parse(readFileSync(file, 'utf8'))), null, 2));
}
