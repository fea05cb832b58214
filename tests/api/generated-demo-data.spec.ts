import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availablePack, demoDataOf } from '../../engine/packs/index.js';
import { expectError, listRecords, metadataVersion } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/packs', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** A pack whose generator returns, among good records, one without a demo key (index 2). */
function writeBadGenerator(packsDir: string): void {
  const dir = join(packsDir, 'bad-generator');
  mkdirSync(join(dir, 'metadata', 'objects'), { recursive: true });
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'bad-generator', version: '1.0.0', label: { en: 'Bad generator' } }));
  writeFileSync(join(dir, 'metadata', 'objects', 'bg_item.json'), JSON.stringify({ name: 'bg_item', label: { en: 'Item' }, fields: [{ name: 'name', type: 'text' }] }));
  writeFileSync(
    join(dir, 'index.mjs'),
    `export default { demoData: () => ({ bg_item: [{ _key: 'a', name: 'A' }, { _key: 'b', name: 'B' }, { name: 'no key' }, { _key: 'd', name: 'D' }] }) };\n`,
  );
}

/**
 * definePack({ demoData }) over the API: demo-shop's index.ts generates a year of orders around
 * the day of the install, its customers and two users, created through the write path once.
 */
describe('packs: demo data generated for the day of the install', function () {
  this.timeout(60_000);
  let engine: TestEngine;
  let packsDir: string;

  before(async () => {
    packsDir = mkdtempSync(join(tmpdir(), 'crm-generated-demo-'));
    for (const name of ['demo-base', 'demo-shop']) symlinkSync(join(FIXTURES, name), join(packsDir, name), 'dir');
    writeBadGenerator(packsDir);
    engine = await startTestEngine({ packsDir });
    expect((await engine.request('POST', '/api/v1/packs/install', { name: 'demo-base' })).status).to.equal(200);
  });
  after(async () => {
    await engine.stop();
    rmSync(packsDir, { recursive: true, force: true });
  });

  it('plans the generated records per object', async () => {
    const planned = await engine.request('POST', '/api/v1/packs/plan', { name: 'demo-shop', demoData: true });
    expect(planned.status, JSON.stringify(planned.body)).to.equal(200);
    expect(planned.body.plan.demoData).to.deep.equal({ ds_customer: 24, ds_order: 80, user: 2 });
    expect((await engine.request('GET', '/api/v1/records/ds_order')).status, 'a plan writes nothing').to.equal(404);
  });

  it('creates them through the write path at the install: a year of orders up to today, some ahead, lookups resolved, users made', async () => {
    const installed = await engine.request('POST', '/api/v1/packs/install', { name: 'demo-shop', demoData: true });
    expect(installed.status, JSON.stringify(installed.body)).to.equal(200);
    expect(installed.body.plan.demoData).to.deep.equal({ ds_customer: 24, ds_order: 80, user: 2 });

    const orders = (await listRecords(engine, 'ds_order', { sort: '_id', limit: 200 })).records;
    expect(orders).to.have.length(80);
    const dates = orders.map((order) => order.ordered_on as string);
    expect(dates.every((date) => date >= day(-366) && date <= day(31)), 'within a year back and a month ahead').to.equal(true);
    expect(dates.some((date) => date > day(0)), 'some orders lie ahead').to.equal(true);
    expect(dates.some((date) => date < day(-270)), 'the history reaches back most of a year').to.equal(true);

    // The same numbers as the generator draws in this process: seeded by the pack's name, never Math.random.
    const generated = demoDataOf(await availablePack(packsDir, 'demo-shop'))!;
    expect(orders.map((order) => [order.subject, order.quantity])).to.deep.equal(generated.ds_order!.map((order) => [order.subject, order.quantity]));
    const customers = (await listRecords(engine, 'ds_customer', { sort: '_id', limit: 200 })).records;
    const customerIds = new Map(generated.ds_customer!.map((customer, index) => [customer._key, customers[index]!._id as string]));
    expect(orders.map((order) => order.customer)).to.deep.equal(generated.ds_order!.map((order) => customerIds.get((order.customer as { $key: string }).$key)));

    const users = (await listRecords(engine, 'user', { filter: { email: { in: ['ds_clerk@demo.crm.local', 'ds_manager@demo.crm.local'] } }, sort: 'email' })).records;
    expect(users.map((user) => [user.email, user.role])).to.deep.equal([
      ['ds_clerk@demo.crm.local', 'ds_clerk'],
      ['ds_manager@demo.crm.local', 'ds_manager'],
    ]);
    const audit = (await engine.request('GET', '/api/v1/audit?action=record.create&limit=200')).body.entries as { actor: string; object: string }[];
    const orderCreates = audit.filter((entry) => entry.object === 'ds_order');
    expect(orderCreates).to.have.length(80);
    expect(orderCreates.every((entry) => entry.actor === engine.adminId), 'as the admin who installs').to.equal(true);
  });

  it('creates none of them twice: installing again or upgrading', async () => {
    const again = await engine.request('POST', '/api/v1/packs/install', { name: 'demo-shop', demoData: true });
    expect(again.status, JSON.stringify(again.body)).to.equal(200);
    expect(again.body.plan.demoData).to.deep.equal({});
    const upgraded = await engine.request('POST', '/api/v1/packs/install', { name: 'demo-shop', demoData: true, upgrade: true });
    expect(upgraded.status, JSON.stringify(upgraded.body)).to.equal(200);
    expect(upgraded.body.plan.demoData).to.deep.equal({});
    expect((await listRecords(engine, 'ds_order', { total: true, limit: 1 })).total).to.equal(80);
    expect((await listRecords(engine, 'ds_customer', { total: true, limit: 1 })).total).to.equal(24);
  });

  it('refuses a generator that returns bad records with 400 at /demoData/<object>.json/<index>/…, and changes nothing', async () => {
    const version = await metadataVersion(engine);
    const planned = await engine.request('POST', '/api/v1/packs/plan', { name: 'bad-generator', demoData: true });
    const planPaths = expectError(planned, 400, 'validation_failed').map((detail) => detail.path);
    expect(planPaths).to.deep.equal(['/demoData/bg_item.json/2/_key']);

    const refused = await engine.request('POST', '/api/v1/packs/install', { name: 'bad-generator', demoData: true });
    expect(expectError(refused, 400, 'validation_failed').map((detail) => detail.path)).to.deep.equal(planPaths);
    expect(refused.body.error.message).to.contain("'bad-generator'");
    expect(await metadataVersion(engine), 'no metadata landed').to.equal(version);
    expect((await engine.request('GET', '/api/v1/meta/objects/bg_item')).status).to.equal(404);
    expect(((await engine.request('GET', '/api/v1/packs')).body.installed as { name: string }[]).map((pack) => pack.name)).not.to.include('bad-generator');
  });

  it("takes the pack's roles and permission sets from their users at a forced uninstall, keeping the rest, audited", async () => {
    const users = async () => (await listRecords(engine, 'user', { filter: { email: { in: ['ds_manager@demo.crm.local', 'ds_clerk@demo.crm.local'] } }, sort: 'email' })).records;
    const [clerk] = await users();
    // The clerk holds a set of the pack and the platform's own: only the first goes.
    expect(clerk).to.include({ role: 'ds_clerk' });
    expect(clerk!.permission_sets).to.deep.equal(['standard_user', 'ds_user']);
    expectError(await engine.request('DELETE', '/api/v1/packs/demo-shop'), 409);
    const removed = await engine.request('DELETE', '/api/v1/packs/demo-shop?force=true');
    expect(removed.status, JSON.stringify(removed.body)).to.equal(200);
    expect(removed.body.removed).to.include.members(['permissionSet:ds_user', 'role:ds_clerk', 'role:ds_manager']);
    const after = await users();
    expect(after.map((user) => ({ role: user.role ?? null, sets: user.permission_sets }))).to.deep.equal([
      { role: null, sets: ['standard_user'] },
      { role: null, sets: ['standard_user'] },
    ]);
    const audit = await engine.request('GET', `/api/v1/audit?record=${clerk!._id}`);
    expect(JSON.stringify(audit.body)).to.contain('"ds_user"');
  });
});
