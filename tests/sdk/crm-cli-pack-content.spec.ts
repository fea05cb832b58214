import { expect } from 'chai';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crm } from './support/run-crm.js';
import { allRecords } from '../support/api-helpers.js';
import { createTenant, OPERATOR_TOKEN, type TestTenant } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

type Json = Record<string, any>;

const FIXTURE = fileURLToPath(new URL('../fixtures/packs/field-service', import.meta.url));

describe('npx crm pack: demo data and translations, from a folder and back to one', () => {
  let engine: TestEngine;
  let dir: string;
  let fresh: TestTenant;
  let source: string[];

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    fresh = await createTenant(engine, 'promoted');
    dir = mkdtempSync(join(tmpdir(), 'crm-cli-content-'));
    source = ['--url', engine.url, '--token', engine.token];
  });
  after(async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans and installs a folder with --demo-data: the records counted per object, then created', async () => {
    const planned = await crm(['pack', 'plan', FIXTURE, '--demo-data', ...source]);
    expect(planned.code, planned.err).to.equal(0);
    expect(planned.out).to.contain('demo data    site: 2 record(s)').and.to.contain('demo data    work_order: 3 record(s)');
    const installed = await crm(['pack', 'install', FIXTURE, '--demo-data', ...source]);
    expect(installed.code, installed.err).to.equal(0);
    expect(await allRecords(engine, 'work_order')).to.have.length(3);
    expect((await engine.request('GET', '/api/v1/meta/objects/site')).body.definition.label).to.deep.equal({ en: 'Site', 'zh-CN': '现场' });
  });

  it('diffs and upgrades with --demo-data: records to create count as a difference, none once they are there', async () => {
    const tenant = await createTenant(engine, 'diffed');
    const where = ['--url', engine.url, '--token', tenant.token, '--tenant', tenant.name];
    const first = await crm(['pack', 'diff', FIXTURE, '--demo-data', ...where]);
    expect(first.code, first.out + first.err).to.equal(1);
    expect(first.out).to.contain('+ demo data    site: 2 record(s)').and.to.contain('5 demo record(s) would be created');
    expect((await crm(['pack', 'install', FIXTURE, '--demo-data', ...where])).code).to.equal(0);
    const same = await crm(['pack', 'diff', FIXTURE, '--demo-data', ...where]);
    expect(same.code, same.out + same.err).to.equal(0);
    expect(same.out).to.contain('Nothing would change.');
    const folder = join(dir, 'field-service-1.1');
    cpSync(FIXTURE, folder, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(folder, 'pack.json'), 'utf8')) as Json;
    writeFileSync(join(folder, 'pack.json'), JSON.stringify({ ...manifest, version: '1.1.0' }));
    const orders = JSON.parse(readFileSync(join(folder, 'data', 'work_order.json'), 'utf8')) as Json[];
    writeFileSync(join(folder, 'data', 'work_order.json'), JSON.stringify([...orders, { _key: 'lights', subject: 'Fix the apron lights', site: { $key: 'airport' } }]));
    const differs = await crm(['pack', 'diff', folder, '--demo-data', ...where]);
    expect(differs.code, differs.out + differs.err).to.equal(1);
    expect(differs.out).to.contain('+ demo data    work_order: 1 record(s)').and.to.contain('1 demo record(s) would be created');
    const upgraded = await crm(['pack', 'upgrade', folder, '--demo-data', ...where]);
    expect(upgraded.code, upgraded.err).to.equal(0);
    expect(upgraded.out).to.contain('demo data    work_order: 1 record(s)').and.to.contain('Upgraded field-service from 1.0.0 to 1.1.0');
    expect((await engine.request('GET', '/api/v1/records/work_order', undefined, tenant.headers)).body.records).to.have.length(4);
  });

  it('exports metadata, zh-CN translations and records as a folder that installs into a fresh tenant identically, compared by value', async () => {
    // Built further in the source tenant: a record of its own that references a demo record.
    const harbour = (await allRecords(engine, 'site'))[0]!;
    expect((await engine.request('POST', '/api/v1/records/work_order', { subject: 'Paint the railings', site: harbour._id, priority: 'high', hours: 6 })).status).to.equal(201);
    const folder = join(dir, 'field-service');
    const exported = await crm(['pack', 'export', folder, '--name', 'field-service', '--version', '2.0.0', '--label', 'Field service', '--object', 'site', '--object', 'work_order', '--translations', 'zh-CN', '--data', 'site', '--data', 'work_order', ...source]);
    expect(exported.code, exported.err).to.equal(0);
    expect(exported.out).to.contain('translations in zh-CN, 6 demo record(s)');

    const translations = readFileSync(join(folder, 'translations', 'zh-CN.json'), 'utf8');
    const keys = Object.keys(JSON.parse(translations) as Json);
    expect(keys, 'in alphabetical order').to.deep.equal([...keys].sort());
    expect(JSON.parse(translations)).to.include({ 'object:work_order/label': '工单', 'object:work_order/fields/priority/values/high/label': '高' });
    const object = JSON.parse(readFileSync(join(folder, 'metadata', 'objects', 'work_order.json'), 'utf8')) as Json;
    expect(object.label, 'the definitions keep the other language').to.deep.equal({ en: 'Work order' });
    const orders = JSON.parse(readFileSync(join(folder, 'data', 'work_order.json'), 'utf8')) as Json[];
    const airport = (await allRecords(engine, 'site'))[1]!;
    expect(orders.map((order) => order.site), 'references as demo keys').to.deep.equal([harbour, harbour, airport, harbour].map((site) => ({ $key: site._id })));
    expect(orders[0]).not.to.have.property('_id');
    expect(existsSync(join(folder, 'data', 'site.json'))).to.equal(true);

    const promoted = await crm(['pack', 'install', folder, '--demo-data', '--url', engine.url, '--token', fresh.token, '--tenant', fresh.name]);
    expect(promoted.code, promoted.err).to.equal(0);

    const exportBoth = async (headers: Json) =>
      (await engine.request('POST', '/api/v1/packs/export', { manifest: { name: 'compared', version: '1.0.0', label: { en: 'Compared' } }, objects: ['site', 'work_order'], data: ['site', 'work_order'] }, headers)).body.pack as Json;
    const [before, after] = [await exportBoth({}), await exportBoth(fresh.headers)];
    expect(after.items.length).to.equal(before.items.length);
    for (const [index, item] of (before.items as Json[]).entries()) expect(after.items[index], `${item.kind}:${item.name}`).to.deep.equal(item);

    // Records by value: ids aside, each reference by the value of what it names.
    const byValue = async (headers: Json) => {
      const sites = (await engine.request('GET', '/api/v1/records/site?sort=_createdAt', undefined, headers)).body.records as Json[];
      const workOrders = (await engine.request('GET', '/api/v1/records/work_order?sort=_createdAt', undefined, headers)).body.records as Json[];
      const site = (id: string) => sites.find((candidate) => candidate._id === id)!.name;
      return {
        sites: sites.map(({ name, city, open_orders }) => ({ name, city, open_orders })),
        workOrders: workOrders.map(({ subject, priority, hours, site: id }) => ({ subject, priority, hours, site: site(id) })),
      };
    };
    const [sourceRecords, promotedRecords] = [await byValue({}), await byValue(fresh.headers)];
    expect(promotedRecords).to.deep.equal(sourceRecords);
    expect(promotedRecords.workOrders).to.have.length(4);
    expect(promotedRecords.sites[0]!.open_orders).to.equal(3);
  });
});
